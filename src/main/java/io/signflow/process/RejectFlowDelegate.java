package io.signflow.process;

import static io.signflow.process.ProcessVariables.flowId;

import io.signflow.flowgroup.FlowOutcomes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** sign-flow: a signer rejected; the contract ends as rejected and those still waiting are stopped. */
@Component
class RejectFlowDelegate implements JavaDelegate {

    private final FlowOutcomes outcomes;

    public RejectFlowDelegate(FlowOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcomes.reject(flowId(execution));
    }
}
