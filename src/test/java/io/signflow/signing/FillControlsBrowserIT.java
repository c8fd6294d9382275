package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.sealing.SignatureTools;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Browser;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import io.signflow.tenant.SealImageRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A signer on a phone fills a district, adds rows to a table and uploads an image in each of their two
 * contracts, sees the initiator's watermark over the pages, and signs; the final PDF has the table's
 * text, the watermark and the attachment pages, and pdfsig accepts its signature.
 */
class FillControlsBrowserIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignerFillsEachNewControlOnThePageAndSigns() throws Exception {
        try (Browser browser = Browser.phone()) {
            Tenant tenant = tenants().create();
            String mobile = Tenants.mobile();
            byte[] image = new SealImageRenderer().render("页面附件有限公司", "证明");
            JsonNode created = tenant.api().ok("CreateFlowGroupByFiles",
                    FillControlsIT.group(tenant, mobile, FillControlsIT.uploadImage(tenant, image)));
            List<String> flowIds = new ArrayList<>();
            created.get("FlowIds").forEach(id -> flowIds.add(id.asText()));
            SignerClient signer = SignerClient.invited(admin(), mobile);
            Path upload = Files.createTempFile("proof", ".png");
            Files.write(upload, image);

            browser.driver().get("http://localhost:" + port + "/sign/" + signer.token());
            browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state",
                    "TO_SIGN"));
            // the initiator's watermark over the page shown, and no box of its own
            assertThat(browser.driver().findElements(By.cssSelector(".contract .watermark span")))
                    .isNotEmpty().allSatisfy(w -> assertThat(w.getText()).isEqualTo(FillControlsIT.WATERMARK_TEXT));
            assertThat(browser.driver().findElements(By.cssSelector(".contract .field"))).hasSize(2 * 4);

            for (WebElement district : browser.driver().findElements(By.cssSelector("#fills .district"))) {
                new Select(district.findElement(By.tagName("select"))).selectByVisibleText("广东省");
                List<WebElement> texts = district.findElements(By.tagName("input"));
                texts.get(0).sendKeys("深圳市");
                texts.get(1).sendKeys("福田区");
            }
            for (WebElement table : browser.driver().findElements(By.cssSelector("#fills .dynamic-table"))) {
                WebElement add = table.findElement(By.xpath("./button"));
                add.click();
                add.click();
                List<WebElement> cells = table.findElements(By.cssSelector("tbody input"));
                assertThat(cells).hasSize(4);
                cells.get(0).sendKeys("钢材");
                cells.get(1).sendKeys("12");
                cells.get(2).sendKeys("Cement");
                cells.get(3).sendKeys("3");
            }
            List<WebElement> pickers = browser.driver().findElements(By.cssSelector("#fills .attachments input[type=file]"));
            assertThat(pickers).hasSize(2);
            for (WebElement picker : pickers) {
                picker.sendKeys(upload.toAbsolutePath().toString());
            }
            browser.await(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#fills .attachments li img"))
                    .size() == 2);
            browser.screenshot("fill-controls-filled");

            browser.requestCode();
            browser.driver().findElement(By.id("code")).sendKeys(signer.lastCode());
            browser.drawSignature();
            browser.driver().findElement(By.id("sign")).click();
            browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state",
                    "DONE"));
            browser.screenshot("fill-controls-signed");
            Files.deleteIfExists(upload);

            assertThat(jdbc.sql("select component_value from component where flow_id = ? and component_type = 'DISTRICT'")
                    .param(flowIds.get(0)).query(String.class).single()).isEqualTo("广东省深圳市福田区");
            byte[] pdf = FillControlsIT.sealed(tenant, flowIds.get(1));
            Files.write(Files.createDirectories(Path.of("target", "test-artifacts"))
                    .resolve("fill-controls-browser-sealed.pdf"), pdf);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(document)).contains("品名", "数量", "钢材", "Cement",
                        FillControlsIT.WATERMARK_TEXT, "附件 1/1", "附件见第 3 页");
            }
            if (SignatureTools.pdfsigInstalled()) {
                assertThat(SignatureTools.pdfsig(pdf, null)).contains("Signature is Valid");
            }
        }
    }
}
