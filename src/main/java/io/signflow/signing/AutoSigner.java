package io.signflow.signing;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.flowgroup.ApproverRecords;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowProgress;
import java.util.List;
import java.util.Map;
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
    private final ApproverRecords approverRecords;
    private final SignatureRecords records;
    private final AuditTrail audit;

    AutoSigner(FlowProgress progress, ApproverRecords approverRecords, SignatureRecords records, AuditTrail audit) {
        this.progress = progress;
        this.approverRecords = approverRecords;
        this.records = records;
        this.audit = audit;
    }

    /** Signs for every auto-signer of the contract not signed yet. */
    public void signAll(String groupId, String flowId) {
        List<FlowApprover> signed = progress.signAutomatically(flowId);
        for (FlowApprover approver : signed) {
            Map<String, String> seals = approverRecords.seals(approver.recipientId());
            String sealId = seals.get("SIGN_SEAL");
            String legalPersonSealId = seals.get("SIGN_LEGAL_PERSON_SEAL");
            records.automatic(flowId, approver.recipientId(), sealId, legalPersonSealId);
            audit.record(groupId, flowId, AuditEvent.SIGNED, AuditTrail.PLATFORM, null,
                    approver.organizationName() + " sealed automatically with " + (sealId == null ? ""
                            : "seal " + sealId + (legalPersonSealId == null ? "" : " and "))
                            + (legalPersonSealId == null ? "" : "legal representative's seal " + legalPersonSealId));
        }
    }
}
