package io.signflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiClient;
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
 * Two nodes of the packaged jar on one PostgreSQL database, as in production. Auto-signed groups are
 * created through both while people sign other groups through both; partway one node is killed with
 * SIGKILL while requests are still going to it. Every group that was accepted must still end
 * completed, with each contract sealed once, each signature recorded once, each signer invited once,
 * every callback event delivered (deduplicated by MsgId) and the quota ledger exact; a request that
 * was refused with an error left no group. A signer whose request died with the node signs again on
 * the survivor. Run against the machine's PostgreSQL with {@code scripts/cluster-demo.sh}.
 */
class ClusterIT {

    private static final Logger log = LoggerFactory.getLogger(ClusterIT.class);
    private static final int GROUPS = 60;
    private static final int KILL_AFTER = 20;
    private static final int SIGNING_GROUPS = 10;

    @Test
    void twoNodesShareTheWorkAndLoseNothingWhenOneIsKilled() throws Exception {
        Assumptions.assumeFalse("h2".equals(System.getProperty("signflow.test.database")),
                "a cluster needs PostgreSQL; this runs in the PostgreSQL pass");
        TestDatabase.Server postgres = TestDatabase.postgres();
        String database = ServerProcess.createDatabase(postgres, "signflow_cluster");
        // the first node creates the engine's schema in the fresh database before the second starts,
        // as a rollout does (two nodes creating it at the same moment make one of them exit)
        try (ServerProcess doomed = ServerProcess.start(postgres, database, "cluster-master-key",
                ServerProcess.QUICK_TAKEOVER)
                .awaitHealthy(Duration.ofMinutes(3));
             ServerProcess survivor = ServerProcess.start(postgres, database, "cluster-master-key",
                ServerProcess.QUICK_TAKEOVER)
                .awaitHealthy(Duration.ofMinutes(3));
             CallbackReceiver receiver = new CallbackReceiver(() -> 200)) {

            AdminClient admin = new AdminClient(survivor.port(), ServerProcess.ADMIN_PASSWORD);
            Tenant tenant = new Tenants(admin, survivor.port()).create(null, 1000, 3);
            JsonNode callback = admin.send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                    Map.of("url", receiver.url()), true).body();
            InterruptedLoad load = new InterruptedLoad(tenant, List.of(
                    new ApiClient(doomed.port(), tenant.api().secretId(), tenant.api().secretKey()), tenant.api()));
            // people sign during the load, half of them through the node that will die
            load.prepareSigners(SIGNING_GROUPS, List.of(new AdminClient(doomed.port(), ServerProcess.ADMIN_PASSWORD),
                    admin));

            load.run(GROUPS, KILL_AFTER, doomed::kill);
            // the kill came in the middle: requests still went to the dead node, and the survivor went on
            assertThat(load.sentAfterTheKill(0)).isNotEmpty()
                    .allMatch(c -> c.outcome() == InterruptedLoad.Outcome.UNANSWERED);
            assertThat(load.sentAfterTheKill(1)).isNotEmpty()
                    .allMatch(c -> c.outcome() == InterruptedLoad.Outcome.ACCEPTED);
            int again = load.signAgainWhereUnanswered(admin);
            assertThat(load.accepted().size()).isGreaterThanOrEqualTo(GROUPS / 2);

            try (Connection db = DriverManager.getConnection(postgres.url(database), postgres.user(), postgres.password())) {
                String summary = load.assertEveryAcceptedGroupEndedOnce(db, admin, receiver, callback.get("key").asText(),
                        callback.get("token").asText());
                log.info("node killed after {} accepted creations: {}; {} signings repeated on the survivor", KILL_AFTER,
                        summary, again);
            }
        }
    }
}
