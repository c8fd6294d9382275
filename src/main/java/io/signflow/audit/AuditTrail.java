package io.signflow.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes and reads the audit trail. Entries are written in the transaction of the change they
 * record, so the trail holds exactly what happened. Actors are written as "platform",
 * "operator &lt;UserId&gt;" or "signer &lt;name&gt; &lt;masked mobile&gt;".
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    public record Entry(long id, String groupId, String flowId, String event, String actor, String ip, String userAgent,
                        String detail, OffsetDateTime occurredAt) {
    }

    public void record(String groupId, String flowId, AuditEvent event, String actor, String ip, String detail) {
        recordAll(groupId, List.of(flowId), event, actor, ip, detail);
    }

    /** The same event for several contracts of a group, e.g. one signing action over all of them. */
    public void recordAll(String groupId, Collection<String> flowIds, AuditEvent event, String actor, String ip,
                          String detail) {
        recordAll(groupId, flowIds, event, actor, ip, null, detail);
    }

    /** As {@link #recordAll(String, Collection, AuditEvent, String, String, String)}, with the actor's browser. */
    public void recordAll(String groupId, Collection<String> flowIds, AuditEvent event, String actor, String ip,
                          String userAgent, String detail) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        batch.batchUpdate("insert into audit_event (group_id, flow_id, event, actor, ip, user_agent, detail, occurred_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)",
                flowIds.stream().map(flowId -> new Object[] {groupId, flowId, event.name(), actor, ip,
                        truncate(userAgent, 300), truncate(detail, 1000), now}).toList());
    }

    public List<Entry> ofFlow(String flowId) {
        return jdbc.sql("select id, group_id, flow_id, event, actor, ip, user_agent, detail, occurred_at from audit_event "
                + "where flow_id = ? order by id").param(flowId).query(Entry.class).list();
    }

    public static String operator(String userId) {
        return "operator " + userId;
    }

    public static String signer(String name, String maskedMobile) {
        return "signer " + name + " " + maskedMobile;
    }

    public static final String PLATFORM = "platform";

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
