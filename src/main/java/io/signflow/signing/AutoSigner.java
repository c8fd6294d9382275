package io.signflow.signing;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.flowgroup.FlowApprover;
import io.signflow.flowgroup.FlowProgress;
import java.time.Clock;
import java.time.OffsetDateTime;
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
    private final AuditTrail audit;
    private final Clock clock;

    public AutoSigner(FlowProgress progress, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The approvers signed now. */
    public List<FlowApprover> signAll(String groupId, String flowId) {
        List<FlowApprover> signed = progress.signAutomatically(flowId);
        for (FlowApprover approver : signed) {
            String sealId = jdbc.sql("select component_value from component where recipient_id = ? "
                            + "and component_type = 'SIGN_SEAL' order by id limit 1")
                    .param(approver.recipientId()).query(String.class).single();
            jdbc.sql("insert into signature_record (flow_id, recipient_id, method, seal_id, verification, signed_at) "
                            + "values (?, ?, 'AUTO_SEAL', ?, 'PLATFORM', ?)")
                    .params(flowId, approver.recipientId(), sealId, OffsetDateTime.now(clock)).update();
            audit.record(groupId, flowId, AuditEvent.SIGNED, AuditTrail.PLATFORM, null,
                    approver.organizationName() + " sealed automatically with seal " + sealId);
        }
        return signed;
    }
}
