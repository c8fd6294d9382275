package io.signflow.process;

import static io.signflow.process.ProcessVariables.flowId;
import static io.signflow.process.ProcessVariables.groupId;

import io.signflow.audit.AuditTrail;
import io.signflow.flowgroup.FlowGroupOperations;
import io.signflow.flowgroup.FlowGroupService;
import io.signflow.flowgroup.FlowProgress;
import io.signflow.flowgroup.FlowStatus;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * flow-group's steps for a group as a whole: its first failure, the all-or-nothing policy, and the
 * event subprocesses of CancelFlowGroup and ModifyFlowGroupDeadline.
 */
@Configuration(proxyBeanMethods = false)
class GroupOperationDelegates {

    private final FlowGroupService groups;
    private final FlowGroupOperations operations;
    private final FlowProgress progress;

    GroupOperationDelegates(FlowGroupService groups, FlowGroupOperations operations, FlowProgress progress) {
        this.groups = groups;
        this.operations = operations;
        this.progress = progress;
    }

    /** The group's first contract failed while others are open: the group is partly failed from now on. */
    @Bean
    JavaDelegate markGroupPartDelegate() {
        return execution -> groups.markPart(groupId(execution));
    }

    /** all-or-nothing: the contract of this branch failed, so every other open contract is cancelled. */
    @Bean
    JavaDelegate cancelRestOfGroupDelegate() {
        return execution -> {
            String failed = flowId(execution);
            String how = switch (progress.status(failed)) {
                case FlowStatus.REJECTED -> "was rejected";
                case FlowStatus.EXPIRED -> "expired";
                default -> "was cancelled";
            };
            operations.cancelOpen(groupId(execution), "Cancelled with its group (all-or-nothing): the contract "
                    + failed + " " + how + ".", AuditTrail.PLATFORM, null);
        };
    }

    /**
     * CancelFlowGroup: every open contract is cancelled with the request's message, actor and address,
     * which the message brought; they are removed once used, as the instance keeps ids only.
     */
    @Bean
    JavaDelegate cancelGroupDelegate() {
        return execution -> {
            List<String> request = Stream.of(ProcessVariables.CANCEL_MESSAGE, ProcessVariables.CANCELLED_BY,
                    ProcessVariables.CANCEL_CLIENT_IP).map(name -> (String) execution.getVariable(name)).toList();
            operations.cancelOpen(groupId(execution), request.get(0), request.get(1), request.get(2));
            execution.removeVariables(List.of(ProcessVariables.CANCEL_MESSAGE, ProcessVariables.CANCELLED_BY,
                    ProcessVariables.CANCEL_CLIENT_IP));
        };
    }

    /** ModifyFlowGroupDeadline has recorded the new deadline of the open contracts: their timers follow. */
    @Bean
    JavaDelegate moveDeadlineTimersDelegate(DeadlineTimers timers) {
        return execution -> timers.move(groupId(execution));
    }
}
