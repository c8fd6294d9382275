package io.signflow.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks every contract's audit chain and names, for each chain that is broken, its first broken link:
 * an entry whose fields no longer give its stored hash (the row was changed), or one that does not
 * name its predecessor's hash (a row before it was changed, removed or inserted).
 */
@Component
public class AuditChainCheck {

    private final JdbcTemplate jdbc;

    public AuditChainCheck(DataSource dataSource) {
        // a template of its own: the shared one's fetch size stays as it is
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
    }

    /** What a check found: how many chains and entries it read, and the first broken link of each broken chain. */
    public record Report(boolean intact, long chains, long entries, List<BrokenLink> broken) {
    }

    /** {@code field} is {@code entryHash} or {@code previousHash}: which stored value differs from the expected one. */
    public record BrokenLink(String flowId, long entryId, String field, String expected, String found) {
    }

    @Transactional(readOnly = true)
    public Report run() {
        Walk walk = new Walk();
        jdbc.query("select id, group_id, flow_id, event, actor, ip, user_agent, detail, occurred_at, previous_hash, "
                + "entry_hash from audit_event order by flow_id, id", rs -> {
                    walk.next(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                            rs.getString(10), rs.getString(11));
                });
        return new Report(walk.broken.isEmpty(), walk.chains, walk.entries, walk.broken);
    }

    /** Entries arrive grouped by contract, oldest first; a chain is not followed past its first break. */
    private static final class Walk {
        private long chains;
        private long entries;
        private final List<BrokenLink> broken = new ArrayList<>();
        private String flowId;
        private String head;
        private boolean chainBroken;

        void next(long id, String groupId, String entryFlowId, String event, String actor, String ip, String userAgent,
                  String detail, OffsetDateTime occurredAt, String previousHash, String entryHash) {
            entries++;
            if (chains == 0 || !Objects.equals(flowId, entryFlowId)) {
                chains++;
                flowId = entryFlowId;
                head = AuditChainHash.GENESIS;
                chainBroken = false;
            }
            if (chainBroken) {
                return;
            }
            if (!head.equals(previousHash)) {
                fail(new BrokenLink(entryFlowId, id, "previousHash", head, previousHash));
                return;
            }
            String expected = AuditChainHash.of(previousHash, groupId, entryFlowId, event, actor, ip, userAgent, detail,
                    occurredAt);
            if (!expected.equals(entryHash)) {
                fail(new BrokenLink(entryFlowId, id, "entryHash", expected, entryHash));
                return;
            }
            head = entryHash;
        }

        private void fail(BrokenLink link) {
            broken.add(link);
            chainBroken = true;
        }
    }
}
