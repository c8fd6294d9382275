package io.signflow.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Connections that write the rows waiting in the transaction's
 * {@link TransactionBatch#untilNextStatement} batches before each statement they prepare, whoever
 * prepares it: Signflow's modules, the process engine, a migration. A statement therefore finds the
 * database as if each row had been written by the step that added it, and the rows of consecutive steps
 * (a creation's contracts, one after another) still travel as one batch per table. At the commit the
 * rows of every batch are written, those of {@link TransactionBatch#untilCommit} batches too, so that a
 * creation's audit trail and quota ledger travel together. The waiting batches are written in the order
 * they first waited, so a table's rows that refer to another's wait after them, as a creation adds its
 * group, signers, contracts and approvers. On PostgreSQL several waiting batches travel in one round
 * trip ({@link PipelinedStatements}); elsewhere each batch is one.
 */
public final class WritesBeforeStatements {

    private static final String NAME = WritesBeforeStatements.class.getName();
    private static final Set<String> PREPARING = Set.of("prepareStatement", "createStatement", "prepareCall");

    private WritesBeforeStatements() {
    }

    /** {@code dataSource}, with connections that write waiting rows first. */
    public static DataSource around(DataSource dataSource) {
        return dataSource instanceof Writing ? dataSource : new Writing(dataSource);
    }

    static void waiting(TransactionBatch batch) {
        TransactionResources.bound(NAME, Waiting::new, () -> { }).add(batch);
    }

    /**
     * Writes the rows of every batch of the transaction, those waiting for the commit too, before it
     * commits, on its connection that {@code jdbc} uses.
     */
    static void writeAtCommit(JdbcTemplate jdbc) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Connection target = connection;
            while (target instanceof ConnectionProxy proxy) {
                target = proxy.getTargetConnection();
            }
            write(target, true);
            return null;
        });
    }

    /**
     * Writes the rows of the transaction's batches waiting for its next statement, and at the commit
     * those waiting for it too, on {@code target}; unless they are being written: their own statements pass.
     */
    private static void write(Connection target, boolean atCommit) throws SQLException {
        Waiting waiting = TransactionResources.existing(NAME);
        if (waiting == null || waiting.writing || !atCommit && waiting.forNextStatement == 0) {
            return;
        }
        List<TransactionBatch> batches = waiting.take(atCommit);
        if (batches.isEmpty()) {
            return;
        }
        waiting.writing = true;
        try {
            if (batches.size() > 1 && PipelinedStatements.available(target)) {
                PipelinedStatements.write(target, batches);
            } else {
                batches.forEach(TransactionBatch::flush);
            }
        } finally {
            waiting.writing = false;
        }
    }

    /**
     * The waiting batches in the order they first waited, and how many of them wait for the next
     * statement: a statement prepared while only the commit's batches wait (a creation's audit trail,
     * from its first step on) passes at once.
     */
    private static final class Waiting {
        private final Set<TransactionBatch> batches = new LinkedHashSet<>();
        private int forNextStatement;
        private boolean writing;

        void add(TransactionBatch batch) {
            if (batches.add(batch) && batch.untilNextStatement()) {
                forNextStatement++;
            }
        }

        /** The batches to write now, no longer waiting: at the commit all of them. */
        List<TransactionBatch> take(boolean atCommit) {
            List<TransactionBatch> taken = batches.stream()
                    .filter(batch -> atCommit || batch.untilNextStatement()).toList();
            batches.removeAll(taken);
            forNextStatement = 0;
            return taken;
        }
    }

    private static final class Writing extends DelegatingDataSource {

        Writing(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return writingFirst(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return writingFirst(super.getConnection(username, password));
        }
    }

    private static Connection writingFirst(Connection target) {
        return (Connection) Proxy.newProxyInstance(WritesBeforeStatements.class.getClassLoader(),
                new Class<?>[] {ConnectionProxy.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "getTargetConnection" -> target;
                    default -> {
                        if (PREPARING.contains(method.getName())) {
                            write(target, false);
                        }
                        try {
                            yield method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }
}
