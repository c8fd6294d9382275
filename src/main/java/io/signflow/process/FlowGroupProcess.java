package io.signflow.process;

import io.signflow.flowgroup.FlowGroupDraft;
import io.signflow.flowgroup.FlowGroupOperations;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.beans.factory.ObjectProvider;
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
    // the operations ask this class to wake the process: looked up when first needed
    private final ObjectProvider<FlowGroupOperations> operations;
    private final DeadlineTimers timers;

    public FlowGroupProcess(RuntimeService runtime, DraftHandoff handoff,
                            ObjectProvider<FlowGroupOperations> operations, DeadlineTimers timers) {
        this.runtime = runtime;
        this.handoff = handoff;
        this.operations = operations;
        this.timers = timers;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void start(FlowGroupDraft draft) {
        handoff.put(draft);
        runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(draft.id())
                .setVariable(ProcessVariables.FLOW_GROUP_ID, draft.id())
                .execute();
    }

    /**
     * CancelFlowGroup: the event subprocess "Group cancelled" cancels the open contracts. A group
     * running on a model version without it (started before it existed) has them cancelled here.
     */
    public void cancel(String groupId, String message, String actor, String clientIp) {
        Map<String, Object> request = new HashMap<>();
        request.put(ProcessVariables.CANCEL_MESSAGE, message);
        request.put(ProcessVariables.CANCELLED_BY, actor);
        request.put(ProcessVariables.CANCEL_CLIENT_IP, clientIp);
        if (correlate("FlowGroupCancelled", groupId).setVariablesLocal(request).correlateAllWithResult().isEmpty()) {
            operations.getObject().cancelOpen(groupId, message, actor, clientIp);
        }
    }

    /**
     * ModifyFlowGroupDeadline: the event subprocess "Deadline extended" moves the contracts' timers; for
     * a group running on a model version without it, they are moved here.
     */
    public void deadlineModified(String groupId) {
        if (correlate("FlowGroupDeadlineModified", groupId).correlateAllWithResult().isEmpty()) {
            timers.move(groupId);
        }
    }

    private MessageCorrelationBuilder correlate(String message, String groupId) {
        return runtime.createMessageCorrelation(message).processInstanceBusinessKey(groupId);
    }
}
