package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.sealing.SignatureTools;
import io.signflow.support.AdminClient;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import io.signflow.support.Tenants;
import io.signflow.support.TestPdfs;
import io.signflow.tenant.SealImageRenderer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * DISTRICT, DYNAMIC_TABLE, ATTACHMENT and WATERMARK controls from creation to the sealed PDF: what
 * the initiator fills, what a signer fills and uploads through their link (and nobody else can), the
 * required ones enforced with OperationDenied.RequiredComponentNotFill, the values stored on the
 * controls, and the final PDF with the table, the watermark and the attachment pages, still signed.
 */
class FillControlsIT extends ApiTestBase {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String COLUMNS = "{\"headers\":[{\"content\":\"品名\",\"widthPercent\":60},{\"content\":\"数量\"}],"
            + "\"rowCount\":5}";
    static final String WATERMARK_TEXT = "Signflow watermark";

    @Autowired
    JdbcClient jdbc;

    /** A group of two contracts the person signs, with their district, table and attachment controls and the initiator's watermark and attachment. */
    static ObjectNode group(Tenant tenant, String mobile, String initiatorImage) {
        ObjectNode person = Requests.person("陈十二", mobile);
        ArrayNode fills = person.putArray("Components");
        fills.add(Requests.component("DISTRICT", 1, 50, 60).put("ComponentRequired", true)
                .put("ComponentName", "所在地区"));
        fills.add(Requests.component("DYNAMIC_TABLE", 1, 50, 140).put("ComponentWidth", 400)
                .put("ComponentHeight", 150).put("ComponentRequired", true).put("ComponentName", "货物清单")
                .put("ComponentExtra", COLUMNS));
        fills.add(Requests.component("ATTACHMENT", 1, 50, 320).put("ComponentWidth", 250)
                .put("ComponentHeight", 30).put("ComponentRequired", true).put("ComponentName", "证明材料"));
        ObjectNode request = Requests.group(tenant, 2, List.of(person));
        for (JsonNode info : request.get("FlowGroupInfos")) {
            ArrayNode initiator = ((ObjectNode) info).putArray("Components");
            initiator.add(Requests.component("WATERMARK", 1, 10, 10).put("ComponentValue", WATERMARK_TEXT)
                    .put("ComponentExtra", "{\"FontSize\":18,\"Opacity\":0.3,\"Density\":1}"));
            initiator.add(Requests.component("ATTACHMENT", 2, 50, 50).put("ComponentWidth", 250)
                    .put("ComponentHeight", 30).put("ComponentValue", initiatorImage));
        }
        return request;
    }

    static String uploadImage(Tenant tenant, byte[] png) {
        return tenant.api().ok("UploadFiles", Map.of("BusinessType", "DOCUMENT",
                "Caller", Map.of("OperatorId", tenant.operatorId()),
                "FileInfos", List.of(Map.of("FileName", "initiator.png", "FileBody", TestPdfs.base64(png)))))
                .at("/FileIds/0").asText();
    }

    static String table(String... rows) {
        StringBuilder cells = new StringBuilder();
        for (int r = 0; r < rows.length; r++) {
            String[] values = rows[r].split("\\|");
            for (int c = 0; c < values.length; c++) {
                cells.append(cells.isEmpty() ? "" : ",").append(String.format("{\"rowStart\":%d,\"rowEnd\":%d,"
                        + "\"columnStart\":%d,\"columnEnd\":%d,\"content\":\"%s\"}", r + 1, r + 1, c + 1, c + 1, values[c]));
            }
        }
        return "{\"headers\":[{\"content\":\"品名\",\"widthPercent\":60},{\"content\":\"数量\"}],\"rowCount\":"
                + rows.length + ",\"body\":{\"cells\":[" + cells + "]}}";
    }

