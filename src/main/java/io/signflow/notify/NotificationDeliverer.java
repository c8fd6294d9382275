package io.signflow.notify;

import io.signflow.outbox.DeliveryFailedException;
import io.signflow.outbox.MessageDeliverer;
import io.signflow.outbox.MessageKind;
import io.signflow.outbox.OutboxMessage;
import io.signflow.outbox.OutboxRepository;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Hands notifications from the outbox to the sender chosen by {@code signflow.notify.sender}. Once a
 * real sender has delivered a message, its link and code are erased from the stored copy
 * ({@link NotificationSecrets}): kind, recipient and times stay for support, the credentials live on
 * the signer's phone only. A message found already erased was delivered before a crash kept the
 * delivery from being recorded, and is not sent again.
 */
@Component
class NotificationDeliverer implements MessageDeliverer {

    private final NotificationSender sender;
    private final OutboxRepository outbox;

    public NotificationDeliverer(List<NotificationSender> senders, NotifyProperties properties,
                                 OutboxRepository outbox) {
        this.outbox = outbox;
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
        if (NotificationSecrets.readable(message)) {
            sender.send(message);
            return;
        }
        if (NotificationSecrets.erased(message)) {
            return;
        }
        sender.send(message);
        outbox.eraseSecrets(message.id(), NotificationSecrets.redactedText(message));
    }
}
