package io.signflow.outbox;

/** Sends messages of one kind; throws when the far end did not take the message. */
public interface MessageDeliverer {

    MessageKind kind();

    void deliver(OutboxMessage message) throws DeliveryFailedException;
}
