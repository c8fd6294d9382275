package io.signflow.process;

import io.signflow.flowgroup.FlowGroupDraft;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the flow-group process for a validated request, inside the request's transaction, and wakes
 * its event subprocesses for the whole-group operations.
 */
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

    /** CancelFlowGroup: the event subprocess "Group cancelled" cancels the open contracts. */
    public void cancel(String groupId, String message, String actor, String clientIp) {
        Map<String, Object> request = new HashMap<>();
        request.put(ProcessVariables.CANCEL_MESSAGE, message);
        request.put(ProcessVariables.CANCELLED_BY, actor);
        request.put(ProcessVariables.CANCEL_CLIENT_IP, clientIp);
        correlate("FlowGroupCancelled", groupId).setVariablesLocal(request).correlateWithResult();
    }

    /** ModifyFlowGroupDeadline: the event subprocess "Deadline extended" moves the contracts' timers. */
    public void deadlineModified(String groupId) {
        correlate("FlowGroupDeadlineModified", groupId).correlateWithResult();
    }

    private MessageCorrelationBuilder correlate(String message, String groupId) {
        return runtime.createMessageCorrelation(message).processInstanceBusinessKey(groupId);
    }
}
