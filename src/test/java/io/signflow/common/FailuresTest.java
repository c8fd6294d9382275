package io.signflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailuresTest {

    /** As the engine hands them on: the driver's exception inside MyBatis's inside the engine's. */
    private static RuntimeException throughTheEngine(String sqlState) {
        return new ProcessEngineException("engine",
                new PersistenceException("mybatis", new SQLException("driver", sqlState)));
    }

    @ParameterizedTest
    @CsvSource({
            "08006, true",  // connection failure
            "08001, true",  // cannot connect
            "57P01, true",  // terminating connection due to administrator command
            "57P03, true",  // the database system is starting up
            "53300, true",  // too many connections
            "23505, false", // unique violation: our fault, not the database's
            "42P01, false", // undefined table
            "40001, false"  // serialization failure: a conflict, retried instead
    })
    void tellsTheDatabaseBeingAwayFromOtherFailures(String sqlState, boolean unavailable) {
        assertThat(Failures.isDatabaseUnavailable(throughTheEngine(sqlState))).isEqualTo(unavailable);
    }

    @ParameterizedTest
    @CsvSource({"40001, true", "40P01, true", "08006, false", "23505, false"})
    void tellsConflictsWorthAnotherAttempt(String sqlState, boolean conflict) {
        assertThat(Failures.isTransientConflict(throughTheEngine(sqlState))).isEqualTo(conflict);
    }

    @Test
    void tellsAPoolWithEveryConnectionInUseFromADatabaseThatIsAway() {
        SQLException busy = new SQLTransientConnectionException("pool - Connection is not available, request timed out after 5000ms");
        SQLException away = new SQLTransientConnectionException("pool - Connection is not available, request timed out after 5000ms",
                new SQLException("Connection refused", "08001"));

        assertThat(Failures.isConnectionPoolExhausted(new CannotGetJdbcConnectionException("x", busy))).isTrue();
        assertThat(Failures.isConnectionPoolExhausted(new CannotGetJdbcConnectionException("x", away))).isFalse();
        assertThat(Failures.isDatabaseUnavailable(away)).isTrue();
        assertThat(Failures.isConnectionPoolExhausted(new SQLException("deadlock", "40P01"))).isFalse();
    }
}
