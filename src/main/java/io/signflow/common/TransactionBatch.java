package io.signflow.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rows the current transaction writes to a table, written together rather than one statement per
 * step: a creation's steps append a dozen audit entries and update each contract's approvers, one
 * contract at a time. The rows are written in the order they were added, inside the transaction, so a
 * failing write still rolls back everything. Outside a transaction the rows are written at once; a
 * transaction started inside another (REQUIRES_NEW) has its own batch.
 *
 * <p>A batch made with {@link #untilCommit} waits for the commit: a read of its table in the same
 * transaction calls {@link #flush} first. One made with {@link #untilNextStatement} waits only until
 * the transaction's next statement of any kind ({@link WritesBeforeStatements}), so whatever reads or
 * changes the rows afterwards, in any module, finds them written, and only writes that follow one
 * another with nothing in between travel together.
 *
 * @param <T> one row, as the writer takes it
 */
public final class TransactionBatch<T> {

    private final String name;
    private final Consumer<List<T>> writer;
    private final boolean untilNextStatement;

    private TransactionBatch(String name, Consumer<List<T>> writer, boolean untilNextStatement) {
        this.name = TransactionBatch.class.getName() + "." + name;
        this.writer = writer;
        this.untilNextStatement = untilNextStatement;
    }

    /** {@code name}: unique among batches; {@code writer} writes rows in one go. */
    public static <T> TransactionBatch<T> untilCommit(String name, Consumer<List<T>> writer) {
        return new TransactionBatch<>(name, writer, false);
    }

    /** As {@link #untilCommit}, but written before the transaction's next statement. */
    public static <T> TransactionBatch<T> untilNextStatement(String name, Consumer<List<T>> writer) {
        return new TransactionBatch<>(name, writer, true);
    }

    public void add(T row) {
        add(List.of(row));
    }

    public void add(List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<T> pending = TransactionResources.bound(name, ArrayList::new, this::flush);
        if (pending == null) {
            writer.accept(rows);
            return;
        }
        pending.addAll(rows);
        if (untilNextStatement) {
            WritesBeforeStatements.waiting(this);
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
