package io.signflow.notify;

import io.signflow.outbox.DeliveryFailedException;
import io.signflow.outbox.MessageDeliverer;
import io.signflow.outbox.MessageKind;
import io.signflow.outbox.OutboxMessage;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** Hands notifications from the outbox to the sender chosen by {@code signflow.notify.sender}. */
@Component
public class NotificationDeliverer implements MessageDeliverer {

    private final NotificationSender sender;

    public NotificationDeliverer(List<NotificationSender> senders, NotifyProperties properties) {
        this.sender = senders.stream().filter(s -> s.channel().equals(properties.sender())).findFirst()
                .orElseThrow(() -> new IllegalStateException("signflow.notify.sender must be one of "
                        + senders.stream().map(NotificationSender::channel).toList()));
    }

    String channel() {
        return sender.channel();
    }

    @Override
    public MessageKind kind() {
        return MessageKind.NOTIFICATION;
    }

    /** The senders bound their own calls ({@code signflow.notify.sms-gateway.timeout}). */
    @Override
    public void deliver(OutboxMessage message, Duration timeout) throws DeliveryFailedException {
        sender.send(message);
    }
}
