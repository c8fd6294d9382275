package io.signflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.AdminClient;
import io.signflow.support.Counts;
import io.signflow.support.Requests;
import io.signflow.support.ServerProcess;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import io.signflow.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL restarts under load. While it is down, requests are answered InternalError.Db promptly
 * (never a 500 or a hang: the production connection timeout of application.yml applies); once it is
 * back the node serves again by itself, without a restart, every group it accepted is whole and
 * sealed, and no job is left stuck or failed.
 */
class DatabaseRestartIT {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestartIT.class);

    @Test
    void requestsFailClearlyWhileTheDatabaseIsDownAndTheNodeRecoversByItself() throws Exception {
        Assumptions.assumeFalse("h2".equals(System.getProperty("signflow.test.database")),
                "restarts a PostgreSQL of its own; runs in the PostgreSQL pass");
        Path data = Files.createTempDirectory("signflow-restart-pg");
        EmbeddedPostgres postgres = start(data, 0);
        int port = postgres.getPort();
        TestDatabase.Server server = new TestDatabase.Server("jdbc:postgresql://127.0.0.1:" + port, "postgres", "");
        String database = ServerProcess.createDatabase(server, "signflow_restart");
        try (ServerProcess node = ServerProcess.start(server, database, "restart-master-key",
                // no refusal but the database's: neither rates nor the completion backlog (sealing behind
                // the load, or retried after the restart; its count stands while the database is away)
                // refuse this test's creations
                List.of("--signflow.api.rate-limit-per-second=1000",
                        "--signflow.api.action-rate-limits.CreateFlowGroupByFiles=1000",
                        "--signflow.api.admission.backlog-bound=1000000"))) {
            node.awaitHealthy(Duration.ofMinutes(3));
            AdminClient admin = new AdminClient(node.port(), ServerProcess.ADMIN_PASSWORD);
            Tenant tenant = new Tenants(admin, node.port()).create(null, 10_000, 2);

            Set<String> accepted = ConcurrentHashMap.newKeySet();
            Map<String, Integer> refusals = new ConcurrentHashMap<>();
            AtomicLong slowestRefusal = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread load = new Thread(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    JsonNode answer = tenant.api().call("CreateFlowGroupByFiles",
                            Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant))));
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (answer.has("FlowGroupId")) {
                        accepted.add(answer.get("FlowGroupId").asText());
                    } else {
                        refusals.merge(answer.at("/Error/Code").asText(), 1, Integer::sum);
                        slowestRefusal.accumulateAndGet(millis, Math::max);
                    }
                }
            });
            load.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 20);

            postgres.close();
            // the node has answered several requests while the database was away before it comes back
            await().atMost(Duration.ofSeconds(60)).until(() -> refusals.values().stream()
                    .mapToInt(Integer::intValue).sum() >= 3);
            int acceptedBeforeRestart = accepted.size();
            postgres = start(data, port);
            long restarted = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() > acceptedBeforeRestart);
            long recoveredMillis = Duration.ofNanos(System.nanoTime() - restarted).toMillis();
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= acceptedBeforeRestart + 20);
            running.set(false);
            load.join();

            assertThat(refusals).isNotEmpty();
            assertThat(refusals.keySet()).containsOnly("InternalError.Db");
            // Hikari's connection-timeout (5 s in application.yml) and the answer
            assertThat(slowestRefusal.get()).as("refused promptly").isLessThan(8_000);
            assertThat(admin.get("/actuator/health").get("status").asText()).isEqualTo("UP");
            try (Connection db = DriverManager.getConnection(server.url(database), "postgres", "")) {
                assertThat(Counts.of(db, "select count(*) from flow f join flow_group g on g.id = f.group_id"))
                        .isEqualTo(2L * accepted.size());
                assertThat(Counts.of(db, "select count(*) from flow where status = 4")).isEqualTo(2L * accepted.size());
                // a job that failed while the database was away is retried on its cycle (sealing: 1 minute);
                // one whose failure could not even be recorded is taken again when its lock expires (2 minutes)
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        Counts.of(db, "select count(*) from act_ru_job where handler_type_ <> 'history-cleanup'") == 0);
                assertThat(Counts.of(db, "select count(*) from sealed_document")).isEqualTo(2L * accepted.size());
                assertThat(Counts.of(db, "select count(*) from act_ru_incident")).isZero();
            }
            log.info("accepted {} groups; while PostgreSQL was down {} refused, the slowest answer after {} ms; "
                    + "serving again {} ms after the restart", accepted.size(), refusals, slowestRefusal.get(),
                    recoveredMillis);
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
