package io.signflow.process;

import io.signflow.signing.AutoSigner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** sign-flow: the initiating organization's auto-signers sign with their seal. */
@Component
class AutoSignDelegate implements JavaDelegate {

    private final AutoSigner autoSigner;

    public AutoSignDelegate(AutoSigner autoSigner) {
        this.autoSigner = autoSigner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        autoSigner.signAll(ProcessVariables.groupId(execution), ProcessVariables.flowId(execution));
    }
}
