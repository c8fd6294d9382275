package io.signflow.notify;

import io.signflow.common.Ids;
import io.signflow.outbox.MessageKind;
import io.signflow.outbox.Outbox;
import io.signflow.outbox.OutboxMessage;
import org.springframework.stereotype.Service;

/**
 * Texts to signers. {@link #send} writes the message to the outbox in the caller's transaction; the
 * configured sender delivers it after commit ({@link NotificationDeliverer}).
 */
@Service
public class NotificationService {

    private final Outbox outbox;
    private final NotificationDeliverer deliverer;

    public NotificationService(Outbox outbox, NotificationDeliverer deliverer) {
        this.outbox = outbox;
        this.deliverer = deliverer;
    }

    /** What a text is about. */
    public enum Purpose { SIGN_INVITATION, VERIFICATION_CODE, REMINDER, COPY_NOTICE }

    public String send(String mobile, Purpose purpose, String text, String link, String code, String groupId) {
        return send(mobile, purpose, text, link, code, groupId, null);
    }

    /** A text about one contract of the group ({@code flowId}), kept with the message for support. */
    public String send(String mobile, Purpose purpose, String text, String link, String code, String groupId,
                       String flowId) {
        String id = Ids.next();
        outbox.enqueue(OutboxMessage.create(id, MessageKind.NOTIFICATION, mobile, null, groupId, flowId,
                purpose.name(), text, link, code, deliverer.channel()));
        return id;
    }
}
