package io.signflow.process;

import io.signflow.outbox.OutboxRelay;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * message-delivery: one more attempt at a notification or callback; a failure lets the job retry.
 * How long one attempt may take is the task's input {@code attemptTimeout} (an ISO-8601 duration, set
 * in the model like its retry cycle); without it the relay's own attempt timeout applies.
 */
@Component
class DeliverMessageDelegate implements JavaDelegate {

    static final String ATTEMPT_TIMEOUT = "attemptTimeout";
    private final OutboxRelay relay;

    public DeliverMessageDelegate(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        Object timeout = execution.getVariable(ATTEMPT_TIMEOUT);
        relay.deliverFromProcess((String) execution.getVariable(OutboxRelay.MESSAGE_ID),
                timeout == null ? null : Duration.parse(timeout.toString()));
    }
}
