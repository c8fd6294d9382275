package io.signflow.common;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows the current transaction writes with one statement, written together rather than one statement
 * per step: a creation's steps append a dozen audit entries and update each contract's approvers, one
 * contract at a time. The rows are written in the order they were added, inside the transaction, so a
 * failing write still rolls back everything. Outside a transaction the rows are written at once; a
 * transaction started inside another (REQUIRES_NEW) has its own batch.
 *
 * <p>A batch made with {@link #untilCommit} waits for the commit: a read of its table in the same
 * transaction calls {@link #flush} first. One made with {@link #untilNextStatement} waits only until
 * the transaction's next statement of any kind ({@link WritesBeforeStatements}), so whatever reads or
 * changes the rows afterwards, in any module, finds them written, and only writes that follow one
 * another with nothing in between travel together. At the commit, every batch's rows still waiting
 * are written together.
 */
public final class TransactionBatch {

    private final String name;
    private final JdbcTemplate jdbc;
    private final String sql;
    private final int[] types;
    private final boolean untilNextStatement;

    private TransactionBatch(String name, JdbcTemplate jdbc, String sql, int[] types, boolean untilNextStatement) {
        this.name = TransactionBatch.class.getName() + "." + name;
        this.jdbc = jdbc;
        this.sql = sql;
        this.types = types.length == 0 ? null : types.clone();
        this.untilNextStatement = untilNextStatement;
    }

    /**
     * {@code name}: unique among batches; {@code sql}: the statement that writes one row, a parameter per
     * value; {@code types}, if given: each parameter's SQL type ({@link java.sql.Types}), so that a null
     * is sent as its column's type and rows that leave different columns null are one prepared statement.
     */
    public static TransactionBatch untilCommit(String name, JdbcTemplate jdbc, String sql, int... types) {
        return new TransactionBatch(name, jdbc, sql, types, false);
    }

    /** As {@link #untilCommit}, but written before the transaction's next statement. */
    public static TransactionBatch untilNextStatement(String name, JdbcTemplate jdbc, String sql, int... types) {
        return new TransactionBatch(name, jdbc, sql, types, true);
    }

    public void add(Object[] row) {
        add(List.<Object[]>of(row));
    }

    public void add(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> pending = TransactionResources.bound(name, ArrayList::new,
                () -> WritesBeforeStatements.writeAtCommit(jdbc));
        if (pending == null) {
            write(rows);
            return;
        }
        pending.addAll(rows);
        WritesBeforeStatements.waiting(this);
    }

    boolean untilNextStatement() {
        return untilNextStatement;
    }

    /** Writes what the transaction has added so far, e.g. before the transaction reads the table. */
    public void flush() {
        List<Object[]> rows = take();
        if (!rows.isEmpty()) {
            write(rows);
        }
    }

    /** The rows waiting to be written, which the caller now writes. */
    List<Object[]> take() {
        List<Object[]> pending = TransactionResources.existing(name);
        if (pending == null || pending.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = List.copyOf(pending);
        pending.clear();
        return rows;
    }

    String sql() {
        return sql;
    }

    /** The parameters' SQL types, or null where each value's own type is sent. */
    int[] types() {
        return types;
    }

    private void write(List<Object[]> rows) {
        if (types == null) {
            jdbc.batchUpdate(sql, rows);
        } else {
            jdbc.batchUpdate(sql, rows, types);
        }
    }
}
