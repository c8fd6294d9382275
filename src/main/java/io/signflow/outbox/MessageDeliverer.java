package io.signflow.outbox;

import java.time.Duration;

/** Sends messages of one kind; throws when the far end did not take the message. */
public interface MessageDeliverer {

    MessageKind kind();

    /** @param timeout the longest this attempt may take, from connecting to the end of the answer */
    void deliver(OutboxMessage message, Duration timeout) throws DeliveryFailedException;

    /**
     * The receiver a message goes to, so that deliveries waiting for one receiver's answer can be
     * limited; null when every message of this kind goes to the same place (the SMS gateway).
     */
    default String receiver(OutboxMessage message) {
        return null;
    }
}
