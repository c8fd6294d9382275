package io.signflow.process;

import io.signflow.flowgroup.FlowGroupService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** flow-group: persists the validated request, handed over by the creating request's transaction. */
@Component
public class CreateGroupDelegate implements JavaDelegate {

    private final FlowGroupService groups;
    private final DraftHandoff handoff;

    public CreateGroupDelegate(FlowGroupService groups, DraftHandoff handoff) {
        this.groups = groups;
        this.handoff = handoff;
    }

    @Override
    public void execute(DelegateExecution execution) {
        groups.create(handoff.take(ProcessVariables.groupId(execution)));
    }
}
