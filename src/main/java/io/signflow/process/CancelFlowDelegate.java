package io.signflow.process;

import static io.signflow.process.ProcessVariables.flowId;

import io.signflow.callback.CallbackMessages;
import io.signflow.flowgroup.FlowOutcomes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** sign-flow: CancelFlow ended the contract; signers still waiting are cancelled. */
@Component
class CancelFlowDelegate implements JavaDelegate {

    private final FlowOutcomes outcomes;
    private final CallbackMessages callbacks;

    public CancelFlowDelegate(FlowOutcomes outcomes, CallbackMessages callbacks) {
        this.outcomes = outcomes;
        this.callbacks = callbacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcomes.cancel(flowId(execution));
        callbacks.flowChanged(flowId(execution), CallbackMessages.Operate.CANCEL, null);
    }
}
