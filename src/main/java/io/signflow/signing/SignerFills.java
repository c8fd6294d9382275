package io.signflow.signing;

import io.signflow.common.ComponentExtra;
import io.signflow.common.RequestRejected;
import io.signflow.flowgroup.ApproverRecords;
import io.signflow.flowgroup.FillValueRules;
import io.signflow.signing.SignerQueries.Field;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The values a signer fills into their controls as they sign: required ones present, each as its type expects. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class SignerFills {

    private final ApproverRecords approvers;

    SignerFills(ApproverRecords approvers) {
        this.approvers = approvers;
    }

    /** {@code values} by control id; a control left out keeps the value it has. */
    void fill(List<Field> fields, Map<Long, String> values) {
        for (Field field : fields) {
            if (!field.isFill()) {
                continue;
            }
            String value = blankToNull(values.getOrDefault(field.id(), field.componentValue()));
            String label = field.name() != null ? field.name() : field.type();
            if (value == null) {
                if (field.required()) {
                    throw RequestRejected.badRequest("Fill in " + label + " first.");
                }
                continue;
            }
            if (!FillValueRules.isAcceptableText(value)
                    || !FillValueRules.suits(field.type(), value, ComponentExtra.of(field.extra()).json())) {
                throw RequestRejected.badRequest(label + ": " + FillValueRules.expectedFor(field.type()) + ".");
            }
            approvers.fill(field.id(), value);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
