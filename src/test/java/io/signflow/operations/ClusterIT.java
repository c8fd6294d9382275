package io.signflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiClient;
import io.signflow.support.CallbackReceiver;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.ServerProcess;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import io.signflow.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two nodes of the packaged jar on one PostgreSQL database, as in production. Auto-signed groups are
 * created through both while people sign other groups through both; partway one node is killed with
 * SIGKILL. Every group that was accepted must still end completed, with each contract sealed once,
 * each signature recorded once, every callback event delivered (deduplicated by MsgId) and the quota
 * ledger exact. A signer whose request died with the node signs again on the survivor. Run against the
 * machine's PostgreSQL with {@code scripts/cluster-demo.sh}.
 */
class ClusterIT {

    private static final Logger log = LoggerFactory.getLogger(ClusterIT.class);
    private static final int GROUPS = 60;
    private static final int KILL_AFTER = 20;
    private static final int SIGNING_GROUPS = 10;

    /** A person's signing: first through either node, then, if no answer came, again on the survivor. */
    private record Signing(SignerClient first, SignerClient retry, String code) {
    }
    /** Short leases so the survivor takes over the dead node's jobs and messages within the test. */
    private static final List<String> NODE_SETTINGS = List.of("--camunda.bpm.job-execution.lock-time-in-millis=15000",
            "--signflow.outbox.lease=15s", "--signflow.outbox.poll-interval=1s", "--signflow.outbox.retry-delay=500ms",
            "--signflow.api.rate-limit-per-second=1000", "--signflow.api.action-rate-limits.CreateFlowGroupByFiles=1000",
            "--signflow.api.action-rate-limits.DescribeFlowBriefs=1000");

