package io.signflow.process;

import io.signflow.flowgroup.FlowGroupRepository;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Moves the deadline timers of a group's open contracts to the deadline recorded for each (the timer's
 * expression was evaluated when the contract started, so a new deadline needs its timer moved).
 */
@Component
class DeadlineTimers {

    /** sign-flow's deadline timer. */
    static final String DEADLINE_TIMER = "BoundaryEvent_Deadline";

    private final FlowGroupRepository groups;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final SignFlowExpressions signFlows;

    DeadlineTimers(FlowGroupRepository groups, RuntimeService runtime, ManagementService management,
                   SignFlowExpressions signFlows) {
        this.groups = groups;
        this.runtime = runtime;
        this.management = management;
        this.signFlows = signFlows;
    }

    void move(String groupId) {
        for (String flowId : groups.openFlowIds(groupId)) {
            var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(flowId).singleResult();
            if (instance == null) {
                continue;
            }
            var timer = management.createJobQuery().processInstanceId(instance.getId()).timers()
                    .activityId(DEADLINE_TIMER).singleResult();
            if (timer != null) {
                management.setJobDuedate(timer.getId(), signFlows.deadline(flowId));
            }
        }
    }
}
