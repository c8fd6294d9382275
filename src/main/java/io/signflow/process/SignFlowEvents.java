package io.signflow.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Wakes a contract's sign-flow instance (business key = FlowId) when something it waits for has
 * happened. The caller has already recorded the change in our tables and holds the contract's lock,
 * so the instance is always waiting for the message: a mismatch is a fault, not a race.
 */
@Component
public class SignFlowEvents {

    private final RuntimeService runtime;

    public SignFlowEvents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void signed(String flowId) {
        correlate("ApproverSigned", flowId);
    }

    public void rejected(String flowId) {
        correlate("FlowRejected", flowId);
    }

    public void cancelled(String flowId) {
        correlate("FlowCancelled", flowId);
    }

    public void filled(String flowId) {
        correlate("ApproversFilled", flowId);
    }

    private void correlate(String message, String flowId) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(flowId)
                .correlateWithResult();
    }
}
