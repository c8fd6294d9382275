package io.signflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operator exports a contract's or a group's audit trail, as JSON or CSV, before the contract is
 * deleted: every entry and column, oldest first, the same in both formats.
 */
class AuditExportIT extends ApiTestBase {

    @Test
    void aContractsAndAGroupsTrailAreExportedWholeAsJsonAndCsv() throws Exception {
        Tenant tenant = tenants().create();
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.autoSigner(tenant))));
        String groupId = created.get("FlowGroupId").asText();
        String flowId = created.get("FlowIds").get(0).asText();
        // the trail is complete once both contracts are sealed (asynchronously)
        for (JsonNode id : created.get("FlowIds")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> admin().get("/admin/flows/" + id.asText()
                    + "/audit-trail").toString().contains("\"SEALED\""));
        }

        JsonNode flow = admin().get("/admin/audit/export?flowId=" + flowId);
        JsonNode group = admin().get("/admin/audit/export?groupId=" + groupId);

        JsonNode trail = admin().get("/admin/flows/" + flowId + "/audit-trail");
        assertThat(flow).hasSize(trail.size());
        for (int i = 0; i < trail.size(); i++) {
            assertThat(flow.get(i).get("id").asLong()).isEqualTo(trail.get(i).get("id").asLong());
            assertThat(flow.get(i).get("event").asText()).isEqualTo(trail.get(i).get("event").asText());
            assertThat(flow.get(i).get("actor").asText()).isEqualTo(trail.get(i).get("actor").asText());
            assertThat(flow.get(i).get("flowId").asText()).isEqualTo(flowId);
            assertThat(flow.get(i).get("groupId").asText()).isEqualTo(groupId);
            assertThat(flow.get(i).get("occurredAt").asText()).isNotBlank();
        }
        assertThat(flow.get(0).get("event").asText()).isEqualTo("CREATED");
        assertThat(group.size()).isGreaterThan(flow.size());
        group.forEach(e -> assertThat(e.get("groupId").asText()).isEqualTo(groupId));

        HttpResponse<String> csv = get("/admin/audit/export?groupId=" + groupId + "&format=csv", true);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("audit-" + groupId + ".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("\"id\",\"groupId\",\"flowId\",\"event\",\"actor\"");
        assertThat(lines).hasSize(group.size() + 1);
        for (int i = 0; i < group.size(); i++) {
            assertThat(lines.get(i + 1)).startsWith("\"" + group.get(i).get("id").asText() + "\",\"" + groupId + "\"")
                    .contains("\"" + group.get(i).get("event").asText() + "\"");
        }
    }

    @Test
    void aMissingOrDoubleSelectionAnUnknownContractAndAnonymousCallersAreRefused() throws Exception {
        assertThat(admin().send("GET", "/admin/audit/export", null, true).status()).isEqualTo(400);
        assertThat(admin().send("GET", "/admin/audit/export?flowId=a&groupId=b", null, true).status()).isEqualTo(400);
        assertThat(admin().send("GET", "/admin/audit/export?flowId=a&format=xml", null, true).status()).isEqualTo(400);
        assertThat(admin().send("GET", "/admin/audit/export?flowId=nosuchflow", null, true).status()).isEqualTo(404);
        assertThat(get("/admin/audit/export?flowId=nosuchflow", false).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authenticated) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (AdminClient.USER + ":" + AdminClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
