package io.signflow.flowgroup;

import io.signflow.api.ApiException;
import io.signflow.api.ErrorCodes;
import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whole-group operations: cancelling every open contract of a group and moving their deadline, asked
 * for by CancelFlowGroup and ModifyFlowGroupDeadline (API or admin API) and carried out by the
 * flow-group process, whose event subprocesses the requests wake; and cancelling the rest of a group
 * under the all-or-nothing policy, a step of the same process.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class FlowGroupOperations {

    private final FlowGroupRepository groups;
    private final FlowProgress progress;
    private final AuditTrail audit;
    private final FlowProcesses processes;
    private final Clock clock;

    public FlowGroupOperations(FlowGroupRepository groups, FlowProgress progress, AuditTrail audit,
                               FlowProcesses processes, Clock clock) {
        this.groups = groups;
        this.progress = progress;
        this.audit = audit;
        this.processes = processes;
        this.clock = clock;
    }

    /**
     * CancelFlowGroup, the group already found visible: refuses when every contract has ended, otherwise
     * hands the cancellation to the group's process, which cancels each open contract through its own
     * cancel path (and refund rule) in this transaction.
     */
    public void requestCancel(String groupId, String rawMessage, String actor, String clientIp) {
        String message = CancelFlowAction.cancelMessage(rawMessage);
        lockOpen(groupId);
        processes.cancelGroup(groupId, message, actor, clientIp);
    }

    /**
     * ModifyFlowGroupDeadline, the group already found visible: every open contract gets the new
     * deadline, which must be later than each one's current deadline (deadlines are extended, as ESS's
     * ModifyFlowDeadline does); the group's process then moves their deadline timers.
     */
    public void requestDeadline(String groupId, Long deadline, String actor, String clientIp) {
        if (deadline == null) {
            throw new ApiException(ErrorCodes.MISSING_PARAMETER, "The parameter Deadline is required.");
        }
        Instant now = clock.instant();
        if (deadline == 0) {
            throw new ApiException(ErrorCodes.FLOW_DEADLINE, "Deadline must be a future time in Unix seconds.");
        }
        Instant moved = FlowGroupValidator.deadline("ModifyFlowGroupDeadline", deadline, now);
        List<String> open = lockOpen(groupId);
        for (String flowId : open) {
            if (!moved.isAfter(progress.deadline(flowId))) {
                throw new ApiException(ErrorCodes.FLOW_DEADLINE, "Deadline " + deadline + " is not later than the "
                        + "current deadline " + progress.deadline(flowId).getEpochSecond() + " of the contract "
                        + flowId + "; a group's deadline can only be extended.");
            }
        }
        progress.setDeadline(open, moved);
        audit.recordAll(groupId, open, AuditEvent.DEADLINE_MODIFIED, actor, clientIp, "deadline " + moved);
        processes.groupDeadlineModified(groupId);
    }

    /**
     * Cancels every contract of the group that is still open, each through its sign-flow's cancel path
     * (refund rule, "cancel" callback): for CancelFlowGroup and for the all-or-nothing policy. The
     * group is marked as partly failed first, so that no contract cancelled here announces PART: the
     * group's end says what happened.
     */
    public void cancelOpen(String groupId, String message, String actor, String clientIp) {
        List<String> open = groups.openFlowIds(groupId);
        progress.lock(open);
        groups.markPart(groupId);
        for (String flowId : open) {
            progress.setMessage(flowId, message);
            audit.record(groupId, flowId, AuditEvent.CANCELLED, actor, clientIp, message);
        }
        open.forEach(processes::cancelFlow);
    }

    /** The open contracts of the group, locked; OperationDenied.FlowHasTerminated when there are none. */
    private List<String> lockOpen(String groupId) {
        progress.lock(groups.flowIds(groupId));
        List<String> open = groups.openFlowIds(groupId);
        if (open.isEmpty()) {
            throw new ApiException(ErrorCodes.FLOW_HAS_TERMINATED, "Every contract of the group " + groupId
                    + " has ended already.");
        }
        return open;
    }
}
