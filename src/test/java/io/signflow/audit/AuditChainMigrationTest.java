package io.signflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V30 on a database that already holds audit entries (H2 in memory, every migration before
 * it applied): it chains each contract's entries oldest first, the check finds every chain intact, and
 * the trail goes on appending to the migrated chains.
 */
class AuditChainMigrationTest {

    @Test
    void existingEntriesAreChainedInOrderAndNewOnesFollowOn() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH");
        dataSource.setUser("sa");
        MigrationVersion chaining = MigrationVersion.fromVersion("30");
        MigrationVersion before = Arrays.stream(flyway(dataSource, MigrationVersion.LATEST).info().all())
                .map(MigrationInfo::getVersion).filter(v -> v.compareTo(chaining) < 0).max(Comparator.naturalOrder())
                .orElseThrow();
        flyway(dataSource, before).migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        OffsetDateTime time = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_789, ZoneOffset.ofHours(8));
        for (String[] row : List.of(new String[] {"F1", "CREATED"}, new String[] {"F2", "CREATED"},
                new String[] {"F1", "SIGNED"}, new String[] {"F2", "CANCELLED"}, new String[] {"F1", "COMPLETED"})) {
            jdbc.sql("insert into audit_event (group_id, flow_id, event, actor, ip, detail, occurred_at) "
                    + "values ('G1', ?, ?, 'platform', null, 'before the chain', ?)").params(row[0], row[1], time)
                    .update();
        }

        flyway(dataSource, MigrationVersion.LATEST).migrate();

        List<String[]> f1 = jdbc.sql("select previous_hash, entry_hash from audit_event where flow_id = 'F1' order by id")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(f1).hasSize(3);
        assertThat(f1.get(0)[0]).isEqualTo(AuditChainHash.GENESIS);
        assertThat(f1.get(1)[0]).isEqualTo(f1.get(0)[1]);
        assertThat(f1.get(2)[0]).isEqualTo(f1.get(1)[1]);
        AuditChainCheck check = new AuditChainCheck(dataSource);
        assertThat(check.run()).isEqualTo(new AuditChainCheck.Report(true, 2, 5, List.of()));

        AuditTrail trail = new AuditTrail(jdbc, new JdbcTemplate(dataSource),
                Clock.fixed(Instant.parse("2026-02-01T00:00:00.000000999Z"), ZoneOffset.UTC));
        trail.record("G1", "F1", AuditEvent.SEALED, AuditTrail.PLATFORM, null, "after the chain");
        assertThat(trail.ofFlow("F1").get(3).previousHash()).isEqualTo(f1.get(2)[1]);
        assertThat(trail.chainHead("F1")).hasValue(trail.ofFlow("F1").get(3).entryHash());
        assertThat(check.run()).isEqualTo(new AuditChainCheck.Report(true, 2, 6, List.of()));
    }

    private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
        return Flyway.configure().dataSource(dataSource).table("signflow_schema_history").target(target).load();
    }
}
