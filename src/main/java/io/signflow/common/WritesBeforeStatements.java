package io.signflow.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Connections that write the rows waiting in the transaction's {@link TransactionBatch#untilNextStatement}
 * batches before each statement they prepare, whoever prepares it: Signflow's modules, the process
 * engine, a migration. A statement therefore finds the database as if each row had been written by the
 * step that added it, and the rows of consecutive steps (a creation's contracts, one after another)
 * still travel as one batch per table. The waiting batches are written in the order they first waited;
 * each writes its own table, so their order among each other changes nothing.
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

    static void waiting(TransactionBatch<?> batch) {
        TransactionResources.bound(NAME, Waiting::new, () -> { }).batches.add(batch);
    }

    /** Writes the transaction's waiting rows, unless they are being written: their own statements pass. */
    static void writeWaiting() {
        Waiting waiting = TransactionResources.existing(NAME);
        if (waiting == null || waiting.writing || waiting.batches.isEmpty()) {
            return;
        }
        waiting.writing = true;
        try {
            waiting.batches.forEach(TransactionBatch::flush);
            waiting.batches.clear();
        } finally {
            waiting.writing = false;
        }
    }

    private static final class Waiting {
        private final Set<TransactionBatch<?>> batches = new LinkedHashSet<>();
        private boolean writing;
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
                            writeWaiting();
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
