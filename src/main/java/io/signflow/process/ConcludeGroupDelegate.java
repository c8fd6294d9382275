package io.signflow.process;

import io.signflow.flowgroup.FlowGroupService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * flow-group: every contract has ended. Records the outcome and keeps it on the instance too, so an
 * operator reads "3 completed, 1 cancelled" in Cockpit without opening the database.
 */
@Component
class ConcludeGroupDelegate implements JavaDelegate {

    static final String OUTCOME = "outcome";
    private final FlowGroupService groups;

    public ConcludeGroupDelegate(FlowGroupService groups) {
        this.groups = groups;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var outcome = groups.conclude(ProcessVariables.groupId(execution));
        execution.setVariable(ProcessVariables.FLOW_GROUP_STATUS, outcome.status().api());
        execution.setVariable(OUTCOME, outcome.status() + ": " + outcome.completed() + " completed, " + outcome.rejected()
                + " rejected, " + outcome.expired() + " expired, " + outcome.cancelled() + " cancelled");
    }
}
