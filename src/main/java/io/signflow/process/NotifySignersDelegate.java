package io.signflow.process;

import io.signflow.signing.TurnNotifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** sign-flow: signers whose turn has come may sign, and are told so once per group. */
@Component
class NotifySignersDelegate implements JavaDelegate {

    private final TurnNotifier turns;

    public NotifySignersDelegate(TurnNotifier turns) {
        this.turns = turns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        turns.openTurnsAndNotify(ProcessVariables.flowId(execution));
    }
}
