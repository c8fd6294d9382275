package io.signflow.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * Several batches' rows written in one round trip on PostgreSQL. Its driver splits a prepared text at
 * its semicolons and sends every statement of it before it waits for the first answer, so the rows of
 * a creation's group, signers, contracts and approvers reach the database together, where a JDBC batch
 * per table costs a round trip each. An insert whose text ends with its values' tuple writes its rows
 * as one statement of many tuples (as the driver's {@code reWriteBatchedInserts} does for a batch); any
 * other statement is repeated once per row.
 *
 * <p>The text depends on how many rows each batch has, and the driver keeps a statement prepared on the
 * server once the same text has run five times on a connection: a shape seen rarely is planned anew
 * each time it runs.
 */
final class PipelinedStatements {

    /** Rows per many-tuple insert: far below PostgreSQL's 65,535 parameters of a statement for any table here. */
    static final int ROWS_PER_INSERT = 256;

    private PipelinedStatements() {
    }

    static boolean available(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    /** Writes the rows waiting in {@code batches}, in order, with one execution. */
    static void write(Connection connection, List<TransactionBatch> batches) throws SQLException {
        StringBuilder text = new StringBuilder();
        List<Object[]> rows = new ArrayList<>();
        List<int[]> types = new ArrayList<>();
        for (TransactionBatch batch : batches) {
            List<Object[]> taken = batch.take();
            String tuple = valuesTuple(batch.sql());
            for (int from = 0; from < taken.size(); from += ROWS_PER_INSERT) {
                List<Object[]> chunk = taken.subList(from, Math.min(taken.size(), from + ROWS_PER_INSERT));
                for (int i = 0; i < chunk.size(); i++) {
                    if (tuple == null || i == 0) {
                        text.append(text.isEmpty() ? "" : ";\n").append(batch.sql());
                    } else {
                        text.append(", ").append(tuple);
                    }
                    rows.add(chunk.get(i));
                    types.add(batch.types());
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(text.toString())) {
            int index = 1;
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                int[] rowTypes = types.get(r);
                for (int c = 0; c < row.length; c++) {
                    int type = rowTypes == null ? SqlTypeValue.TYPE_UNKNOWN : rowTypes[c];
                    StatementCreatorUtils.setParameterValue(statement, index++, type, row[c]);
                }
            }
            statement.execute();
        }
    }

    /**
     * The tuple of {@code sql}'s values if it is an insert that ends with it, e.g. {@code (?, ?, 'AUTO_SEAL')};
     * null for any other statement, whose rows then need one statement each.
     */
    static String valuesTuple(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        int values = lower.lastIndexOf(" values (");
        if (!lower.startsWith("insert into ") || values < 0) {
            return null;
        }
        String tuple = sql.substring(values + " values ".length());
        int depth = 0;
        for (int i = 0; i < tuple.length(); i++) {
            char c = tuple.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && i < tuple.length() - 1) {
                return null;
            }
        }
        return depth == 0 ? tuple : null;
    }
}
