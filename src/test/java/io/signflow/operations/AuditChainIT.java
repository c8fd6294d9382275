package io.signflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail's hash chains: everything a normal run writes (the seed's groups, a contract signed
 * by a person through the page, sealed, and downloaded by twenty clients at once, each download an
 * entry of the same contract) checks out through the command of docs/operating.md; a row changed or
 * removed directly in the database is found, and its contract, entry and the hashes named.
 */
class AuditChainIT extends ApiTestBase {

    private static final DocumentedCommands COMMANDS = new DocumentedCommands("The audit trail's hash chain");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void everyCommandOfTheSectionRan() {
        assertThat(COMMANDS.notRun()).as("commands of docs/operating.md no test ran").isEmpty();
    }

    @Test
    void everythingANormalRunWritesChecksOutThroughTheDocumentedCommand() throws Exception {
        for (int example = 1; example <= 4; example++) {
            demo().ok("CreateFlowGroupByFiles", Requests.seed(example));
        }
        Sealed sealed = signedAndSealed();
        String flowId = sealed.flowId();
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            links.add(fileUrl(sealed));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> downloads = links.stream().<Callable<Integer>>map(url -> () -> HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).toList();
            for (Future<Integer> status : pool.invokeAll(downloads)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from audit_event where flow_id = ? and event = 'DOWNLOADED'")
                .param(flowId).query(Long.class).single()).isEqualTo(20);

        JsonNode report = COMMANDS.run("auditchain", port, Map.of());
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("broken")).isEmpty();
        assertThat(report.get("chains").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(report.get("entries").asLong()).isGreaterThanOrEqualTo(26);
    }

    @Test
    void aRowChangedInTheDatabaseIsFoundAndNamed() throws Exception {
        String flowId = signedAndSealed().flowId();
        long signed = jdbc.sql("select id from audit_event where flow_id = ? and event = 'SIGNED' order by id")
                .param(flowId).query(Long.class).list().get(0);
        String detail = jdbc.sql("select detail from audit_event where id = ?").param(signed).query(String.class)
                .single();
        String stored = jdbc.sql("select entry_hash from audit_event where id = ?").param(signed)
                .query(String.class).single();
        jdbc.sql("update audit_event set detail = ? where id = ?").params(detail + " (changed)", signed).update();
        try {
            AdminClient.Reply reply = admin().send("GET", "/admin/audit/chain-check", null, true);

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.body().get("intact").asBoolean()).isFalse();
            assertThat(reply.body().get("broken")).singleElement().satisfies(link -> {
                assertThat(link.get("flowId").asText()).isEqualTo(flowId);
                assertThat(link.get("entryId").asLong()).isEqualTo(signed);
                assertThat(link.get("field").asText()).isEqualTo("entryHash");
                assertThat(link.get("found").asText()).isEqualTo(stored);
                assertThat(link.get("expected").asText()).hasSize(64).isNotEqualTo(stored);
            });
        } finally {
            jdbc.sql("update audit_event set detail = ? where id = ?").params(detail, signed).update();
        }
        assertThat(admin().send("GET", "/admin/audit/chain-check", null, true).status()).isEqualTo(200);
    }

    @Test
    void aRemovedRowIsFoundAtTheEntryAfterIt() {
        String flowId = signedAndSealed().flowId();
        List<Long> ids = jdbc.sql("select id from audit_event where flow_id = ? order by id").param(flowId)
                .query(Long.class).list();
        long removed = ids.get(1);
        Map<String, Object> row = jdbc.sql("select * from audit_event where id = ?").param(removed).query()
                .singleRow();
        jdbc.sql("delete from audit_event where id = ?").param(removed).update();
        try {
            AdminClient.Reply reply = admin().send("GET", "/admin/audit/chain-check", null, true);

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.body().get("broken")).singleElement().satisfies(link -> {
                assertThat(link.get("flowId").asText()).isEqualTo(flowId);
                assertThat(link.get("entryId").asLong()).isEqualTo(ids.get(2));
                assertThat(link.get("field").asText()).isEqualTo("previousHash");
                assertThat(link.get("expected").asText()).isEqualTo(row.get("previous_hash"));
                assertThat(link.get("found").asText()).isEqualTo(row.get("entry_hash"));
            });
        } finally {
            jdbc.sql("insert into audit_event (id, group_id, flow_id, event, actor, ip, detail, occurred_at, "
                            + "previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(row.get("id"), row.get("group_id"), row.get("flow_id"), row.get("event"), row.get("actor"),
                            row.get("ip"), row.get("detail"), row.get("occurred_at"), row.get("previous_hash"),
                            row.get("entry_hash")).update();
        }
        assertThat(admin().send("GET", "/admin/audit/chain-check", null, true).status()).isEqualTo(200);
    }

    private record Sealed(Tenant tenant, String flowId) {
    }

    /** A contract signed by a person through the signer page and by an auto-signer, then sealed. */
    private Sealed signedAndSealed() {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.autoSigner(tenant), Requests.person("审计甲", mobile))));
        SignerClient.invited(admin(), mobile).signNow();
        String flowId = created.get("FlowIds").get(0).asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> jdbc.sql(
                "select count(*) from sealed_document where flow_id = ?").param(flowId).query(Long.class).single() == 1);
        return new Sealed(tenant, flowId);
    }

    private static String fileUrl(Sealed sealed) {
        JsonNode answer = sealed.tenant().api().ok("DescribeFileUrls", Map.of("Operator",
                Map.of("UserId", sealed.tenant().operatorId()), "BusinessType", "FLOW",
                "BusinessIds", List.of(sealed.flowId())));
        return answer.get("FileUrls").get(0).get("Url").asText();
    }
}
