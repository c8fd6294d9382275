package io.signflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signflow.support.TestDatabase;
import java.sql.Types;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows of several waiting batches on the database the run uses: on PostgreSQL one prepared text
 * carries them all ({@link PipelinedStatements}), elsewhere each batch is its own; either way every
 * row is written, in the order the batches waited, or none is.
 */
class PipelinedWritesIT {

    private final boolean postgres = TestDatabase.kind().equals("postgres");
    private final RecordingDataSource recorded = new RecordingDataSource(TestDatabase.fresh("signflow_pipelined_"));
    private final JdbcTemplate jdbc = new JdbcTemplate(WritesBeforeStatements.around(recorded));
    private final TransactionTemplate transaction = new TransactionTemplate(
            new DataSourceTransactionManager(jdbc.getDataSource()));
    private final TransactionBatch groups = TransactionBatch.untilNextStatement("test.group", jdbc,
            "insert into grp (id, name) values (?, ?)");
    private final TransactionBatch members = TransactionBatch.untilNextStatement("test.member", jdbc,
            "insert into member (id, group_id, mobile, position) values (?, ?, ?, ?)",
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER);
    private final TransactionBatch renames = TransactionBatch.untilNextStatement("test.rename", jdbc,
            "update member set mobile = coalesce(?, mobile) where id = ?");

    PipelinedWritesIT() {
        jdbc.execute("create table grp (id varchar(10) primary key, name varchar(20))");
        jdbc.execute("create table member (id varchar(10) primary key, group_id varchar(10) not null "
                + "references grp (id), mobile varchar(20), position int)");
        recorded.clear();
    }

    @Test
    void rowsOfSeveralTablesTravelTogetherAndFindEachOther() {
        transaction.executeWithoutResult(status -> {
            groups.add(new Object[] {"g1", null});
            members.add(List.of(new Object[] {"m1", "g1", "138", 0}, new Object[] {"m2", "g1", null, 1},
                    new Object[] {"m3", "g1", "139", null}));
            renames.add(List.of(new Object[] {"150", "m1"}, new Object[] {null, "m3"}));
            assertThat(recorded.writes()).isEmpty();

            assertThat(jdbc.queryForList("select coalesce(mobile, '-') || '/' || coalesce(position, -1) from member "
                    + "order by id", String.class)).containsExactly("150/0", "-/1", "139/-1");
        });

        if (postgres) {
            assertThat(recorded.writes()).containsExactly("insert into grp (id, name) values (?, ?);\n"
                    + "insert into member (id, group_id, mobile, position) values (?, ?, ?, ?), (?, ?, ?, ?), "
                    + "(?, ?, ?, ?);\n"
                    + "update member set mobile = coalesce(?, mobile) where id = ?;\n"
                    + "update member set mobile = coalesce(?, mobile) where id = ?");
        } else {
            assertThat(recorded.writes()).hasSize(3);
        }
        assertThat(jdbc.queryForObject("select count(*) from grp where name is null", Integer.class)).isOne();
    }

    @Test
    void rowsNoStatementFollowedAreWrittenTogetherAtTheCommit() {
        transaction.executeWithoutResult(status -> {
            groups.add(new Object[] {"g1", "group"});
            members.add(new Object[] {"m1", "g1", "138", 0});
        });

        assertThat(jdbc.queryForObject("select count(*) from member", Integer.class)).isOne();
        assertThat(recorded.writes()).hasSize(postgres ? 1 : 2);
    }

    @Test
    void rowsWaitingForTheCommitTravelWithTheRest() {
        TransactionBatch notes = TransactionBatch.untilCommit("test.note", jdbc, "insert into note (text) values (?)");
        TransactionBatch ledger = TransactionBatch.untilCommit("test.ledger", jdbc, "insert into ledger (units) values (?)");
        jdbc.execute("create table note (text varchar(20))");
        jdbc.execute("create table ledger (units int)");
        recorded.clear();

        transaction.executeWithoutResult(status -> {
            notes.add(new Object[] {"read before"});
            notes.flush();
            groups.add(new Object[] {"g1", "group"});
            notes.add(new Object[] {"created"});
            ledger.add(List.of(new Object[] {1}, new Object[] {2}));
            assertThat(jdbc.queryForObject("select count(*) from grp", Integer.class)).isOne();
            members.add(new Object[] {"m1", "g1", "138", 0});
        });

        assertThat(jdbc.queryForList("select text from note order by text", String.class))
                .containsExactly("created", "read before");
        assertThat(jdbc.queryForObject("select sum(units) from ledger", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from member", Integer.class)).isOne();
        if (postgres) {
            // the flush, the group before the count, and at the commit the rest
            assertThat(recorded.writes()).containsExactly("insert into note (text) values (?)",
                    "insert into grp (id, name) values (?, ?)",
                    "insert into note (text) values (?);\n"
                            + "insert into ledger (units) values (?), (?);\n"
                            + "insert into member (id, group_id, mobile, position) values (?, ?, ?, ?)");
        } else {
            assertThat(recorded.writes()).hasSize(5);
        }
    }

    @Test
    void moreRowsThanOneInsertTakesAreAllWritten() {
        int count = PipelinedStatements.ROWS_PER_INSERT * 2 + 3;
        transaction.executeWithoutResult(status -> {
            groups.add(new Object[] {"g1", "group"});
            members.add(IntStream.range(0, count).mapToObj(i -> new Object[] {"m" + i, "g1", null, i}).toList());
        });

        assertThat(jdbc.queryForObject("select count(*) from member", Integer.class)).isEqualTo(count);
        assertThat(jdbc.queryForObject("select sum(position) from member", Integer.class))
                .isEqualTo(count * (count - 1) / 2);
    }

    @Test
    void aRowThatCannotBeWrittenFailsTheNextStatementAndLeavesNothing() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            groups.add(new Object[] {"g1", "group"});
            members.add(List.of(new Object[] {"m1", "g1", "138", 0}, new Object[] {"m2", "nowhere", "139", 1}));
            jdbc.queryForObject("select count(*) from member", Integer.class);
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(jdbc.queryForObject("select count(*) from grp", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from member", Integer.class)).isZero();
    }
}
