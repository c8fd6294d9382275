package io.signflow.process;

import io.signflow.callback.CallbackMessages;
import io.signflow.flowgroup.FlowApprover;

import io.signflow.signing.AutoSigner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** sign-flow: the initiating organization's auto-signers sign with their seal. */
@Component
class AutoSignDelegate implements JavaDelegate {

    private final AutoSigner autoSigner;
    private final CallbackMessages callbacks;

    public AutoSignDelegate(AutoSigner autoSigner, CallbackMessages callbacks) {
        this.autoSigner = autoSigner;
        this.callbacks = callbacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String flowId = ProcessVariables.flowId(execution);
        for (FlowApprover signed : autoSigner.signAll(ProcessVariables.groupId(execution), flowId)) {
            callbacks.flowChanged(flowId, CallbackMessages.Operate.SIGN, signed.recipientId());
        }
    }
}
