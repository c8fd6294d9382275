package io.signflow.process;

import io.signflow.signing.SignatureProcesses;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Wakes a contract's sign-flow instance (business key = FlowId) when something it waits for has
 * happened. The caller has already recorded the change in our tables and holds the contract's lock,
 * so the instance is always waiting for the message: a mismatch is a fault, not a race. A signature or
 * rejection names the approver who acted ({@link ProcessVariables#ACTOR}), for the model's step that
 * announces it: a transient variable, since that step runs in the same transaction and removes it, so
 * the engine need neither store nor keep history of it.
 */
@Component
public class SignFlowEvents implements SignatureProcesses {

    private final RuntimeService runtime;
    private final CommandExecutor commands;

    public SignFlowEvents(RuntimeService runtime, ProcessEngine engine) {
        this.runtime = runtime;
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    /**
     * One engine command for the whole signing action: the correlations share its context, so the
     * engine writes what all the contracts' steps changed in one flush, each kind of statement as one
     * batch, rather than one flush per contract.
     */
    @Override
    public void signed(List<Signature> signatures) {
        commands.execute(context -> {
            signatures.forEach(s -> correlate("ApproverSigned", s.flowId(), actor(s.recipientId())));
            return null;
        });
    }

    @Override
    public void rejected(String flowId, String recipientId) {
        correlate("FlowRejected", flowId, actor(recipientId));
    }

    public void cancelled(String flowId) {
        correlate("FlowCancelled", flowId);
    }

    public void filled(String flowId) {
        correlate("ApproversFilled", flowId);
    }

    private static Map<String, Object> actor(String recipientId) {
        return Variables.createVariables().putValueTyped(ProcessVariables.ACTOR, Variables.stringValue(recipientId, true));
    }

    private void correlate(String message, String flowId) {
        correlate(message, flowId, Map.of());
    }

    private void correlate(String message, String flowId, Map<String, Object> variables) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(flowId).setVariables(variables)
                .correlateWithResult();
    }
}
