package io.signflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.AdminClient;
import io.signflow.support.CallbackReceiver;
import io.signflow.support.InterruptedLoad;
import io.signflow.support.ServerProcess;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import io.signflow.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only node is killed with SIGKILL during a load of creations and signings, and started again on
 * the same database: every request that was answered with success is intact and goes on to its end,
 * nothing that was answered with an error left a trace, and no job is stuck — the jobs and messages
 * the dead node held are taken up again once their locks and leases run out.
 */
class NodeRestartIT {

    private static final Logger log = LoggerFactory.getLogger(NodeRestartIT.class);
    private static final int GROUPS = 40;
    private static final int KILL_AFTER = 15;
    private static final int SIGNING_GROUPS = 6;

    @Test
    void afterARestartEverythingAnsweredWithSuccessEndsAndNothingRefusedLeftATrace() throws Exception {
        Assumptions.assumeFalse("h2".equals(System.getProperty("signflow.test.database")),
                "runs the jar on PostgreSQL; this runs in the PostgreSQL pass");
        TestDatabase.Server postgres = TestDatabase.postgres();
        String database = ServerProcess.createDatabase(postgres, "signflow_restart_node");
        try (CallbackReceiver receiver = new CallbackReceiver(() -> 200)) {
            ServerProcess first = ServerProcess.start(postgres, database, "restart-node-key",
                    ServerProcess.QUICK_TAKEOVER)
                    .awaitHealthy(Duration.ofMinutes(3));
            InterruptedLoad load;
            JsonNode callback;
            try (first) {
                AdminClient admin = new AdminClient(first.port(), ServerProcess.ADMIN_PASSWORD);
                Tenant tenant = new Tenants(admin, first.port()).create(null, 1000, 3);
                callback = admin.send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                        Map.of("url", receiver.url()), true).body();
                load = new InterruptedLoad(tenant, List.of(tenant.api()));
                load.prepareSigners(SIGNING_GROUPS, List.of(admin));
                load.run(GROUPS, KILL_AFTER, first::kill);
            }
            assertThat(load.sentAfterTheKill(0)).as("requests still came after the kill").isNotEmpty()
                    .allMatch(c -> c.outcome() == InterruptedLoad.Outcome.UNANSWERED);

            try (ServerProcess again = ServerProcess.start(postgres, database, "restart-node-key",
                    ServerProcess.QUICK_TAKEOVER)
                    .awaitHealthy(Duration.ofMinutes(3));
                 Connection db = DriverManager.getConnection(postgres.url(database), postgres.user(),
                         postgres.password())) {
                AdminClient admin = new AdminClient(again.port(), ServerProcess.ADMIN_PASSWORD);
                int repeated = load.signAgainWhereUnanswered(admin);
                String summary = load.assertEveryAcceptedGroupEndedOnce(db, admin, receiver,
                        callback.get("key").asText(), callback.get("token").asText());
                log.info("node killed after {} accepted creations and restarted: {}; {} signings repeated", KILL_AFTER,
                        summary, repeated);
            }
        }
    }
}
