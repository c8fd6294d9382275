package io.signflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behind the README's load balancer every request comes from the balancer's address; the signer's
 * own address travels in X-Forwarded-For. It is what the audit trail records, because the balancer
 * (here: loopback, an internal proxy address) is trusted to say so.
 */
class BehindALoadBalancerIT extends ApiTestBase {

    @Test
    void theAuditTrailRecordsTheSignersAddressFromTheBalancer() throws Exception {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        String flowId = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("壬", mobile)))).at("/FlowIds/0").asText();
        SignerClient signer = SignerClient.invited(admin(), mobile);

        HttpResponse<String> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/sign/api/" + signer.token()))
                .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(200);

        JsonNode trail = admin().get("/admin/flows/" + flowId + "/audit-trail");
        JsonNode linkOpened = null;
        for (JsonNode entry : trail) {
            if (entry.get("event").asText().equals("LINK_OPENED")) {
                linkOpened = entry;
            }
        }
        assertThat(linkOpened).isNotNull();
        assertThat(linkOpened.get("ip").asText()).isEqualTo("203.0.113.9");
    }
}
