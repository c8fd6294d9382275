package io.signflow.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
        List<T> pending = TransactionResources.bound(name, ArrayList::new, this::flush);
        if (pending == null) {
            writer.accept(rows);
        } else {
            pending.addAll(rows);
        }
    }

    /** Writes what the transaction has added so far, e.g. before the transaction reads the table. */
    public void flush() {
        List<T> pending = TransactionResources.existing(name);
        if (pending != null && !pending.isEmpty()) {
            List<T> rows = List.copyOf(pending);
            pending.clear();
            writer.accept(rows);
        }
    }
}
