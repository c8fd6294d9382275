package io.signflow.process;

import io.signflow.signing.SignatureProcesses;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Wakes a contract's sign-flow instance (business key = FlowId) when something it waits for has
 * happened. The caller has already recorded the change in our tables and holds the contract's lock,
 * so the instance is always waiting for the message: a mismatch is a fault, not a race. A signature or
 * rejection names the approver who acted ({@link ProcessVariables#ACTOR}), for the model's step that
 * announces it.
 */
@Component
public class SignFlowEvents implements SignatureProcesses {

    private final RuntimeService runtime;

    public SignFlowEvents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void signed(String flowId, String recipientId) {
        correlate("ApproverSigned", flowId, Map.of(ProcessVariables.ACTOR, recipientId));
    }

    @Override
    public void rejected(String flowId, String recipientId) {
        correlate("FlowRejected", flowId, Map.of(ProcessVariables.ACTOR, recipientId));
    }

    public void cancelled(String flowId) {
        correlate("FlowCancelled", flowId);
    }

    public void filled(String flowId) {
        correlate("ApproversFilled", flowId);
    }

    private void correlate(String message, String flowId) {
        correlate(message, flowId, Map.of());
    }

    private void correlate(String message, String flowId, Map<String, Object> variables) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(flowId).setVariables(variables)
                .correlateWithResult();
    }
}
