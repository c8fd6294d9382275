package io.signflow.signing;

import io.signflow.common.Texts;
import io.signflow.api.ErrorCodes;
import io.signflow.common.ComponentExtra;
import io.signflow.common.RequestRejected;
import io.signflow.flowgroup.ApproverRecords;
import io.signflow.flowgroup.AttachmentValue;
import io.signflow.flowgroup.FillValueRules;
import io.signflow.signing.SignerQueries.Field;
import io.signflow.signing.SignerQueries.Signer;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The values a signer fills into their controls as they sign: required ones present
 * ({@code OperationDenied.RequiredComponentNotFill} otherwise), each as its type expects. A table
 * without any text counts as not filled; an ATTACHMENT names the signer's own uploads for it.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class SignerFills {

    private final ApproverRecords approvers;
    private final SignerAttachments attachments;

    SignerFills(ApproverRecords approvers, SignerAttachments attachments) {
        this.approvers = approvers;
        this.attachments = attachments;
    }

    /** {@code values} by control id; a control left out keeps the value it has. */
    void fill(Signer signer, List<Field> fields, Map<Long, String> values) {
        for (Field field : fields) {
            if (!field.isFill()) {
                continue;
            }
            String value = Texts.blankToNull(values.getOrDefault(field.id(), field.componentValue()));
            if (value != null && field.type().equals("DYNAMIC_TABLE") && FillValueRules.isEmptyTable(value)) {
                value = null;
            }
            String label = field.name() != null ? field.name() : field.type();
            if (field.type().equals("ATTACHMENT")) {
                attachments.keepOnly(signer.id(), field.id(), AttachmentValue.ids(value));
            }
            if (value == null) {
                if (field.required()) {
                    throw new RequestRejected(HttpStatus.BAD_REQUEST, "Fill in " + label + " first.",
                            ErrorCodes.REQUIRED_COMPONENT_NOT_FILL);
                }
                continue;
            }
            if (!FillValueRules.isAcceptable(field.type(), value)
                    || !FillValueRules.suits(field.type(), value, ComponentExtra.of(field.extra()).json())) {
                throw RequestRejected.badRequest(label + ": " + FillValueRules.expectedFor(field.type()) + ".");
            }
            approvers.fill(field.id(), value);
        }
    }

}
