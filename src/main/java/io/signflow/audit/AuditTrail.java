package io.signflow.audit;

import io.signflow.common.Rows;
import io.signflow.common.Texts;
import io.signflow.common.TransactionBatch;
import io.signflow.common.TransactionMemo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes and reads the audit trail. Entries are written in the transaction of the change they
 * record, so the trail holds exactly what happened. Actors are written as "platform",
 * "operator &lt;UserId&gt;" or "signer &lt;name&gt; &lt;masked mobile&gt;".
 * <p>
 * Each contract's entries form a hash chain ({@link AuditChainHash}): an entry names the hash of the
 * one before it, so a changed, removed or inserted row breaks the chain ({@link AuditChainCheck}).
 * Appending takes the contract's row lock first (in id order, as {@code FlowProgress} does), so two
 * events of one contract at once are chained one after the other; the unique (flow, previous hash)
 * index refuses a fork should anything append without it. The transaction then remembers each head it
 * wrote ({@link TransactionMemo}): its next entry for the contract (a creation writes three) holds the
 * lock already and need not read the head again. A contract the transaction has just inserted starts at
 * the genesis without either ({@link #startChains}). The entries themselves are written together just
 * before the transaction commits ({@link TransactionBatch}), still under the locks they were chained with.
 */
@Component
public class AuditTrail {

    private static final TransactionMemo<String, String> HEADS = new TransactionMemo<>("audit_event.head");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionBatch entries;

    public AuditTrail(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.entries = TransactionBatch.untilCommit("audit_event", batch, "insert into audit_event "
                + "(group_id, flow_id, event, actor, ip, user_agent, detail, occurred_at, previous_hash, entry_hash) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    public record Entry(long id, String groupId, String flowId, String event, String actor, String ip, String userAgent,
                        String detail, OffsetDateTime occurredAt, String previousHash, String entryHash) {
    }

    /**
     * Contracts the calling transaction has just inserted: nobody else sees them before it commits, so
     * none has an entry yet and their chains start at the genesis, with neither the lock nor the read.
     */
    public void startChains(Collection<String> flowIds) {
        flowIds.forEach(flowId -> HEADS.remember(flowId, AuditChainHash.GENESIS));
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
        recordAll(groupId, flowIds, List.of(new Occurrence(event, detail)), actor, ip, userAgent);
    }

    /** One of the events a single action records, with what the trail says of it. */
    public record Occurrence(AuditEvent event, String detail) {
    }

    /**
     * Several events of one action for the same contracts (a signature: the identity check, then the
     * signing), chained in the order given after each contract's head, in one batch.
     */
    public void recordAll(String groupId, Collection<String> flowIds, List<Occurrence> occurrences, String actor,
                          String ip, String userAgent) {
        if (flowIds.isEmpty()) {
            return;
        }
        OffsetDateTime now = AuditChainHash.storable(OffsetDateTime.now(clock));
        String agent = Texts.truncate(userAgent, 300);
        Map<String, String> heads = heads(flowIds);
        List<Object[]> rows = new ArrayList<>();
        for (String flowId : flowIds) {
            String previous = heads.getOrDefault(flowId, AuditChainHash.GENESIS);
            for (Occurrence occurrence : occurrences) {
                String event = occurrence.event().name();
                String text = Texts.truncate(occurrence.detail(), 1000);
                String hash = AuditChainHash.of(previous, groupId, flowId, event, actor, ip, agent, text, now);
                rows.add(new Object[] {groupId, flowId, event, actor, ip, agent, text, now, previous, hash});
                previous = hash;
            }
            HEADS.remember(flowId, previous);
        }
        entries.add(rows);
    }

    /** Each contract's last hash: remembered if this transaction wrote one, else read under the contract's lock. */
    private Map<String, String> heads(Collection<String> flowIds) {
        Map<String, String> heads = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String flowId : flowIds) {
            HEADS.known(flowId).ifPresentOrElse(head -> heads.put(flowId, head), () -> unknown.add(flowId));
        }
        if (!unknown.isEmpty()) {
            heads.putAll(lockedHeads(unknown));
        }
        return heads;
    }

    /** Locks the contracts, then reads the last hash of each one's chain; a contract without entries has none. */
    private Map<String, String> lockedHeads(Collection<String> flowIds) {
        jdbc.sql("select id from flow where id in (:ids) order by id for update").param("ids", flowIds)
                .query(String.class).list();
        Map<String, String> heads = new HashMap<>();
        jdbc.sql("select flow_id, entry_hash from audit_event where id in "
                        + "(select max(id) from audit_event where flow_id in (:ids) group by flow_id)")
                .param("ids", flowIds).query((rs, n) -> heads.put(rs.getString(1), rs.getString(2))).list();
        return heads;
    }

    public List<Entry> ofFlow(String flowId) {
        entries.flush();
        return jdbc.sql("select id, group_id, flow_id, event, actor, ip, user_agent, detail, occurred_at, previous_hash, "
                + "entry_hash from audit_event where flow_id = ? order by id").param(flowId).query(Rows.of(Entry.class)).list();
    }

    /**
     * The hash of the contract's latest audit entry: it stands for the whole trail up to now, so a copy
     * of it kept elsewhere (the sealed PDF, an evidence report) proves later that no entry before it
     * was changed or removed.
     */
    public Optional<String> chainHead(String flowId) {
        entries.flush();
        return jdbc.sql("select entry_hash from audit_event where id = "
                + "(select max(id) from audit_event where flow_id = ?)").param(flowId).query(String.class).optional();
    }

    public static String operator(String userId) {
        return "operator " + userId;
    }

    public static String signer(String name, String maskedMobile) {
        return "signer " + name + " " + maskedMobile;
    }

    public static final String PLATFORM = "platform";
    /** An operator through the admin API. */
    public static final String ADMIN = "admin";
}
