package io.signflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class TransactionBatchTest {

    private final DataSourceTransactionManager manager = new DataSourceTransactionManager(
            new DriverManagerDataSource("jdbc:h2:mem:batch" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
    /** Each write the batch made, with whether a transaction was still running when it made it. */
    private final List<String> writes = new ArrayList<>();
    private final TransactionBatch<String> batch = TransactionBatch.untilCommit("test", rows -> writes.add(
            rows + (TransactionSynchronizationManager.isActualTransactionActive() ? " in a transaction" : " alone")));

    @Test
    void writesATransactionsRowsTogetherInOrderBeforeItCommits() {
        new TransactionTemplate(manager).executeWithoutResult(status -> {
            batch.add(List.of("a", "b"));
            batch.add(List.of("c"));
            assertThat(writes).isEmpty();
        });

        assertThat(writes).containsExactly("[a, b, c] in a transaction");
    }

    @Test
    void writesNothingWhenTheTransactionRollsBack() {
        TransactionTemplate tx = new TransactionTemplate(manager);

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            batch.add(List.of("a"));
            throw new IllegalStateException("the step failed");
        })).hasMessage("the step failed");

        assertThat(writes).isEmpty();
    }

    @Test
    void aFailedWriteRollsTheTransactionBack() {
        TransactionBatch<String> failing = TransactionBatch.<String>untilCommit("failing", rows -> {
            throw new IllegalStateException("duplicate key");
        });
        List<Integer> outcomes = new ArrayList<>();

        assertThatThrownBy(() -> new TransactionTemplate(manager).executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int outcome) {
                    outcomes.add(outcome);
                }
            });
            failing.add(List.of("a"));
        })).hasMessage("duplicate key");

        assertThat(outcomes).containsExactly(TransactionSynchronization.STATUS_ROLLED_BACK);
    }

    @Test
    void flushWritesWhatWasAddedSoFarAndTheRestAtCommit() {
        new TransactionTemplate(manager).executeWithoutResult(status -> {
            batch.add(List.of("a"));
            batch.flush();
            assertThat(writes).containsExactly("[a] in a transaction");
            batch.flush();
            batch.add(List.of("b"));
        });

        assertThat(writes).containsExactly("[a] in a transaction", "[b] in a transaction");
    }

    @Test
    void anInnerTransactionWritesItsOwnRowsAtItsOwnCommit() {
        TransactionTemplate outer = new TransactionTemplate(manager);
        TransactionTemplate inner = new TransactionTemplate(manager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(status -> {
            batch.add(List.of("outer"));
            inner.executeWithoutResult(s -> batch.add(List.of("inner")));
            assertThat(writes).containsExactly("[inner] in a transaction");
        });

        assertThat(writes).containsExactly("[inner] in a transaction", "[outer] in a transaction");
    }

    @Test
    void writesAtOnceOutsideATransaction() {
        batch.add(List.of("a"));
        batch.add(List.of());

        assertThat(writes).containsExactly("[a] alone");
    }
}
