package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.flowgroup.ApproveStatus;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Browser;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A signer on a phone: opens the link, pages through the contracts with their fields marked, asks
 * for a code, draws a signature and signs both contracts of the group at once. Text the initiator
 * typed (here markup in a contract's description) is shown as text and never runs.
 */
class SignerPageBrowserIT extends ApiTestBase {

    private static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";

    @Test
    void aSignerSignsTheWholeGroupFromAPhone() {
        try (Browser browser = Browser.phone()) {
            Tenant tenant = tenants().create();
            String mobile = Tenants.mobile();
            ObjectNode request = Requests.group(tenant, 2, List.of(Requests.person("李四", mobile)));
            ((ObjectNode) request.get("FlowGroupInfos").get(0)).put("FlowDescription", HOSTILE);
            JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", request);
            SignerClient signer = SignerClient.invited(admin(), mobile);

            browser.driver().get("http://localhost:" + port + "/sign/" + signer.token());
            browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.id("group-name"), "测试合同组"));
            List<WebElement> contracts = browser.driver().findElements(By.cssSelector(".contract"));
            assertThat(contracts).hasSize(2);
            assertThat(contracts.get(0).getText()).contains(HOSTILE);
            assertThat(browser.driver().executeScript("return window.pwned === undefined")).isEqualTo(true);
            assertThat(browser.driver().findElements(By.cssSelector(".contract img[src='x']"))).isEmpty();
            browser.await(Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(browser.driver().executeScript(
                    "return Array.from(document.querySelectorAll('.page img')).every(i => i.complete && i.naturalWidth > 0)")));
            assertThat(browser.driver().findElements(By.cssSelector(".contract .field"))).hasSize(2);
            browser.screenshot("signer-page-open");

            browser.requestCode();
            browser.driver().findElement(By.id("code")).sendKeys(signer.lastCode());
            browser.drawSignature();
            browser.driver().findElement(By.id("sign")).click();

            browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "DONE"));
            browser.screenshot("signer-page-signed");
            for (JsonNode flowId : created.get("FlowIds")) {
                JsonNode approver = tenant.api().ok("DescribeFlowInfo", Map.of("Operator",
                        Map.of("UserId", tenant.operatorId()), "FlowIds", List.of(flowId.asText())))
                        .at("/FlowDetailInfos/0/FlowApproverInfos/0");
                assertThat(approver.get("ApproveStatus").asInt()).isEqualTo(ApproveStatus.SIGNED);
            }
        }
    }

    @Test
    void aWrongCodeIsExplainedAndNothingIsSigned() {
        try (Browser browser = Browser.phone()) {
            Tenant tenant = tenants().create();
            String mobile = Tenants.mobile();
            tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2, List.of(Requests.person("王五", mobile))));
            SignerClient signer = SignerClient.invited(admin(), mobile);

            browser.driver().get("http://localhost:" + port + "/sign/" + signer.token());
            browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "TO_SIGN"));
            browser.requestCode();
            String wrong = signer.lastCode().equals("000000") ? "111111" : "000000";
            browser.driver().findElement(By.id("code")).sendKeys(wrong);
            browser.drawSignature();
            browser.driver().findElement(By.id("sign")).click();

            browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
            assertThat(browser.driver().findElement(By.id("error")).getText()).isNotBlank();
            assertThat(browser.driver().findElement(By.id("state")).getAttribute("data-state")).isEqualTo("TO_SIGN");
        }
    }

    @Test
    void anUnknownLinkSaysSoAndThePageForbidsForeignScripts() throws Exception {
        try (Browser browser = Browser.phone()) {
            browser.driver().get("http://localhost:" + port + "/sign/not-a-real-token-0000000000000000");
            browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
            assertThat(browser.driver().findElement(By.id("group-name")).getText()).contains("Cannot open this link");
        }
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/sign/anything")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }
}
