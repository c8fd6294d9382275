package io.signflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class TransactionBatchTest {

    private final RecordingDataSource dataSource = new RecordingDataSource(
            new DriverManagerDataSource("jdbc:h2:mem:batch" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
    private final TransactionBatch batch = TransactionBatch.untilCommit("test", jdbc, "insert into entry (v) values (?)");

    TransactionBatchTest() {
        jdbc.execute("create table entry (id int auto_increment primary key, v varchar(10) unique)");
        dataSource.clear();
    }

    private List<String> entries() {
        return jdbc.queryForList("select v from entry order by id", String.class);
    }

    private static List<Object[]> values(String... values) {
        return Arrays.stream(values).map(v -> new Object[] {v}).toList();
    }

    @Test
    void writesATransactionsRowsTogetherInOrderBeforeItCommits() {
        new TransactionTemplate(manager).executeWithoutResult(status -> {
            batch.add(values("a", "b"));
            batch.add(values("c"));
            assertThat(dataSource.writes()).isEmpty();
        });

        assertThat(entries()).containsExactly("a", "b", "c");
        assertThat(dataSource.writes()).hasSize(1);
    }

    @Test
    void writesNothingWhenTheTransactionRollsBack() {
        TransactionTemplate tx = new TransactionTemplate(manager);

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            batch.add(values("a"));
            throw new IllegalStateException("the step failed");
        })).hasMessage("the step failed");

        assertThat(entries()).isEmpty();
        assertThat(dataSource.writes()).isEmpty();
    }

    @Test
    void aFailedWriteRollsTheTransactionBack() {
        List<Integer> outcomes = new ArrayList<>();

        assertThatThrownBy(() -> new TransactionTemplate(manager).executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int outcome) {
                    outcomes.add(outcome);
                }
            });
            jdbc.update("insert into entry (v) values ('before')");
            batch.add(values("a", "a"));
        })).isInstanceOf(DuplicateKeyException.class);

        assertThat(outcomes).containsExactly(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(entries()).isEmpty();
    }

    @Test
    void flushWritesWhatWasAddedSoFarAndTheRestAtCommit() {
        new TransactionTemplate(manager).executeWithoutResult(status -> {
            batch.add(values("a"));
            batch.flush();
            assertThat(entries()).containsExactly("a");
            batch.flush();
            batch.add(values("b"));
            assertThat(entries()).containsExactly("a");
        });

        assertThat(entries()).containsExactly("a", "b");
        assertThat(dataSource.writes()).hasSize(2);
    }

    @Test
    void anInnerTransactionWritesItsOwnRowsAtItsOwnCommit() {
        TransactionTemplate outer = new TransactionTemplate(manager);
        TransactionTemplate inner = new TransactionTemplate(manager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(status -> {
            batch.add(values("outer"));
            inner.executeWithoutResult(s -> batch.add(values("inner")));
            assertThat(dataSource.writes()).hasSize(1);
        });

        assertThat(entries()).containsExactly("inner", "outer");
    }

    @Test
    void writesAtOnceOutsideATransaction() {
        batch.add(values("a"));
        batch.add(List.of());

        assertThat(entries()).containsExactly("a");
        assertThat(dataSource.writes()).hasSize(1);
    }
}
