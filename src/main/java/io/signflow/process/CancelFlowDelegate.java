package io.signflow.process;

import static io.signflow.process.ProcessVariables.flowId;

import io.signflow.flowgroup.FlowOutcomes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** sign-flow: CancelFlow ended the contract; signers still waiting are cancelled. */
@Component
class CancelFlowDelegate implements JavaDelegate {

    private final FlowOutcomes outcomes;

    public CancelFlowDelegate(FlowOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcomes.cancel(flowId(execution));
    }
}
