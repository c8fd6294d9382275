package io.signflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database an integration test's application runs on, chosen by the system property
 * {@code signflow.test.database}: {@code postgres} (default) or {@code h2} (the embedded default the
 * application itself starts with). PostgreSQL is an embedded server from Maven Central unless
 * {@code SIGNFLOW_TEST_POSTGRES_URL} names one (e.g. jdbc:postgresql://127.0.0.1:5432/postgres, with
 * SIGNFLOW_TEST_POSTGRES_USER / _PASSWORD, default postgres / none). Every application context gets a
 * database of its own.
 */
public final class TestDatabase {

    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    public static String kind() {
        return System.getProperty("signflow.test.database", "postgres");
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (kind().equals("h2")) {
            Path dir = tempDir();
            registry.add("signflow.data-dir", dir::toString);
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("signflow")
                    + ";DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000");
            return;
        }
        String database = "signflow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Server server = postgres();
        execute(server, "create database " + database);
        registry.add("signflow.data-dir", () -> tempDir().toString());
        registry.add("spring.datasource.url", () -> server.url(database));
        registry.add("spring.datasource.username", server::user);
        registry.add("spring.datasource.password", server::password);
        // as application-postgres.yml sets it for every PostgreSQL deployment
        registry.add("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", () -> "true");
    }

    /**
     * A new, empty database of the run's kind outside any application context, for a test that uses
     * the database alone; {@code prefix} starts its name.
     */
    public static DataSource fresh(String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind().equals("h2")) {
            return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH",
                    "sa", "");
        }
        Server server = postgres();
        execute(server, "create database " + name);
        return new DriverManagerDataSource(server.url(name), server.user(), server.password());
    }

    /** A PostgreSQL server: its admin URL for a database, and credentials. */
    public record Server(String baseUrl, String user, String password) {
        public String url(String database) {
            return baseUrl + "/" + database;
        }
    }

    public static synchronized Server postgres() {
        String external = System.getenv("SIGNFLOW_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            String base = external.substring(0, external.lastIndexOf('/'));
            return new Server(base, env("SIGNFLOW_TEST_POSTGRES_USER", "postgres"),
                    env("SIGNFLOW_TEST_POSTGRES_PASSWORD", ""));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return new Server("jdbc:postgresql://localhost:" + embedded.getPort(), "postgres", "");
    }

    private static void execute(Server server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.url("postgres"), server.user(),
                server.password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database: " + e.getMessage(), e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("signflow-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
