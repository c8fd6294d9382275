package io.signflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

class TransactionMemoTest {

    private final DataSourceTransactionManager manager = new DataSourceTransactionManager(
            new DriverManagerDataSource("jdbc:h2:mem:memo" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
    private final TransactionMemo<String, String> memo = new TransactionMemo<>("test");
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<String, Optional<String>> database = key -> {
        reads.incrementAndGet();
        return key.equals("missing") ? Optional.empty() : Optional.of("row " + key + " read " + reads.get());
    };

    @Test
    void readsOncePerTransactionAndAgainInTheNext() {
        TransactionTemplate tx = new TransactionTemplate(manager);

        tx.executeWithoutResult(status -> {
            assertThat(memo.get("a", database)).contains("row a read 1");
            assertThat(memo.get("a", database)).contains("row a read 1");
        });
        tx.executeWithoutResult(status -> assertThat(memo.get("a", database)).contains("row a read 2"));

        assertThat(reads).hasValue(2);
    }

    @Test
    void forgetsWhatItIsToldChangedAndNeverRemembersAbsence() {
        new TransactionTemplate(manager).executeWithoutResult(status -> {
            memo.get("a", database);
            memo.forget("a");
            assertThat(memo.get("a", database)).contains("row a read 2");
            assertThat(memo.get("missing", database)).isEmpty();
            assertThat(memo.get("missing", database)).isEmpty();
        });

        assertThat(reads).hasValue(4);
    }

    @Test
    void answersWhatTheTransactionWroteWithoutReading() {
        new TransactionTemplate(manager).executeWithoutResult(status -> {
            memo.remember("b", "written");
            assertThat(memo.known("b")).contains("written");
            assertThat(memo.get("b", database)).contains("written");
        });

        assertThat(reads).hasValue(0);
    }

    @Test
    void changesEveryRememberedRowAsTold() {
        new TransactionTemplate(manager).executeWithoutResult(status -> {
            memo.remember("a", "a");
            memo.get("b", database);
            memo.updateAll(value -> value + ", linked");
            assertThat(memo.known("a")).contains("a, linked");
            assertThat(memo.known("b")).contains("row b read 1, linked");
            assertThat(memo.known("c")).isEmpty();
        });
    }

    @Test
    void anInnerTransactionHasItsOwnMemoAndTheOuterOneKeepsItsOwn() {
        TransactionTemplate outer = new TransactionTemplate(manager);
        TransactionTemplate inner = new TransactionTemplate(manager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(status -> {
            memo.remember("a", "outer's uncommitted write");
            inner.executeWithoutResult(s -> assertThat(memo.get("a", database)).contains("row a read 1"));
            assertThat(memo.get("a", database)).contains("outer's uncommitted write");
        });
    }

    @Test
    void remembersNothingOutsideATransaction() {
        memo.remember("a", "lost");

        assertThat(memo.known("a")).isEmpty();
        assertThat(memo.get("a", database)).contains("row a read 1");
        assertThat(memo.get("a", database)).contains("row a read 2");
    }
}
