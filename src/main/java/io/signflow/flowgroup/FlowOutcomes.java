package io.signflow.flowgroup;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a contract ends, one method per end event of sign-flow. The action that caused the end (a
 * signature, a rejection, CancelFlow) has already recorded who did it and why; these steps settle
 * the statuses and the platform's part of the record.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class FlowOutcomes {

    private final FlowProgress progress;
    private final AuditTrail audit;

    public FlowOutcomes(FlowProgress progress, AuditTrail audit) {
        this.progress = progress;
        this.audit = audit;
    }

    public void complete(String groupId, String flowId) {
        progress.complete(flowId);
        audit.record(groupId, flowId, AuditEvent.COMPLETED, AuditTrail.PLATFORM, null, "every signer has signed");
    }

    public void reject(String flowId) {
        progress.reject(flowId, null);
    }

    public void cancel(String flowId) {
        progress.cancel(flowId, null);
    }

    /**
     * The deadline timer fired. It may race a last signature, so it takes the contract's lock first and
     * leaves a contract that had ended meanwhile as it is.
     */
    public void expire(String groupId, String flowId) {
        progress.lock(List.of(flowId));
        if (FlowStatus.isTerminal(progress.status(flowId))) {
            return;
        }
        progress.expire(flowId);
        audit.record(groupId, flowId, AuditEvent.EXPIRED, AuditTrail.PLATFORM, null,
                "the deadline passed before every signer had signed");
    }
}
