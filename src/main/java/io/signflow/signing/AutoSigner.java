package io.signflow.signing;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowProgress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs for the initiating organization's auto-signers (ApproverType 3) with the seals named in their
 * SIGN_SEAL and SIGN_LEGAL_PERSON_SEAL controls, recording the evidence like any other signature; the seal is drawn into the PDF
 * when the document is sealed.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class AutoSigner {

    private final FlowProgress progress;
    private final JdbcClient jdbc;
    private final SignatureRecords records;
    private final AuditTrail audit;

    AutoSigner(FlowProgress progress, JdbcClient jdbc, SignatureRecords records, AuditTrail audit) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.records = records;
        this.audit = audit;
    }

    /** Signs for every auto-signer of the contract not signed yet. */
    public void signAll(String groupId, String flowId) {
        List<FlowApprover> signed = progress.signAutomatically(flowId);
        for (FlowApprover approver : signed) {
            Map<String, String> seals = sealsOf(approver.recipientId());
            String sealId = seals.get("SIGN_SEAL");
            String legalPersonSealId = seals.get("SIGN_LEGAL_PERSON_SEAL");
            records.automatic(flowId, approver.recipientId(), sealId, legalPersonSealId);
            audit.record(groupId, flowId, AuditEvent.SIGNED, AuditTrail.PLATFORM, null,
                    approver.organizationName() + " sealed automatically with " + (sealId == null ? ""
                            : "seal " + sealId + (legalPersonSealId == null ? "" : " and "))
                            + (legalPersonSealId == null ? "" : "legal representative's seal " + legalPersonSealId));
        }
    }

    /**
     * The seal the auto-signer's first control of each seal type names, by type (every one names a seal:
     * checked at creation).
     */
    private Map<String, String> sealsOf(String recipientId) {
        Map<String, String> seals = new HashMap<>();
        jdbc.sql("select component_type, component_value from component where recipient_id = ? "
                        + "and component_type in ('SIGN_SEAL', 'SIGN_LEGAL_PERSON_SEAL') order by id")
                .param(recipientId).query((rs, n) -> seals.putIfAbsent(rs.getString(1), rs.getString(2))).list();
        return seals;
    }
}
