package io.signflow.signing;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowProgress;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs for the initiating organization's auto-signers (ApproverType 3) with the seal named in their
 * SIGN_SEAL control, recording the evidence like any other signature; the seal is drawn into the PDF
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
            String sealId = jdbc.sql("select component_value from component where recipient_id = ? "
                            + "and component_type = 'SIGN_SEAL' order by id limit 1")
                    .param(approver.recipientId()).query(String.class).single();
            records.automatic(flowId, approver.recipientId(), sealId);
            audit.record(groupId, flowId, AuditEvent.SIGNED, AuditTrail.PLATFORM, null,
                    approver.organizationName() + " sealed automatically with seal " + sealId);
        }
    }
}
