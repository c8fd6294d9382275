package io.signflow.signing;

import io.signflow.common.Texts;
import io.signflow.api.ErrorCodes;
import io.signflow.common.ComponentExtra;
import io.signflow.common.RequestRejected;
import io.signflow.flowgroup.ApproverRecords;
import io.signflow.flowgroup.FillValueRules;
import io.signflow.flowgroup.SignControlRules;
import io.signflow.signing.SignerQueries.Field;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signer writes or picks in their sign controls as they sign: a signing opinion (SIGN_OPINION;
 * an opinion the initiator set is confirmed as it stands), and a signing-approval control's choice
 * (SIGN_SELECTOR) and comment (SIGN_MULTI_LINE_TEXT). A required one left empty refuses the whole
 * signature with {@code OperationDenied.RequiredComponentNotFill}, before anything is recorded.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class SignerTexts {

    private final ApproverRecords approvers;

    SignerTexts(ApproverRecords approvers) {
        this.approvers = approvers;
    }

    /** {@code values} by control id, as the signer page sends fill values. */
    void fill(List<Field> fields, Map<Long, String> values) {
        for (Field field : fields) {
            if (!SignControlRules.TEXTS.contains(field.type())) {
                continue;
            }
            String label = field.name() != null ? field.name() : field.type();
            boolean preset = field.type().equals("SIGN_OPINION") && field.componentValue() != null;
            String value = preset ? field.componentValue() : Texts.blankToNull(values.get(field.id()));
            if (value == null) {
                if (field.required()) {
                    throw new RequestRejected(HttpStatus.BAD_REQUEST, "Fill in " + label + " first.",
                            ErrorCodes.REQUIRED_COMPONENT_NOT_FILL);
                }
                continue;
            }
            if (!suits(field, value)) {
                throw RequestRejected.badRequest(label + ": " + expected(field.type()) + ".");
            }
            if (!preset) {
                approvers.fill(field.id(), value);
            }
        }
    }

    private static boolean suits(Field field, String value) {
        return switch (field.type()) {
            case "SIGN_OPINION" -> SignControlRules.isOpinion(value);
            case "SIGN_SELECTOR" -> FillValueRules.suits("SELECTOR", value, ComponentExtra.of(field.extra()).json());
            default -> FillValueRules.isAcceptableText(value);
        };
    }

    private static String expected(String type) {
        return switch (type) {
            case "SIGN_OPINION" -> "write one line of at most " + SignControlRules.MAX_OPINION + " characters";
            case "SIGN_SELECTOR" -> "pick one of the choices";
            default -> "write plain text of at most " + FillValueRules.MAX_TEXT + " characters";
        };
    }
}
