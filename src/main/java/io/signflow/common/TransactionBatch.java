package io.signflow.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows the current transaction appends to a table, written together just before it commits rather
 * than one statement per step: a creation's steps append a dozen audit entries, one contract at a
 * time. The rows are written in the order they were added, inside the transaction, so a failing
 * write still rolls back everything. A read of the table in the same transaction calls {@link #flush}
 * first. Outside a transaction the rows are written at once; a transaction started inside another
 * (REQUIRES_NEW) has its own batch.
 *
 * @param <T> one row, as the writer takes it
 */
public final class TransactionBatch<T> {

    private final String name;
    private final Consumer<List<T>> writer;

    /** {@code name}: unique among batches; {@code writer} writes rows in one go. */
    public TransactionBatch(String name, Consumer<List<T>> writer) {
        this.name = TransactionBatch.class.getName() + "." + name;
        this.writer = writer;
    }

    public void add(List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            writer.accept(rows);
            return;
        }
        pending().addAll(rows);
    }

    /** Writes what the transaction has added so far, e.g. before the transaction reads the table. */
    public void flush() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<T> rows = (List<T>) TransactionSynchronizationManager.getResource(name);
        if (rows != null && !rows.isEmpty()) {
            List<T> written = List.copyOf(rows);
            rows.clear();
            writer.accept(written);
        }
    }

    @SuppressWarnings("unchecked")
    private List<T> pending() {
        List<T> rows = (List<T>) TransactionSynchronizationManager.getResource(name);
        if (rows == null) {
            rows = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(name, rows);
            TransactionSynchronizationManager.registerSynchronization(new Binding(rows));
        }
        return rows;
    }

    /** Writes the rows before the commit; keeps them out of sight while an inner transaction runs. */
    private final class Binding implements TransactionSynchronization {

        private final List<T> rows;

        Binding(List<T> rows) {
            this.rows = rows;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // the batch's own flush: TransactionSynchronization has a flush() of its own, which does nothing
            TransactionBatch.this.flush();
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(name);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(name, rows);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(name);
        }
    }
}
