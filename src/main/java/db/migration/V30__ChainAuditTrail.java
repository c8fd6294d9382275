package db.migration;

import io.signflow.audit.AuditChainHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Turns each contract's existing audit entries into a hash chain, oldest first, the way
 * {@code AuditTrail} appends new ones. In Java because the chain's SHA-256 encoding must be the
 * very one the application checks with; neither database computes it alike.
 */
public class V30__ChainAuditTrail extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table audit_event add column previous_hash varchar(64)");
            ddl.execute("alter table audit_event add column entry_hash varchar(64)");
        }
        try (Statement read = connection.createStatement();
             PreparedStatement update = connection.prepareStatement(
                     "update audit_event set previous_hash = ?, entry_hash = ? where id = ?")) {
            read.setFetchSize(1000);
            ResultSet rs = read.executeQuery("select id, group_id, flow_id, event, actor, ip, detail, occurred_at "
                    + "from audit_event order by flow_id, id");
            String flowId = null;
            String head = null;
            int pending = 0;
            while (rs.next()) {
                String entryFlowId = rs.getString(3);
                if (head == null || !Objects.equals(flowId, entryFlowId)) {
                    flowId = entryFlowId;
                    head = AuditChainHash.GENESIS;
                }
                // no user agent yet: V41 adds that column
                String hash = AuditChainHash.of(head, rs.getString(2), entryFlowId, rs.getString(4), rs.getString(5),
                        rs.getString(6), null, rs.getString(7), rs.getObject(8, OffsetDateTime.class));
                update.setString(1, head);
                update.setString(2, hash);
                update.setLong(3, rs.getLong(1));
                update.addBatch();
                head = hash;
                if (++pending == 1000) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            update.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table audit_event alter column previous_hash set not null");
            ddl.execute("alter table audit_event alter column entry_hash set not null");
            // two entries naming the same predecessor would fork the chain
            ddl.execute("create unique index audit_event_chain_idx on audit_event (flow_id, previous_hash)");
        }
    }
}
