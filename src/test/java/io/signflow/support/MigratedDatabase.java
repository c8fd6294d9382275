package io.signflow.support;

import io.signflow.common.Ids;
import io.signflow.common.WritesBeforeStatements;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A private in-memory H2 database with Signflow's own tables, made by the application's Flyway
 * migrations, for unit tests of classes whose rules live in SQL; no Spring context, no Camunda. Each
 * statement commits on its own, as no transaction is open. The insert helpers add the fewest rows
 * the foreign keys need.
 */
public final class MigratedDatabase {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;

    public MigratedDatabase() {
        dataSource = WritesBeforeStatements.around(new DriverManagerDataSource("jdbc:h2:mem:" + Ids.next()
                + ";DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH", "sa", ""));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .table("signflow_schema_history").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        batch = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** For writers of batches. */
    public JdbcTemplate batch() {
        return batch;
    }

    /** Transactions on this database, where what repositories remember for a transaction applies. */
    public TransactionTemplate transaction() {
        return transaction;
    }

    public String organization() {
        String id = Ids.next();
        jdbc.sql("insert into organization (id, name, created_at) values (?, ?, ?)").params(id, "机构" + id, CREATED)
                .update();
        return id;
    }

    public String group(String organizationId) {
        String id = Ids.next();
        jdbc.sql("insert into flow_group (id, name, organization_id, operator_organization_id, operator_user_id, "
                        + "approver_verify_type, self_notify_type, other_notify_type, status, created_at) "
                        + "values (?, '合同组', ?, ?, 'operator', 'VerifyCheck', 'sms', 'sms', 'SIGNING', ?)")
                .params(id, organizationId, organizationId, CREATED).update();
        return id;
    }

    /** A contract of the group, from a file of its organization, with the given FlowStatus. */
    public String flow(String groupId, boolean unordered, int status) {
        String organizationId = jdbc.sql("select organization_id from flow_group where id = ?").param(groupId)
                .query(String.class).single();
        String fileId = file(organizationId);
        String id = Ids.next();
        int position = jdbc.sql("select count(*) from flow where group_id = ?").param(groupId).query(Integer.class)
                .single();
        jdbc.sql("insert into flow (id, group_id, position, organization_id, name, file_id, deadline, unordered, "
                        + "display_type, status, created_at, updated_at) values (?, ?, ?, ?, '合同', ?, ?, ?, 0, ?, ?, ?)")
                .params(id, groupId, position, organizationId, fileId, CREATED.plusYears(1), unordered, status, CREATED,
                        CREATED).update();
        return id;
    }

    /** An uploaded document of the organization; returns its FileId. */
    public String file(String organizationId) {
        String id = Ids.next();
        jdbc.sql("insert into file_resource (id, organization_id, business_type, file_name, file_type, size_bytes, "
                        + "sha256, content, created_at) values (?, ?, 'DOCUMENT', 'a.pdf', 'pdf', 1, ?, ?, ?)")
                .params(id, organizationId, "0".repeat(64), new byte[] {1}, CREATED).update();
        return id;
    }

    /** An approver of the contract in the next place of its order; returns its RecipientId. */
    public String approver(String flowId, int approverType, boolean dynamic, int status) {
        String id = Ids.next();
        int order = jdbc.sql("select count(*) from approver where flow_id = ?").param(flowId).query(Integer.class)
                .single();
        jdbc.sql("insert into approver (recipient_id, sign_id, flow_id, sign_order, approver_type, dynamic, "
                        + "organization_name, name, mobile, notify_type, no_refuse, no_transfer, status) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'sms', false, false, ?)")
                .params(id, Ids.next(), flowId, order, approverType, dynamic, dynamic ? null : "某公司",
                        dynamic ? null : "张三", dynamic ? null : "13800000000", status).update();
        return id;
    }

    public String signer(String groupId) {
        String id = Ids.next();
        jdbc.sql("insert into signer (id, group_id, kind, organization_name, name, mobile, created_at) "
                        + "values (?, ?, 'PERSON', '', '张三', '13800000000', ?)").params(id, groupId, CREATED).update();
        return id;
    }

    public int integer(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    public Instant instant(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(OffsetDateTime.class).single().toInstant();
    }
}
