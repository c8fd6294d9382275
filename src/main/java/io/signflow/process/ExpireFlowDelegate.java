package io.signflow.process;

import static io.signflow.process.ProcessVariables.flowId;
import static io.signflow.process.ProcessVariables.groupId;

import io.signflow.callback.CallbackMessages;
import io.signflow.flowgroup.FlowOutcomes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** sign-flow: the deadline timer fired before every signer had signed. */
@Component
class ExpireFlowDelegate implements JavaDelegate {

    private final FlowOutcomes outcomes;
    private final CallbackMessages callbacks;

    public ExpireFlowDelegate(FlowOutcomes outcomes, CallbackMessages callbacks) {
        this.outcomes = outcomes;
        this.callbacks = callbacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (outcomes.expire(groupId(execution), flowId(execution))) {
            callbacks.flowChanged(flowId(execution), CallbackMessages.Operate.DEADLINE, null);
        }
    }
}
