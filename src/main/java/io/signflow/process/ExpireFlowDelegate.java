package io.signflow.process;

import static io.signflow.process.ProcessVariables.flowId;
import static io.signflow.process.ProcessVariables.groupId;

import io.signflow.flowgroup.FlowOutcomes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** sign-flow: the deadline timer fired before every signer had signed. */
@Component
class ExpireFlowDelegate implements JavaDelegate {

    private final FlowOutcomes outcomes;

    public ExpireFlowDelegate(FlowOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcomes.expire(groupId(execution), flowId(execution));
    }
}
