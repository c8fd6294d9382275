package io.signflow.notify;

import io.signflow.common.RequestRejected;
import io.signflow.outbox.OutboxMessage;
import io.signflow.outbox.OutboxRepository;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /admin/notifications?mobile= — what was sent to a number, newest first (development, support).
 * Links and codes are shown only for the {@code log} channel, where nothing reaches a phone; messages
 * of a real sender show the text with them removed ({@code redacted} true).
 */
@RestController
@RequestMapping("/admin/notifications")
class AdminNotificationController {

    private final OutboxRepository outbox;

    public AdminNotificationController(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    public record NotificationView(String id, String mobile, String channel, String purpose, String text, String link,
                                   String code, boolean redacted, String status, int attempts,
                                   OffsetDateTime createdAt, OffsetDateTime sentAt) {

        static NotificationView of(OutboxMessage m) {
            boolean readable = NotificationSecrets.readable(m);
            return new NotificationView(m.id(), m.recipient(), m.channel(), m.subject(),
                    readable ? m.body() : NotificationSecrets.redactedText(m), readable ? m.link() : null,
                    readable ? m.code() : null, !readable, m.status(), m.attempts(), m.createdAt(), m.sentAt());
        }
    }

    @GetMapping
    public List<NotificationView> list(@RequestParam String mobile,
                                       @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw RequestRejected.badRequest("limit must be 1 to 500");
        }
        return outbox.notificationsTo(mobile, limit).stream().map(NotificationView::of).toList();
    }
}
