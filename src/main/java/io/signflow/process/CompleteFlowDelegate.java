package io.signflow.process;

import static io.signflow.process.ProcessVariables.flowId;
import static io.signflow.process.ProcessVariables.groupId;

import io.signflow.callback.CallbackMessages;
import io.signflow.flowgroup.FlowOutcomes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** sign-flow: every signer has signed; the contract is complete (its PDF is sealed next, asynchronously). */
@Component
class CompleteFlowDelegate implements JavaDelegate {

    private final FlowOutcomes outcomes;
    private final CallbackMessages callbacks;

    public CompleteFlowDelegate(FlowOutcomes outcomes, CallbackMessages callbacks) {
        this.outcomes = outcomes;
        this.callbacks = callbacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcomes.complete(groupId(execution), flowId(execution));
        callbacks.flowChanged(flowId(execution), CallbackMessages.Operate.FINISH, null);
    }
}
