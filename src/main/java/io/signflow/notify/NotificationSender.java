package io.signflow.notify;

import io.signflow.outbox.DeliveryFailedException;
import io.signflow.outbox.OutboxMessage;

/** One way of getting a text to a signer's phone. */
interface NotificationSender {

    /** The name settings and the admin API use for it. */
    String channel();

    void send(OutboxMessage notification) throws DeliveryFailedException;
}
