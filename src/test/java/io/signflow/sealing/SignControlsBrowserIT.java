package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Browser;
import io.signflow.support.Pixels;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import java.time.Duration;

/**
 * An organization's employee signs, through the signer page in a browser, a contract holding every
 * newer sign control: the legal representative's seal, a signing opinion, a paging signature and a
 * signing-approval combination (signature, approval choice, comment, date). The final PDF shows each
 * where it was placed, and poppler's pdfsig accepts its signature.
 */
class SignControlsBrowserIT extends ApiTestBase {

    private static final int PAGE_WIDTH = 595;

    @Test
    void everyNewerSignControlIsSignedOnThePageAndDrawnIntoTheFinalPdf() throws Exception {
        Tenant tenant = tenants().create();
        admin().post("/admin/organizations/" + tenant.organizationId() + "/seals",
                Map.of("sealType", "LEGAL_PERSON_SEAL", "legalRepresentative", "张三"));
        ObjectNode signer = Requests.enterprise(tenant.name(), tenant.operatorName(), tenant.operatorMobile());
        ArrayNode controls = signer.putArray("SignComponents");
        controls.add(box("SIGN_LEGAL_PERSON_SEAL", 60, 150, 100, 100));
        controls.add(box("SIGN_OPINION", 300, 150, 250, 30).put("ComponentName", "意见"));
        controls.add(box("SIGN_PAGING_SIGNATURE", 0, 300, 120, 60));
        ObjectNode combination = box("SIGN_VIRTUAL_COMBINATION", 60, 450, 300, 250).put("ComponentName", "签批");
        ArrayNode parts = ApiClient.JSON.createArrayNode();
        parts.addObject().put("ComponentType", "SIGN_SIGNATURE").put("ComponentOffsetX", 10)
                .put("ComponentOffsetY", 10).put("ComponentWidth", 150).put("ComponentHeight", 60);
        parts.addObject().put("ComponentType", "SIGN_SELECTOR").put("ComponentName", "审批意见")
                .put("ComponentOffsetX", 10).put("ComponentOffsetY", 80).put("ComponentWidth", 200)
                .put("ComponentHeight", 25).put("ComponentExtra", "{\"Values\":[\"同意\",\"不同意\"]}");
        parts.addObject().put("ComponentType", "SIGN_MULTI_LINE_TEXT").put("ComponentName", "批注附言")
                .put("ComponentOffsetX", 10).put("ComponentOffsetY", 115).put("ComponentWidth", 280)
                .put("ComponentHeight", 80);
        parts.addObject().put("ComponentType", "SIGN_DATE").put("ComponentOffsetX", 10)
                .put("ComponentOffsetY", 205).put("ComponentWidth", 200).put("ComponentHeight", 30);
        combination.put("ComponentExtra", ApiClient.JSON.createObjectNode().set("ChildrenComponents", parts).toString());
        combination.put("ComponentRequired", true);
        controls.add(combination);
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2, List.of(signer)));
        SignerClient link = SignerClient.invited(admin(), tenant.operatorMobile());

        try (Browser browser = Browser.phone()) {
            browser.driver().get("http://localhost:" + port + "/sign/" + link.token());
            browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state",
                    "TO_SIGN"));
            assertThat(browser.driver().findElement(By.id("legal-seal-section")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElements(By.cssSelector("#sign-texts [data-sign-text-id]"))).hasSize(6);
            assertThat(browser.driver().findElement(By.id("contracts")).getText()).contains("签署意见 · opinion");

            List<WebElement> opinions = browser.driver().findElements(By.cssSelector("#sign-texts input"));
            opinions.forEach(input -> input.sendKeys("同意本合同"));
            browser.driver().findElements(By.cssSelector("#sign-texts select"))
                    .forEach(select -> new Select(select).selectByVisibleText("同意"));
            browser.driver().findElements(By.cssSelector("#sign-texts textarea"))
                    .forEach(area -> area.sendKeys("已核对条款"));
            browser.requestCode();
            browser.driver().findElement(By.id("code")).sendKeys(link.lastCode());
            browser.drawSignature();
            browser.screenshot("sign-controls-filled");
            browser.driver().findElement(By.id("sign")).click();
            browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state",
                    "DONE"));
        }

        byte[] pdf = FinalPdfs.of(tenant, created.get("FlowIds").get(0).asText());
        Files.write(Files.createDirectories(SignatureTools.ARTIFACTS).resolve("sign-controls.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            BufferedImage first = renderer.renderImage(0, 1f);
            BufferedImage second = renderer.renderImage(1, 1f);
            // the legal representative's square red seal in its box
            assertThat(Pixels.red(first, 60, 150, 100, 100)).isGreaterThan(500);
            // the opinion's text
            assertThat(Pixels.dark(first, 300, 150, 250, 30)).isGreaterThan(30);
            // the paging signature: one half of the signature at the right edge of each of the two pages
            assertThat(Pixels.dark(first, PAGE_WIDTH - 60, 300, 60, 60)).isGreaterThan(10);
            assertThat(Pixels.dark(second, PAGE_WIDTH - 60, 300, 60, 60)).isGreaterThan(10);
            // the combination's parts: signature, the choice, the comment and the date, each in its own box
            assertThat(Pixels.dark(first, 70, 460, 150, 60)).isGreaterThan(50);
            assertThat(Pixels.dark(first, 70, 530, 200, 25)).isGreaterThan(20);
            assertThat(Pixels.dark(first, 70, 565, 280, 80)).isGreaterThan(20);
            assertThat(Pixels.dark(first, 70, 655, 200, 30)).isGreaterThan(20);
            // and nothing else on the page but those marks
            assertThat(Pixels.dark(first, 0, 0, PAGE_WIDTH, 842)).isEqualTo(Pixels.dark(first, 300, 150, 250, 30)
                    + Pixels.dark(first, PAGE_WIDTH - 60, 300, 60, 60) + Pixels.dark(first, 60, 450, 300, 250)
                    + Pixels.dark(first, 60, 150, 100, 100));
        }
        if (SignatureTools.pdfsigInstalled()) {
            assertThat(SignatureTools.pdfsig(pdf, "sign-controls-pdfsig.txt")).contains("Signature is Valid");
        }
    }

    private static ObjectNode box(String type, double x, double y, double width, double height) {
        return Requests.component(type, 1, x, y).put("ComponentWidth", width).put("ComponentHeight", height);
    }
}
