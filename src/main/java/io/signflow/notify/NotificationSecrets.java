package io.signflow.notify;

import io.signflow.outbox.OutboxMessage;

/**
 * The signer's link and code in a notification are credentials: whoever reads them can sign. This says
 * what may be shown of a message and what is kept after delivery. Messages of the {@code log} channel
 * (development: nothing leaves the server) stay whole; for every other channel the link and the code
 * are cut out of the text.
 */
final class NotificationSecrets {

    static final String REMOVED = "[removed]";

    private NotificationSecrets() {
    }

    static boolean readable(OutboxMessage message) {
        return LogNotificationSender.CHANNEL.equals(message.channel());
    }

    /** Erased after delivery: nothing is left to remove, and the message must not be sent again. */
    static boolean erased(OutboxMessage message) {
        return message.link() == null && message.code() == null;
    }

    /** The text with the link and the code replaced. */
    static String redactedText(OutboxMessage message) {
        String text = message.body();
        if (message.link() != null) {
            text = text.replace(message.link(), REMOVED);
        }
        if (message.code() != null) {
            text = text.replace(message.code(), REMOVED);
        }
        return text;
    }
}
