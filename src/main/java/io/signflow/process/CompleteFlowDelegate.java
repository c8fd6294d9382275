package io.signflow.process;

import static io.signflow.process.ProcessVariables.flowId;
import static io.signflow.process.ProcessVariables.groupId;

import io.signflow.flowgroup.FlowOutcomes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** sign-flow: every signer has signed; the contract is complete (its PDF is sealed next, asynchronously). */
@Component
class CompleteFlowDelegate implements JavaDelegate {

    private final FlowOutcomes outcomes;

    public CompleteFlowDelegate(FlowOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcomes.complete(groupId(execution), flowId(execution));
    }
}
