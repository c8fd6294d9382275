package io.signflow.process;

import io.signflow.flowgroup.FlowGroupDraft;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Starts the flow-group process for a validated request, inside the request's transaction. */
@Component
class FlowGroupProcess {

    public static final String PROCESS_KEY = "flow-group";
    private final RuntimeService runtime;
    private final DraftHandoff handoff;

    public FlowGroupProcess(RuntimeService runtime, DraftHandoff handoff) {
        this.runtime = runtime;
        this.handoff = handoff;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void start(FlowGroupDraft draft) {
        handoff.put(draft);
        runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(draft.id())
                .setVariable(ProcessVariables.FLOW_GROUP_ID, draft.id())
                .execute();
    }
}