    @Test
    void twoNodesShareTheWorkAndLoseNothingWhenOneIsKilled() throws Exception {
        Assumptions.assumeFalse("h2".equals(System.getProperty("signflow.test.database")),
                "a cluster needs PostgreSQL; this runs in the PostgreSQL pass");
        TestDatabase.Server postgres = TestDatabase.postgres();
        String database = ServerProcess.createDatabase(postgres, "signflow_cluster");
        // the first node creates the engine's schema in the fresh database before the second starts,
        // as a rollout does (two nodes creating it at the same moment make one of them exit)
        try (ServerProcess doomed = ServerProcess.start(postgres, database, "cluster-master-key", NODE_SETTINGS)
                .awaitHealthy(Duration.ofMinutes(3));
             ServerProcess survivor = ServerProcess.start(postgres, database, "cluster-master-key", NODE_SETTINGS)
                .awaitHealthy(Duration.ofMinutes(3));
             CallbackReceiver receiver = new CallbackReceiver(() -> 200)) {

            AdminClient admin = new AdminClient(survivor.port(), ServerProcess.ADMIN_PASSWORD);
            Tenant tenant = new Tenants(admin, survivor.port()).create(null, 1000, 3);
            JsonNode callback = admin.send("PUT", "/admin/organizations/" + tenant.organizationId() + "/callback",
                    Map.of("url", receiver.url()), true).body();
            List<ApiClient> nodes = List.of(
                    new ApiClient(doomed.port(), tenant.api().secretId(), tenant.api().secretKey()), tenant.api());

            // groups a person signs during the load, half of them through the node that will die
            AdminClient doomedAdmin = new AdminClient(doomed.port(), ServerProcess.ADMIN_PASSWORD);
            List<Signing> signings = new ArrayList<>();
            for (int i = 0; i < SIGNING_GROUPS; i++) {
                String mobile = Tenants.mobile();
                tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                        List.of(Requests.autoSigner(tenant), Requests.person("签署人", mobile))));
                SignerClient signer = SignerClient.invited(admin, mobile);
                String code = signer.code();
                signings.add(new Signing(i % 2 == 0 ? signer : SignerClient.withLink(doomedAdmin, mobile,
                        "/sign/" + signer.token()), signer, code));
            }

            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger signedAtOnce = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(4);
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < GROUPS; i++) {
                if (i % (GROUPS / SIGNING_GROUPS) == 0) {
                    Signing signing = signings.get(i / (GROUPS / SIGNING_GROUPS));
                    requests.add(load.submit(() -> {
                        try {
                            if (signing.first().sign(signing.code()).status() == 200) {
                                signedAtOnce.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            // the node died under the request; the signer tries again below
                        }
                    }));
                }
                ApiClient node = nodes.get(i % 2);
                requests.add(load.submit(() -> {
                    try {
                        JsonNode answer = node.call("CreateFlowGroupByFiles",
                                Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant))));
                        if (answer.has("FlowGroupId")) {
                            accepted.add(answer.get("FlowGroupId").asText());
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        refused.incrementAndGet();
                    }
                }));
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> accepted.size() >= KILL_AFTER);
            doomed.kill();
            for (Future<?> request : requests) {
                request.get(2, TimeUnit.MINUTES);
            }
            load.shutdown();
            // a signer whose answer never came tries again on the surviving node, with the same code
            int retried = 0;
            for (Signing signing : signings) {
                if (!"DONE".equals(signing.retry().view().body().get("state").asText())) {
                    retried++;
                    assertThat(signing.retry().sign(signing.code()).status()).isEqualTo(200);
                }
            }
            log.info("accepted {} groups, {} requests failed (node killed after {}); {} signings answered at once, "
                    + "{} retried", accepted.size(), refused.get(), KILL_AFTER, signedAtOnce.get(), retried);
            assertThat(accepted.size()).isGreaterThanOrEqualTo(GROUPS / 2);

            try (Connection db = DriverManager.getConnection(postgres.url(database), postgres.user(), postgres.password())) {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> count(db, "select count(*) from flow_group where status <> 'COMPLETED'") == 0);
                long groups = count(db, "select count(*) from flow_group");
                long flows = count(db, "select count(*) from flow");
                long approvers = count(db, "select count(*) from approver");
                // a request the killed node committed but could not answer is a group the client did not see
                assertThat(groups).isBetween((long) accepted.size() + SIGNING_GROUPS, (long) GROUPS + SIGNING_GROUPS);
                assertThat(count(db, "select count(*) from flow where status = 4")).isEqualTo(flows);
                assertThat(count(db, "select count(*) from sealed_document")).isEqualTo(flows);
                assertThat(count(db, "select count(*) from signature_record")).isEqualTo(approvers);
                assertThat(count(db, "select count(*) from audit_event where event = 'SIGNED'")).isEqualTo(approvers);
                assertThat(count(db, "select count(*) from audit_event where event = 'SEALED'")).isEqualTo(flows);
                assertThat(count(db, "select count(*) from quota_ledger where entry_type = 'DEDUCT'")).isEqualTo(flows);
                assertThat(admin.get("/admin/quota/ledger-check").get("mismatches")).isEmpty();
                // nothing left but the engine's own nightly history-cleanup job
                assertThat(count(db, "select count(*) from act_ru_job where handler_type_ <> 'history-cleanup'")).isZero();
                assertThat(count(db, "select count(*) from act_ru_incident")).isZero();

                String key = callback.get("key").asText();
                String token = callback.get("token").asText();
                // per contract: start, one sign per approver, finish; per group: its end
                long expected = 2 * flows + approvers + groups;
                await().atMost(Duration.ofMinutes(2)).until(() -> distinctMessages(receiver, key, token).size()
                        >= expected);
                Map<String, JsonNode> messages = distinctMessages(receiver, key, token);
                Map<String, Integer> events = new HashMap<>();
                messages.values().forEach(m -> events.merge(m.at("/MsgData/FlowId").asText(m.at("/MsgData/FlowGroupId")
                        .asText()) + "/" + m.at("/MsgData/Operate").asText("group") + "/"
                        + m.at("/MsgData/RecipientId").asText(), 1, Integer::sum));
                assertThat(events).hasSize((int) expected);
                assertThat(events.values()).containsOnly(1);
                log.info("groups {}, contracts {}, sealed {}, callbacks {} distinct / {} received", groups, flows,
                        count(db, "select count(*) from sealed_document"), messages.size(), receiver.received().size());
            }
        }
    }

    private static Map<String, JsonNode> distinctMessages(CallbackReceiver receiver, String key, String token)
            throws Exception {
        Map<String, JsonNode> byId = new HashMap<>();
        for (CallbackReceiver.Received received : new ArrayList<>(receiver.received())) {
            JsonNode message = received.open(key, token);
            byId.put(message.get("MsgId").asText(), message);
        }
        return byId;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
