package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Browser;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A CreateFlowByFiles preview on a phone: the contract's pages with every control marked, nothing to sign. */
class PreviewPageBrowserIT extends ApiTestBase {

    @Test
    void aPreviewShowsTheContractWithItsControlsAndOffersNoSigning() {
        try (Browser browser = Browser.phone()) {
            Tenant tenant = tenants().create();
            ObjectNode request = ApiClient.JSON.createObjectNode();
            request.putObject("Operator").put("UserId", tenant.operatorId());
            request.put("FlowName", "房屋租赁合同").put("NeedPreview", true).put("PreviewType", 1);
            request.putArray("FileIds").add(tenant.fileId());
            request.putArray("Approvers").add(Requests.person("李四", Tenants.mobile()))
                    .add(Requests.autoSigner(tenant));
            String url = tenant.api().ok("CreateFlowByFiles", request).get("PreviewUrl").asText();

            browser.driver().get(url);
            browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state",
                    "PREVIEW"));
            browser.await(Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(browser.driver().executeScript(
                    "return Array.from(document.querySelectorAll('.page img')).every(i => i.complete && i.naturalWidth > 0)")));
            assertThat(browser.driver().findElement(By.id("group-name")).getText()).isEqualTo("房屋租赁合同");
            assertThat(browser.driver().findElement(By.id("signer")).getText()).contains("李四", tenant.name());
            assertThat(browser.driver().findElements(By.cssSelector(".contract .field")))
                    .extracting(e -> e.getText()).anySatisfy(text -> assertThat(text).startsWith("李四"));
            assertThat(browser.driver().findElement(By.id("act")).isDisplayed()).isFalse();
            browser.screenshot("preview-page");
        }
    }
}