    @Test
    void aSignerFillsAndUploadsAndTheSealedPdfShowsEverything() throws Exception {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        byte[] seal = new SealImageRenderer().render("附件测试有限公司", "证明");
        String initiatorImage = uploadImage(tenant, seal);
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", group(tenant, mobile, initiatorImage));
        List<String> flowIds = new ArrayList<>();
        created.get("FlowIds").forEach(id -> flowIds.add(id.asText()));
        SignerClient signer = SignerClient.invited(admin(), mobile);

        JsonNode view = signer.view().body();
        List<JsonNode> fields = new ArrayList<>();
        view.at("/contracts/0/fields").forEach(fields::add);
        JsonNode watermark = only(fields, "WATERMARK");
        assertThat(watermark.get("value").asText()).isEqualTo(WATERMARK_TEXT);
        assertThat(watermark.at("/settings/density").asInt()).isEqualTo(1);
        assertThat(watermark.at("/settings/fontSize").asInt()).isEqualTo(18);
        assertThat(only(fields, "DYNAMIC_TABLE").at("/settings/headers/0/content").asText()).isEqualTo("品名");
        assertThat(only(fields, "DYNAMIC_TABLE").at("/settings/maxRows").asInt()).isEqualTo(5);
        assertThat(only(fields, "ATTACHMENT").at("/settings/maxFiles").asInt()).isEqualTo(6);
        // the initiator's attachment is theirs, not the signer's to see or change
        assertThat(fields).filteredOn(f -> f.get("type").asText().equals("ATTACHMENT")).hasSize(1);

        AdminClient.Reply unfilled = signer.sign(signer.code());
        assertThat(unfilled.status()).isEqualTo(400);
        assertThat(unfilled.body().get("code").asText()).isEqualTo("OperationDenied.RequiredComponentNotFill");

        Map<String, Object> fills = new HashMap<>();
        for (int contract = 0; contract < 2; contract++) {
            List<JsonNode> own = new ArrayList<>();
            view.at("/contracts/" + contract + "/fields").forEach(own::add);
            long attachment = only(own, "ATTACHMENT").get("id").asLong();
            String kept = upload(signer.token(), attachment, "证明.png", seal).body().get("id").asText();
            String dropped = upload(signer.token(), attachment, "other.png", seal).body().get("id").asText();
            assertThat(image(signer.token(), attachment, kept).statusCode()).isEqualTo(200);
            fills.put(String.valueOf(only(own, "DISTRICT").get("id").asLong()), "广东省深圳市福田区");
            fills.put(String.valueOf(only(own, "DYNAMIC_TABLE").get("id").asLong()), table("钢材|12", "Cement|3"));
            fills.put(String.valueOf(attachment), kept);
            assertThat(signer.view().body().at("/contracts/" + contract + "/fields").findValues("uploaded").stream()
                    .filter(u -> u.size() == 2).count()).isEqualTo(1);
            assertThat(dropped).isNotEqualTo(kept);
        }
        // the refused attempt left the code unused
        AdminClient.Reply signed = signer.sign(Map.of("code", signer.lastCode(), "signatureImage",
                "data:image/png;base64," + SignerClient.signaturePng(), "fills", fills));
        assertThat(signed.status()).as(String.valueOf(signed.body())).isEqualTo(200);

        // stored where fill values are: the district, the table's JSON, the kept upload's id; the other upload is gone
        Map<String, String> values = new HashMap<>();
        jdbc.sql("select component_type, component_value from component where flow_id = ? and recipient_id is not null "
                        + "and component_type not like 'SIGN_%'").param(flowIds.get(0))
                .query((rs, n) -> values.put(rs.getString(1), rs.getString(2))).list();
        assertThat(values.get("DISTRICT")).isEqualTo("广东省深圳市福田区");
        assertThat(values.get("DYNAMIC_TABLE")).contains("钢材", "Cement");
        assertThat(jdbc.sql("select count(*) from signer_attachment where component_id in (select id from component "
                + "where flow_id in (:ids))").param("ids", flowIds).query(Integer.class).single()).isEqualTo(2);

        byte[] pdf = sealed(tenant, flowIds.get(0));
        Files.write(Files.createDirectories(Path.of("target", "test-artifacts")).resolve("fill-controls-sealed.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("品名", "钢材", "Cement", WATERMARK_TEXT, "附件 1/1", "附件见第 3 页", "附件见第 4 页");
            // the contract's two pages, the signer's attachment, the initiator's, then the certificate
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(5);
            assertThat(document.getSignatureDictionaries()).hasSize(1);
        }
        if (SignatureTools.pdfsigInstalled()) {
            assertThat(SignatureTools.pdfsig(pdf, null)).contains("Signature is Valid");
        }
    }

    @Test
    void uploadsAreTheSignersOwnForThatControlAndWithinTheLimits() throws Exception {
        Tenant tenant = tenants().create();
        String mobile = Tenants.mobile();
        String otherMobile = Tenants.mobile();
        byte[] png = new SealImageRenderer().render("上传测试有限公司", "证明");
        tenant.api().ok("CreateFlowGroupByFiles", group(tenant, mobile, uploadImage(tenant, png)));
        tenant.api().ok("CreateFlowGroupByFiles", group(tenant, otherMobile, uploadImage(tenant, png)));
        SignerClient signer = SignerClient.invited(admin(), mobile);
        SignerClient stranger = SignerClient.invited(admin(), otherMobile);
        List<JsonNode> fields = new ArrayList<>();
        signer.view().body().at("/contracts/0/fields").forEach(fields::add);
        long attachment = only(fields, "ATTACHMENT").get("id").asLong();
        long district = only(fields, "DISTRICT").get("id").asLong();

        String id = upload(signer.token(), attachment, "a.png", png).body().get("id").asText();
        // another signer's link reaches neither the control nor the image
        assertThat(upload(stranger.token(), attachment, "b.png", png).status()).isEqualTo(404);
        assertThat(image(stranger.token(), attachment, id).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", stranger.token(), attachment, "/" + id, null, null).statusCode()).isEqualTo(404);
        // only images, only for an ATTACHMENT control, at most six, at most 5 MB
        assertThat(upload(signer.token(), attachment, "a.txt", "not an image".getBytes()).status()).isEqualTo(400);
        assertThat(upload(signer.token(), attachment, "cut.png", java.util.Arrays.copyOf(png, 60)).status())
                .isEqualTo(400);
        assertThat(upload(signer.token(), district, "a.png", png).status()).isEqualTo(400);
        assertThat(upload(signer.token(), attachment, "big.png", new byte[5 * 1024 * 1024 + 1]).status())
                .isEqualTo(413);
        for (int i = 2; i <= 6; i++) {
            assertThat(upload(signer.token(), attachment, i + ".png", png).status()).isEqualTo(201);
        }
        assertThat(upload(signer.token(), attachment, "7.png", png).status()).isEqualTo(409);
        HttpResponse<byte[]> shown = image(signer.token(), attachment, id);
        assertThat(shown.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(shown.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(shown.body()).isEqualTo(png);
        assertThat(send("DELETE", signer.token(), attachment, "/" + id, null, null).statusCode()).isEqualTo(204);
        assertThat(image(signer.token(), attachment, id).statusCode()).isEqualTo(404);
        // an id that is not one of the signer's uploads for the control is refused when signing
        Map<String, Object> fills = Map.of(String.valueOf(attachment), id);
        AdminClient.Reply refused = signer.sign(Map.of("code", signer.code(), "signatureImage",
                "data:image/png;base64," + SignerClient.signaturePng(), "fills", fills));
        assertThat(refused.status()).isEqualTo(400);
    }

    static JsonNode only(List<JsonNode> fields, String type) {
        List<JsonNode> found = fields.stream().filter(f -> f.get("type").asText().equals(type)).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    record Upload(int status, JsonNode body) {
    }

    Upload upload(String token, long componentId, String name, byte[] content) throws Exception {
        HttpResponse<byte[]> response = send("POST", token, componentId, "", name, content);
        return new Upload(response.statusCode(), response.body().length == 0 ? null
                : ApiClient.JSON.readTree(response.body()));
    }

    HttpResponse<byte[]> image(String token, long componentId, String id) throws Exception {
        return send("GET", token, componentId, "/" + id, null, null);
    }

    HttpResponse<byte[]> send(String method, String token, long componentId, String rest, String name, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign/api/"
                        + token + "/fields/" + componentId + "/attachments" + rest))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (name != null) {
            request.header("Content-Type", "image/png").header("X-File-Name", URLEncoder.encode(name,
                    StandardCharsets.UTF_8));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The contract's final PDF, once it is sealed. */
    static byte[] sealed(Tenant tenant, String flowId) throws Exception {
        Map<String, Object> operator = Map.of("UserId", tenant.operatorId());
        JsonNode urls = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> tenant.api().call("DescribeFileUrls", Map.of("Operator", operator,
                        "BusinessType", "FLOW", "BusinessIds", List.of(flowId))), r -> r.has("FileUrls")
                        && r.get("FileUrls").size() == 1);
        return HTTP.send(HttpRequest.newBuilder(URI.create(urls.at("/FileUrls/0/Url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }
}
