package io.signflow.outbox;

import java.time.OffsetDateTime;

/**
 * One message to deliver. {@code recipient} is a mobile number or a URL; {@code subject} says what
 * it is about (SIGN_INVITATION, VERIFICATION_CODE, FlowStatusChange, ...); {@code body} is the text
 * or the JSON to post.
 */
public record OutboxMessage(String id, MessageKind kind, String recipient, String organizationId, String groupId,
                            String flowId, String subject, String body, String link, String code, String channel,
                            String status, int attempts, String lastError, OffsetDateTime createdAt,
                            OffsetDateTime sentAt) {

    public static OutboxMessage create(String id, MessageKind kind, String recipient, String organizationId,
                                       String groupId, String flowId, String subject, String body, String link,
                                       String code, String channel) {
        return new OutboxMessage(id, kind, recipient, organizationId, groupId, flowId, subject, body, link, code,
                channel, "PENDING", 0, null, null, null);
    }
}
