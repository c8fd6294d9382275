package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.Tenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A completed contract's final PDF, fetched as an integrator does: DescribeFileUrls, then the link. */
final class FinalPdfs {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FinalPdfs() {
    }

    /** Waits for the contract to be sealed, then downloads it. */
    static byte[] of(Tenant tenant, String flowId) throws IOException, InterruptedException {
        JsonNode urls = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> tenant.api().ok("DescribeFileUrls", Map.of("Operator", Map.of("UserId",
                        tenant.operatorId()), "BusinessType", "FLOW", "BusinessIds", List.of(flowId))),
                        r -> r.get("FileUrls").size() == 1);
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(
                urls.get("FileUrls").get(0).get("Url").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        return pdf.body();
    }
}
