package io.signflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Batches that wait for the transaction's next statement, on an in-memory H2. */
class WritesBeforeStatementsTest {

    private final RecordingDataSource recorded = new RecordingDataSource(new DriverManagerDataSource(
            "jdbc:h2:mem:writes" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
    private final DataSource dataSource = WritesBeforeStatements.around(recorded);
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private final TransactionBatch signed = TransactionBatch.untilNextStatement("signed", jdbc,
            "insert into signed (id) values (?)");
    private final TransactionBatch opened = TransactionBatch.untilNextStatement("opened", jdbc,
            "insert into opened (id) values (?)");
    private final TransactionBatch audited = TransactionBatch.untilCommit("audited", jdbc,
            "insert into audited (id) values (?)");

    WritesBeforeStatementsTest() {
        jdbc.execute("create table signed (id int primary key)");
        jdbc.execute("create table opened (id int primary key)");
        jdbc.execute("create table audited (id int primary key)");
        recorded.clear();
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private static List<Object[]> rows(int... ids) {
        return Arrays.stream(ids).mapToObj(id -> new Object[] {id}).toList();
    }

    @Test
    void consecutiveStepsRowsAreWrittenTogetherBeforeTheNextStatementReadsThem() {
        transaction.executeWithoutResult(status -> {
            signed.add(rows(1));
            opened.add(rows(1));
            signed.add(rows(2));
            opened.add(rows(2, 3));
            assertThat(recorded.writes()).isEmpty();

            assertThat(count("signed")).isEqualTo(2);
            assertThat(count("opened")).isEqualTo(3);
            assertThat(recorded.writes()).containsExactly("insert into signed (id) values (?)",
                    "insert into opened (id) values (?)");
        });
    }

    @Test
    void aStatementAfterTheWritesFindsThemAsIfEachStepHadWrittenItsOwn() {
        transaction.executeWithoutResult(status -> {
            signed.add(rows(1));
            jdbc.update("update signed set id = 10 where id = 1");
            signed.add(rows(1));
        });

        assertThat(jdbc.queryForList("select id from signed order by id", Integer.class)).containsExactly(1, 10);
    }

    @Test
    void whatNoStatementFollowedIsWrittenAtTheCommit() {
        transaction.executeWithoutResult(status -> signed.add(rows(1, 2)));

        assertThat(count("signed")).isEqualTo(2);
        assertThat(recorded.writes()).containsExactly("insert into signed (id) values (?)");
    }

    @Test
    void batchesForTheCommitStillWaitForItWhileTheOthersAreWrittenStatementByStatement() {
        transaction.executeWithoutResult(status -> {
            audited.add(rows(1));
            signed.add(rows(1));
            assertThat(count("signed")).isEqualTo(1);
            assertThat(count("audited")).isZero();

            signed.add(rows(2));
            opened.add(rows(1));
            assertThat(count("signed")).isEqualTo(2);
            assertThat(count("opened")).isEqualTo(1);
            assertThat(count("audited")).isZero();
        });

        assertThat(count("audited")).isEqualTo(1);
    }

    @Test
    void anInnerTransactionNeitherWritesNorSeesTheOutersRows() {
        TransactionTemplate inner = new TransactionTemplate(transaction.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transaction.executeWithoutResult(status -> {
            signed.add(rows(1));
            inner.executeWithoutResult(s -> assertThat(count("signed")).isZero());
            assertThat(recorded.writes()).isEmpty();
        });

        assertThat(count("signed")).isEqualTo(1);
    }

    @Test
    void nothingIsWrittenWhenTheTransactionRollsBack() {
        transaction.executeWithoutResult(status -> {
            signed.add(rows(1));
            status.setRollbackOnly();
        });

        assertThat(count("signed")).isZero();
    }
}
