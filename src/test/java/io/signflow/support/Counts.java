package io.signflow.support;

import java.sql.Connection;
import java.sql.SQLException;

/** A count from a node's database, for the tests that look at it from outside the node. */
public final class Counts {

    private Counts() {
    }

    public static long of(Connection db, String sql) throws SQLException {
        try (var result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
