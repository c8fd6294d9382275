package io.signflow.process;

import io.signflow.flowgroup.FlowGroupDraft;
import io.signflow.flowgroup.FlowGroupService;
import io.signflow.signing.SignerRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** flow-group: persists the validated request, handed over by the creating request's transaction, and its signers. */
@Component
class CreateGroupDelegate implements JavaDelegate {

    private final FlowGroupService groups;
    private final SignerRegistry signers;
    private final DraftHandoff handoff;

    public CreateGroupDelegate(FlowGroupService groups, SignerRegistry signers, DraftHandoff handoff) {
        this.groups = groups;
        this.signers = signers;
        this.handoff = handoff;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FlowGroupDraft draft = handoff.take(ProcessVariables.groupId(execution));
        groups.create(draft);
        signers.registerNamed(draft);
    }
}
