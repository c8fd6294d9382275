package io.signflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.support.ApiTestBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delivered outbox messages are removed once older than the retention (30 days by default), and only
 * they: a message still waiting or handed to the retry process stays however old. Time is a fixed
 * clock, moved by hand.
 */
class OutboxRetentionIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxProperties properties;

    @Test
    void deliveredMessagesOlderThanTheRetentionAreRemovedAndNothingElse() {
        assertThat(properties.retention()).isEqualTo(Duration.ofDays(30));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(now, ZoneOffset.UTC).minusDays(30);
        String justTooOld = insert("SENT", cutoff.minusMinutes(1));
        String justYoungEnough = insert("SENT", cutoff.plusMinutes(1));
        String oldButPending = insert("PENDING", null);
        String oldButRetrying = insert("RETRYING", null);
        List<String> mine = List.of(justTooOld, justYoungEnough, oldButPending, oldButRetrying);

        new OutboxRetention(jdbc, properties, Clock.fixed(now, ZoneOffset.UTC)).purge();

        assertThat(remaining(mine)).containsExactlyInAnyOrder(justYoungEnough, oldButPending, oldButRetrying);
        assertThat(jdbc.sql("select count(*) from outbox_message where status = 'SENT'").query(Long.class).single())
                .as("messages the other tests delivered, all recent").isPositive();

        new OutboxRetention(jdbc, properties, Clock.fixed(now.plus(Duration.ofMinutes(2)), ZoneOffset.UTC)).purge();

        assertThat(remaining(mine)).containsExactlyInAnyOrder(oldButPending, oldButRetrying);
    }

    /** A message created 60 days ago; delivered at {@code sentAt} when that is given. */
    private String insert(String status, OffsetDateTime sentAt) {
        String id = UUID.randomUUID().toString().replace("-", "");
        OffsetDateTime created = OffsetDateTime.now(ZoneOffset.UTC).minusDays(60);
        jdbc.sql("insert into outbox_message (id, kind, recipient, subject, body, channel, status, attempts, "
                        + "next_attempt_at, created_at, sent_at) values (?, 'CALLBACK', 'https://example.com/cb', "
                        + "'FlowStatusChange', '{}', 'callback', ?, 1, ?, ?, ?)")
                .params(id, status, sentAt == null ? OffsetDateTime.now(ZoneOffset.UTC).plusYears(1) : sentAt,
                        created, sentAt)
                .update();
        return id;
    }

    private List<String> remaining(List<String> ids) {
        return ids.stream().filter(id -> jdbc.sql("select count(*) from outbox_message where id = ?").param(id)
                .query(Long.class).single() == 1).toList();
    }
}
