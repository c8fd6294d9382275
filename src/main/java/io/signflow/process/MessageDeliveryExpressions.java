package io.signflow.process;

import io.signflow.outbox.MessageKind;
import io.signflow.outbox.OutboxRelay;
import org.springframework.stereotype.Component;

/** What message-delivery.bpmn asks, as {@code ${messageDeliveries...}}. */
@Component("messageDeliveries")
public class MessageDeliveryExpressions {

    private final OutboxRelay relay;

    public MessageDeliveryExpressions(OutboxRelay relay) {
        this.relay = relay;
    }

    public boolean isCallback(String messageId) {
        return relay.kindOf(messageId) == MessageKind.CALLBACK;
    }
}
