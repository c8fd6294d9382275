package io.signflow.process;

import io.signflow.sealing.FlowDocumentSealer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** sign-flow: draws, certifies and signs the completed contract's final PDF. Runs as its own job, retried. */
@Component
class SealDocumentDelegate implements JavaDelegate {

    private final FlowDocumentSealer sealer;

    public SealDocumentDelegate(FlowDocumentSealer sealer) {
        this.sealer = sealer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        sealer.seal(ProcessVariables.flowId(execution));
    }
}
