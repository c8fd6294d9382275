package io.signflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time a phase of a run cost: the server's process and the PostgreSQL backends serving its database,
 * read from /proc (clock ticks of user and system time). Work per request in CPU milliseconds compares two
 * servers far more steadily than throughput does on a machine that others share: another process taking
 * a core slows each request, but hardly changes what each one costs.
 */
final class CpuMeter implements AutoCloseable {

    /** Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat. */
    private static final double MILLIS_PER_TICK = 10;

    private final long serverPid;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String database;
    /** Kept open from the first reading on: a busy server may have no connection to spare later. */
    private Connection connection;
    private long serverTicks;
    private Map<Long, Long> backendTicks;

    CpuMeter(long serverPid, String jdbcUrl, String user, String password, String database) {
        this.serverPid = serverPid;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    /** What a phase cost, in CPU milliseconds. */
    record Reading(double serverMillis, double databaseMillis) {
        double totalMillis() {
            return serverMillis + databaseMillis;
        }
    }

    void start() {
        serverTicks = ticks(serverPid);
        backendTicks = backends();
    }

    /** Since {@link #start}; a backend that started meanwhile counts from zero, one that ended is not counted. */
    Reading stop() {
        long server = ticks(serverPid) - serverTicks;
        long database = 0;
        for (Map.Entry<Long, Long> backend : backends().entrySet()) {
            database += backend.getValue() - backendTicks.getOrDefault(backend.getKey(), 0L);
        }
        return new Reading(server * MILLIS_PER_TICK, database * MILLIS_PER_TICK);
    }

    private Map<Long, Long> backends() {
        List<Long> pids = new ArrayList<>();
        try (var query = connection().prepareStatement("select pid from pg_stat_activity where datname = ?")) {
            query.setString(1, database);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the database's backends", e);
        }
        Map<Long, Long> ticks = new HashMap<>();
        pids.forEach(pid -> ticks.put(pid, ticks(pid)));
        return ticks;
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(jdbcUrl, user, password);
        }
        return connection;
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    /** utime + stime of a process; 0 for one that is gone (a backend may end between listing and reading). */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name in parentheses may hold spaces: the fields that follow are counted from its end
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }
}
