package io.signflow.outbox;

import io.signflow.common.Rows;
import io.signflow.common.Texts;
import io.signflow.common.TransactionBatch;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OutboxRepository {

    private static final String COLUMNS = "id, kind, recipient, organization_id, group_id, flow_id, subject, body, link, "
            + "code, channel, status, attempts, last_error, created_at, sent_at";
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    /** A transaction's messages: a creation's steps write invitations and callbacks contract by contract. */
    private final TransactionBatch written;

    public OutboxRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.written = TransactionBatch.untilNextStatement("outbox_message", batch,
                "insert into outbox_message (id, kind, recipient, organization_id, group_id, flow_id, subject, body, "
                        + "link, code, channel, status, attempts, next_attempt_at, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)");
    }

    /** {@code firstDue}: when the poll may take the message, if the writer's own delivery has not. */
    public void insert(OutboxMessage m, OffsetDateTime now, OffsetDateTime firstDue) {
        written.add(new Object[] {m.id(), m.kind().name(), m.recipient(), m.organizationId(),
                m.groupId(), m.flowId(), m.subject(), m.body(), m.link(), m.code(), m.channel(), firstDue, now});
    }

    public Optional<OutboxMessage> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where id = ?").param(id)
                .query(Rows.of(OutboxMessage.class)).optional();
    }

    /** Takes a pending message for one attempt; false when another node or thread has it. */
    public boolean claim(String id, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return jdbc.sql("update outbox_message set next_attempt_at = ? "
                        + "where id = ? and status = 'PENDING' and next_attempt_at <= ?")
                .params(leaseUntil, id, now).update() == 1;
    }

    /** The writing node's first attempt at a message it has just written and still holds. */
    public boolean claimNew(String id, OffsetDateTime leaseUntil) {
        return jdbc.sql("update outbox_message set next_attempt_at = ? where id = ? and status = 'PENDING' "
                        + "and attempts = 0").params(leaseUntil, id).update() == 1;
    }

    /** Puts back a message this node holds, to be taken again at {@code until}; not an attempt. */
    public void postpone(String id, OffsetDateTime until) {
        jdbc.sql("update outbox_message set next_attempt_at = ? where id = ? and status = 'PENDING'")
                .params(until, id).update();
    }

    public record Due(String id, MessageKind kind) {
    }

    public List<Due> due(OffsetDateTime now, int limit) {
        return jdbc.sql("select id, kind from outbox_message where status = 'PENDING' and next_attempt_at <= ? "
                        + "order by next_attempt_at limit ?")
                .params(now, limit).query((rs, n) -> new Due(rs.getString(1), MessageKind.valueOf(rs.getString(2))))
                .list();
    }

    public record Sent(String id, OffsetDateTime at) {
    }

    /** Deliveries recorded as sent, in one batch. */
    public void markSent(List<Sent> sent) {
        batch.batchUpdate("update outbox_message set status = 'SENT', sent_at = ?, attempts = attempts + 1, "
                + "last_error = null where id = ?", sent.stream().map(s -> new Object[] {s.at(), s.id()}).toList());
    }

    /** Records a failed attempt; the message is tried again at {@code nextAttempt}. Returns the attempts so far. */
    public int recordFailure(String id, String error, OffsetDateTime nextAttempt) {
        jdbc.sql("update outbox_message set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?")
                .params(Texts.truncate(error, 500), nextAttempt, id).update();
        return jdbc.sql("select attempts from outbox_message where id = ?").param(id).query(Integer.class).single();
    }

    /** From now on the message-delivery process retries it. */
    public void handOver(String id) {
        jdbc.sql("update outbox_message set status = 'RETRYING' where id = ? and status = 'PENDING'").param(id).update();
    }

    /** A delivered notification keeps its kind, recipient and times; its link and code are gone. */
    public void eraseSecrets(String id, String redactedBody) {
        jdbc.sql("update outbox_message set body = ?, link = null, code = null where id = ?")
                .params(redactedBody, id).update();
    }

    public List<OutboxMessage> notificationsTo(String mobile, int limit) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where kind = 'NOTIFICATION' and recipient = ? "
                        + "order by created_at desc, id limit ?")
                .params(mobile, limit).query(Rows.of(OutboxMessage.class)).list();
    }
}
