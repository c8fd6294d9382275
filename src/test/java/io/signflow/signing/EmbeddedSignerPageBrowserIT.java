package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Browser;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The signer page inside another application's page: served from http://127.0.0.1:&lt;port&gt; (another
 * origin than the signer page's http://localhost:&lt;port&gt;) by a small HTTP server, framing a batch
 * link. Where the organization allows that origin the signer signs inside the frame and the
 * application receives the page's events; an origin not allowed gets a refused frame and no events.
 */
class EmbeddedSignerPageBrowserIT extends ApiTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** An application's page on its own origin, framing {@code src} and keeping what the frame posts. */
    private static final class Application implements AutoCloseable {

        private final HttpServer server;

        Application(String src) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>app</title></head><body>"
                    + "<script>window.events = []; window.addEventListener('message', function (e) {"
                    + " window.events.push({ origin: e.origin, data: e.data }); });</script>"
                    + "<iframe id=\"signer\" src=\"" + src + "\" style=\"width:1000px;height:800px\"></iframe>"
                    + "</body></html>";
            server.createContext("/", exchange -> {
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String origin() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private String signerOrigin() {
        return "http://localhost:" + port;
    }

    private void allowEmbedding(Tenant tenant, List<String> origins) {
        AdminClient.Reply reply = admin().send("PUT", "/admin/organizations/" + tenant.organizationId() + "/embedding",
                Map.of("origins", origins), true);
        assertThat(reply.status()).isEqualTo(200);
    }

    private String batchLink(Tenant tenant, String groupId, String name, String mobile) {
        return tenant.api().ok("CreateBatchQuickSignUrl", Map.of("Operator", Map.of("UserId", tenant.operatorId()),
                "FlowGroupId", groupId, "JumpUrl", "https://app.example.com/after-signing",
                "FlowApproverInfo", Map.of("ApproverType", 1, "ApproverName", name, "ApproverMobile", mobile)))
                .at("/FlowApproverUrlInfo/SignUrl").asText();
    }

    private static List<JsonNode> events(Browser browser) {
        Object events = browser.driver().executeScript("return JSON.stringify(window.events)");
        try {
            List<JsonNode> list = new java.util.ArrayList<>();
            ApiClient.JSON.readTree(String.valueOf(events)).forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean received(Browser browser, String event) {
        return events(browser).stream().anyMatch(e -> event.equals(e.at("/data/event").asText()));
    }

    private static JsonNode event(Browser browser, String event) {
        return events(browser).stream().filter(e -> event.equals(e.at("/data/event").asText())).findFirst().orElseThrow();
    }

    @Test
    void anAllowedApplicationFramesThePageTheSignerSignsAndTheApplicationHearsEachStep() throws Exception {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("嵌入签", mobile))));
        String link = batchLink(tenant, created.get("FlowGroupId").asText(), "嵌入签", mobile);
        String token = link.substring(link.lastIndexOf('/') + 1);
        SignerClient signer = SignerClient.withLink(admin(), mobile, link);

        try (Application application = new Application(signerOrigin() + "/sign/" + token);
             Browser browser = Browser.desktop()) {
            allowEmbedding(tenant, List.of(application.origin(), "https://other.example.com"));
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(signerOrigin() + "/sign/" + token))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .endsWith("frame-ancestors " + application.origin() + " https://other.example.com"));
            assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();

            browser.driver().get(application.origin() + "/");
            browser.await(Duration.ofSeconds(20)).until(d -> received(browser, "loaded"));
            JsonNode loaded = event(browser, "loaded");
            assertThat(loaded.get("origin").asText()).isEqualTo(signerOrigin());
            assertThat(loaded.at("/data/source").asText()).isEqualTo("signflow-signer");
            assertThat(loaded.at("/data/state").asText()).isEqualTo("TO_SIGN");
            assertThat(loaded.at("/data/flowIds")).hasSize(2);
            assertThat(loaded.at("/data/jumpUrl").asText()).isEqualTo("https://app.example.com/after-signing");

            browser.driver().switchTo().frame("signer");
            browser.drawSignature();
            // a code never asked for: refused, and the application hears of it
            browser.driver().findElement(By.id("code")).sendKeys("000000");
            browser.driver().findElement(By.id("sign")).click();
            browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
            browser.driver().switchTo().defaultContent();
            browser.await(Duration.ofSeconds(10)).until(d -> received(browser, "failed"));
            JsonNode failed = event(browser, "failed");
            assertThat(failed.at("/data/action").asText()).isEqualTo("sign");
            assertThat(failed.at("/data/status").asInt()).isEqualTo(400);
            assertThat(failed.at("/data/message").asText()).isNotBlank();

            browser.driver().switchTo().frame("signer");
            browser.requestCode();
            browser.driver().findElement(By.id("code")).clear();
            browser.driver().findElement(By.id("code")).sendKeys(signer.lastCode());
            browser.driver().findElement(By.id("sign")).click();
            browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "DONE"));
            WebElement jump = browser.driver().findElement(By.id("jump"));
            assertThat(jump.isDisplayed()).isTrue();
            assertThat(jump.getAttribute("href")).isEqualTo("https://app.example.com/after-signing");
            browser.screenshot("signer-page-embedded-signed");

            browser.driver().switchTo().defaultContent();
            browser.await(Duration.ofSeconds(10)).until(d -> received(browser, "signed"));
            JsonNode signed = event(browser, "signed");
            assertThat(signed.get("origin").asText()).isEqualTo(signerOrigin());
            assertThat(signed.at("/data/state").asText()).isEqualTo("DONE");
            assertThat(signed.at("/data/flowIds")).hasSize(2);
            assertThat(signed.at("/data/jumpUrl").asText()).isEqualTo("https://app.example.com/after-signing");
            assertThat(events(browser)).allSatisfy(e -> assertThat(e.get("origin").asText()).isEqualTo(signerOrigin()));
        }
    }

    @Test
    void anOriginNotAllowedCannotFrameThePage() throws Exception {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.person("拒嵌入", mobile))));
        String link = batchLink(tenant, created.get("FlowGroupId").asText(), "拒嵌入", mobile);
        String token = link.substring(link.lastIndexOf('/') + 1);
        allowEmbedding(tenant, List.of("https://app.example.com"));

        try (Application application = new Application(signerOrigin() + "/sign/" + token);
             Browser browser = Browser.desktop()) {
            browser.driver().get(application.origin() + "/");
            browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("signer")));
            Thread.sleep(3000);
            assertThat(events(browser)).isEmpty();
            browser.driver().switchTo().frame("signer");
            assertThat(browser.driver().findElements(By.id("group-name"))).isEmpty();
        }
        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(signerOrigin() + "/sign/"
                + "A".repeat(43))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).endsWith("frame-ancestors 'none'"));
        assertThat(unknown.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(signerOrigin() + "/sign/api/" + token))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    }
}
