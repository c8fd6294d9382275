package io.signflow.notify;

import io.signflow.common.Mobiles;
import io.signflow.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * For development and demos: nothing leaves the server. The log says a message was "sent" (masked
 * number, no text, since texts carry links and codes); GET /admin/notifications shows it whole, which
 * is how a developer or tester "receives" it.
 */
@Component
class LogNotificationSender implements NotificationSender {

    static final String CHANNEL = "log";
    private static final Logger log = LoggerFactory.getLogger(LogNotificationSender.class);

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void send(OutboxMessage notification) {
        log.info("Notification {} ({}) to {}: see GET /admin/notifications", notification.id(), notification.subject(),
                Mobiles.masked(notification.recipient()));
    }
}
