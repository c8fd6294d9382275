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
 * the statuses and the platform's part of the record. A contract of its own ends its group row too,
 * which for a group's contracts the flow-group process does once all of them have ended.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class FlowOutcomes {

    private final FlowProgress progress;
    private final AuditTrail audit;
    private final FlowGroupRepository groups;

    public FlowOutcomes(FlowProgress progress, AuditTrail audit, FlowGroupRepository groups) {
        this.progress = progress;
        this.audit = audit;
        this.groups = groups;
    }

    public void complete(String groupId, String flowId) {
        progress.complete(flowId);
        audit.record(groupId, flowId, AuditEvent.COMPLETED, AuditTrail.PLATFORM, null, "every signer has signed");
        groups.concludeIfSingle(flowId);
    }

    public void reject(String flowId) {
        progress.reject(flowId, null);
        groups.concludeIfSingle(flowId);
    }

    public void cancel(String flowId) {
        progress.cancel(flowId, null);
        groups.concludeIfSingle(flowId);
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
        groups.concludeIfSingle(flowId);
    }
}
