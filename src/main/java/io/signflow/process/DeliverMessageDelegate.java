package io.signflow.process;

import io.signflow.outbox.OutboxRelay;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** message-delivery: one more attempt at a notification or callback; a failure lets the job retry. */
@Component
public class DeliverMessageDelegate implements JavaDelegate {

    private final OutboxRelay relay;

    public DeliverMessageDelegate(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        relay.deliverFromProcess((String) execution.getVariable(OutboxRelay.MESSAGE_ID));
    }
}
