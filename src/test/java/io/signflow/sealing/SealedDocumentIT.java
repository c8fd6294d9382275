package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.ess.v20201111.models.DescribeFileUrlsRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFileUrlsResponse;
import com.tencentcloudapi.ess.v20201111.models.UserInfo;
import com.tencentcloudapi.ess.v20201111.models.VerifyPdfRequest;
import com.tencentcloudapi.ess.v20201111.models.VerifyPdfResponse;
import io.signflow.support.ApiTestBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signflow.support.Pixels;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.Tenant;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.security.MessageDigest;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A completed contract's final PDF, fetched through the official SDK's DescribeFileUrls: marks drawn,
 * the certificate of completion appended, a PAdES signature that poppler's pdfsig accepts and that
 * breaks when a byte changes. Links are signed, expire, and are refused when forged.
 */
class SealedDocumentIT extends ApiTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PdfSignatureVerifier verifier;

    private record Completed(Tenant tenant, List<String> flowIds) {
    }

    private Completed completedGroup() {
        Tenant tenant = tenants().create();
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles",
                Requests.group(tenant, 2, List.of(Requests.autoSigner(tenant))));
        List<String> flowIds = new ArrayList<>();
        created.get("FlowIds").forEach(id -> flowIds.add(id.asText()));
        return new Completed(tenant, flowIds);
    }

    private DescribeFileUrlsResponse fileUrls(Tenant tenant, List<String> flowIds, long ttl) throws TencentCloudSDKException {
        DescribeFileUrlsRequest request = new DescribeFileUrlsRequest();
        request.setOperator(operator(tenant));
        request.setBusinessType("FLOW");
        request.setBusinessIds(flowIds.toArray(String[]::new));
        request.setUrlTtl(ttl);
        return sdk(tenant.api()).DescribeFileUrls(request);
    }

    private DescribeFileUrlsResponse awaitFileUrls(Tenant tenant, List<String> flowIds) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> fileUrls(tenant, flowIds, 0), r -> r.getFileUrls().length == flowIds.size());
    }

    private static UserInfo operator(Tenant tenant) {
        UserInfo operator = new UserInfo();
        operator.setUserId(tenant.operatorId());
        return operator;
    }

    private static HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theFinalPdfHasTheSealDrawnTheCertificateAppendedAndAValidPadesSignature() throws Exception {
        Completed group = completedGroup();
        DescribeFileUrlsResponse urls = awaitFileUrls(group.tenant(), group.flowIds());
        assertThat(urls.getTotalCount()).isEqualTo(2);
        assertThat(urls.getFileUrls()[0].getOption()).contains("\"width\":595.");

        HttpResponse<byte[]> response = download(urls.getFileUrls()[0].getUrl());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        byte[] pdf = response.body();
        Path artifacts = Files.createDirectories(Path.of("target", "test-artifacts"));
        Files.write(artifacts.resolve("sealed-contract.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(document.getSignatureDictionaries()).hasSize(1);
            assertThat(document.getSignatureDictionaries().get(0).getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            // the auto-signer's seal (SIGN_SEAL at 50,50 size 100x60) is drawn in red on page 1
            BufferedImage page = new PDFRenderer(document).renderImage(0, 1f);
            assertThat(Pixels.red(page, 50, 50, 100, 60)).isGreaterThan(200);
            assertThat(Pixels.red(page, 200, 200, 300, 500)).isZero();
            // the certificate of completion follows the two blank pages of the original, drawn as text pictures
            PDFRenderer renderer = new PDFRenderer(document);
            assertThat(Pixels.dark(renderer.renderImage(1, 1f), 0, 0, 595, 842)).isZero();
            assertThat(Pixels.dark(renderer.renderImage(2, 1f), 0, 0, 595, 842)).isGreaterThan(1000);
        }

        VerifyPdfRequest verify = new VerifyPdfRequest();
        verify.setOperator(operator(group.tenant()));
        verify.setFlowId(group.flowIds().get(0));
        VerifyPdfResponse verified = sdk(group.tenant().api()).VerifyPdf(verify);
        assertThat(verified.getVerifyResult()).isEqualTo(1L);
        assertThat(verified.getPdfVerifyResults()).hasSize(1);
        assertThat(verified.getPdfVerifyResults()[0].getVerifyResult()).isEqualTo(1L);
        assertThat(verified.getPdfVerifyResults()[0].getSignAlgorithm()).isEqualTo("SHA256withRSA");
        // Unix milliseconds, as in ESS's example answer
        assertThat(verified.getPdfVerifyResults()[0].getSignTime())
                .isBetween(System.currentTimeMillis() - 600_000, System.currentTimeMillis());
        assertThat(verified.getPdfVerifyResults()[0].getCertNotAfter()).isGreaterThan(System.currentTimeMillis());
        assertThat(verified.getPdfVerifyResults()[0].getComponentPage()).isEqualTo(1L);

        JsonNode trail = admin().get("/admin/flows/" + group.flowIds().get(0) + "/audit-trail");
        List<String> events = new ArrayList<>();
        trail.forEach(e -> events.add(e.get("event").asText()));
        assertThat(events).containsSubsequence("CREATED", "SIGNED", "COMPLETED", "SEALED", "DOWNLOADED");
        // the API call that created it is recorded with the address it came from, like a signer's action
        JsonNode created = trail.get(events.indexOf("CREATED"));
        assertThat(created.get("actor").asText()).startsWith("operator ");
        assertThat(created.get("ip").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void pdfsigFromPopplerAcceptsTheSignatureAndRejectsAChangedByte() throws Exception {
        Assumptions.assumeTrue(SignatureTools.pdfsigInstalled(), "pdfsig (poppler-utils) is not installed");
        Completed group = completedGroup();
        byte[] pdf = download(awaitFileUrls(group.tenant(), group.flowIds()).getFileUrls()[1].getUrl()).body();
        Files.write(Files.createDirectories(SignatureTools.ARTIFACTS).resolve("sealed-contract-timestamped.pdf"), pdf);

        // the signature covers everything but the long-term validation data added after it, hence
        // "Not total document signed"; poppler 22 prints nothing about the timestamp, OpenSSL reads it below
        String report = SignatureTools.pdfsig(pdf, "sealed-contract-pdfsig.txt");
        assertThat(report).contains("Signature is Valid").contains("ETSI.CAdES.detached");

        // still a well-formed PDF, so pdfsig reads the signature and finds the digest no longer matches
        String tamperedReport = SignatureTools.pdfsig(tampered(pdf), "sealed-contract-changed-byte-pdfsig.txt");
        assertThat(tamperedReport).contains("Signature #1").contains("Digest Mismatch")
                .doesNotContain("Signature is Valid");
    }

    @Test
    void theFinalPdfIsTimestampedCarriesItsValidationDataAndTheAuditChainHead() throws Exception {
        Completed group = completedGroup();
        String flowId = group.flowIds().get(0);
        byte[] pdf = download(awaitFileUrls(group.tenant(), group.flowIds()).getFileUrls()[0].getUrl()).body();

        // PAdES-B-T: the test's authority countersigned the signature value
        List<byte[]> tokens = SignatureTools.timestampTokens(pdf);
        assertThat(tokens).hasSize(1);
        TimeStampToken token = new TimeStampToken(new CMSSignedData(tokens.get(0)));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(SignatureTools.signer(pdf).getSignature()));
        assertThat(token.getTimeStampInfo().getGenTime().toInstant())
                .isBetween(Instant.now().minusSeconds(600), Instant.now());
        if (Files.isExecutable(Path.of("/usr/bin/openssl"))) {
            assertThat(SignatureTools.openSslTimestamp(tokens.get(0), "sealed-contract-timestamp-openssl.txt"))
                    .contains("Signflow Test TSA").contains("Hash Algorithm: sha256");
        }

        try (PDDocument document = Loader.loadPDF(pdf)) {
            // PAdES-B-LT: both chains and the platform root's revocation list
            COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(DocumentSecurityStore.DSS);
            assertThat(dss).isNotNull();
            assertThat(dss.getCOSArray(DocumentSecurityStore.CERTS).size()).isEqualTo(4);
            assertThat(dss.getCOSArray(DocumentSecurityStore.CRLS).size()).isEqualTo(1);

            // the head of the audit chain when the PDF was made: the entry just before SEALED
            JsonNode trail = admin().get("/admin/flows/" + flowId + "/audit-trail");
            String headAtSealing = null;
            for (JsonNode entry : trail) {
                if (entry.get("event").asText().equals("SEALED")) {
                    assertThat(entry.get("previousHash").asText()).isEqualTo(headAtSealing);
                    break;
                }
                headAtSealing = entry.get("entryHash").asText();
            }
            assertThat(headAtSealing).hasSize(64);
            assertThat(document.getDocumentInformation().getCustomMetadataValue(FlowDocumentSealer.AUDIT_CHAIN_HEAD))
                    .isEqualTo(headAtSealing);
        }
    }

    @Test
    void aTamperedCopyIsReportedInvalidByPdfboxAndByVerifyPdf() throws Exception {
        Completed group = completedGroup();
        awaitFileUrls(group.tenant(), group.flowIds());
        String flowId = group.flowIds().get(0);
        byte[] pdf = jdbc.sql("select content from sealed_document where flow_id = ?").param(flowId)
                .query(byte[].class).single();
        assertThat(verifier.verify(pdf)).singleElement().satisfies(r -> assertThat(r.valid()).isTrue());

        byte[] changed = tampered(pdf);
        assertThat(verifier.verify(changed)).singleElement().satisfies(r -> {
            assertThat(r.valid()).isFalse();
            assertThat(r.coversDocument()).isTrue();
        });

        jdbc.sql("update sealed_document set content = ? where flow_id = ?").params(changed, flowId).update();
        VerifyPdfRequest verify = new VerifyPdfRequest();
        verify.setOperator(operator(group.tenant()));
        verify.setFlowId(flowId);
        VerifyPdfResponse verified = sdk(group.tenant().api()).VerifyPdf(verify);
        assertThat(verified.getVerifyResult()).isEqualTo(3L);
        assertThat(verified.getPdfVerifyResults()).singleElement()
                .satisfies(r -> assertThat(r.getVerifyResult()).isEqualTo(3L));
    }

    @Test
    void aHandwrittenSignatureADateAndAControlOnTheLastPageLandInTheirBoxes() throws Exception {
        Tenant tenant = tenants().create();
        String mobile = io.signflow.support.Tenants.mobile();
        ObjectNode person = Requests.person("林十一", mobile);
        ObjectNode signature = (ObjectNode) person.get("SignComponents").get(0);
        signature.put("ComponentPage", -1);
        ((com.fasterxml.jackson.databind.node.ArrayNode) person.get("SignComponents"))
                .add(Requests.component("SIGN_DATE", 1, 300, 100));
        JsonNode created = tenant.api().ok("CreateFlowGroupByFiles", Requests.group(tenant, 2,
                List.of(Requests.autoSigner(tenant), person)));
        List<String> flowIds = new ArrayList<>();
        created.get("FlowIds").forEach(id -> flowIds.add(id.asText()));
        SignerClient.invited(admin(), mobile).signNow();

        byte[] pdf = download(awaitFileUrls(tenant, flowIds).getFileUrls()[0].getUrl()).body();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            BufferedImage first = renderer.renderImage(0, 1f);
            BufferedImage last = renderer.renderImage(1, 1f);
            // ComponentPage -1: the handwriting is on the original's last page (2), in its box at 300,600
            assertThat(Pixels.dark(last, 300, 600, 100, 60)).isGreaterThan(50);
            assertThat(Pixels.dark(last, 0, 0, 595, 842)).isEqualTo(Pixels.dark(last, 300, 600, 100, 60));
            assertThat(Pixels.dark(first, 300, 600, 100, 60)).isZero();
            // the signing date on page 1 at 300,100; nothing else dark on that page but the red seal's box
            assertThat(Pixels.dark(first, 300, 100, 100, 60)).isGreaterThan(20);
            assertThat(Pixels.dark(first, 0, 0, 595, 842)).isEqualTo(Pixels.dark(first, 300, 100, 100, 60)
                    + Pixels.dark(first, 50, 50, 100, 60));
        }
    }

    @Test
    void linksAreSignedExpireAndOnlyTheOwnerGetsThem() throws Exception {
        Completed group = completedGroup();
        String url = awaitFileUrls(group.tenant(), group.flowIds()).getFileUrls()[0].getUrl();

        String forged = url.replaceAll("signature=([0-9a-f])", "signature=" + (url.contains("signature=0") ? "1" : "0"));
        assertThat(download(forged).statusCode()).isEqualTo(403);
        String otherFlow = url.replace(group.flowIds().get(0), group.flowIds().get(1));
        assertThat(download(otherFlow).statusCode()).isEqualTo(403);
        String longer = url.replaceAll("expires=(\\d+)", "expires=9999999999");
        assertThat(download(longer).statusCode()).isEqualTo(403);

        String shortLived = fileUrls(group.tenant(), group.flowIds(), 60).getFileUrls()[0].getUrl();
        assertThat(download(shortLived).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(61));
        assertThat(download(shortLived).statusCode()).isEqualTo(410);
        clock.reset();

        Tenant stranger = tenants().create();
        assertThatThrownBy(() -> fileUrls(stranger, group.flowIds(), 0))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("ResourceNotFound"));
        assertThat(stranger.api().code("VerifyPdf", java.util.Map.of("Operator",
                java.util.Map.of("UserId", stranger.operatorId()), "FlowId", group.flowIds().get(0))))
                .isEqualTo("ResourceNotFound.Flow");
        assertThat(group.tenant().api().code("DescribeFileUrls", java.util.Map.of("Operator",
                java.util.Map.of("UserId", group.tenant().operatorId()), "BusinessType", "FLOW",
                "BusinessIds", group.flowIds(), "UrlTtl", 86401))).isEqualTo("InvalidParameter");
    }

    /**
     * The seed's first example, signed by each of its people through their links (ordered contracts
     * in turn), ends with three final PDFs that pdfsig accepts. Its report is kept as a test artifact.
     */
    @Test
    void seedExampleOneSignedByEveryoneGivesPdfsJdkAndPopplerAccept() throws Exception {
        ObjectNode request = Requests.seed(1);
        JsonNode created = demo().ok("CreateFlowGroupByFiles", request);
        Map<String, Object> operator = Map.of("UserId", request.at("/Operator/UserId").asText());
        String groupId = created.get("FlowGroupId").asText();
        List<String> flowIds = new ArrayList<>();
        created.get("FlowIds").forEach(id -> flowIds.add(id.asText()));

        List<SignerClient> signers = new ArrayList<>();
        for (JsonNode flow : created.get("Approvers")) {
            for (JsonNode approver : flow.get("Approvers")) {
                JsonNode link = demo().call("CreateSchemeUrl", Map.of("Operator", operator, "FlowGroupId", groupId,
                        "RecipientId", approver.get("RecipientId").asText(), "EndPoint", "HTTP"));
                if (link.has("SchemeUrl")) {
                    String mobile = mobileOf(request, approver.get("RecipientId").asText(), created);
                    signers.add(SignerClient.withLink(admin(), mobile, link.get("SchemeUrl").asText()));
                }
            }
        }
        for (int round = 0; round < 4; round++) {
            for (SignerClient signer : signers) {
                if (signer.view().body().get("state").asText().equals("TO_SIGN")) {
                    signer.signNow();
                }
            }
        }
        DescribeFileUrlsRequest files = new DescribeFileUrlsRequest();
        UserInfo user = new UserInfo();
        user.setUserId(request.at("/Operator/UserId").asText());
        files.setOperator(user);
        files.setBusinessType("FLOW");
        files.setBusinessIds(flowIds.toArray(String[]::new));
        DescribeFileUrlsResponse urls = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> sdk(demo()).DescribeFileUrls(files), r -> r.getFileUrls().length == 3);

        Path artifacts = Files.createDirectories(Path.of("target", "test-artifacts"));
        StringBuilder reports = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            byte[] pdf = download(urls.getFileUrls()[i].getUrl()).body();
            Files.write(artifacts.resolve("seed-example-1-contract-" + (i + 1) + ".pdf"), pdf);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getSignatureDictionaries()).hasSize(1);
            }
            if (SignatureTools.pdfsigInstalled()) {
                String report = SignatureTools.pdfsig(pdf, null);
                assertThat(report).contains("Signature is Valid");
                reports.append("== ").append(flowIds.get(i)).append('\n').append(report).append('\n');
            }
        }
        Files.writeString(artifacts.resolve("seed-example-1-pdfsig.txt"), reports.toString());
    }

    /** The seed gives each approver's mobile; the answer gives their RecipientId in the same order. */
    private static String mobileOf(JsonNode request, String recipientId, JsonNode created) {
        for (int f = 0; f < created.get("Approvers").size(); f++) {
            JsonNode approvers = created.at("/Approvers/" + f + "/Approvers");
            for (int a = 0; a < approvers.size(); a++) {
                if (approvers.get(a).get("RecipientId").asText().equals(recipientId)) {
                    return request.at("/FlowGroupInfos/" + f + "/Approvers/" + a + "/ApproverMobile").asText();
                }
            }
        }
        throw new AssertionError("No approver " + recipientId);
    }

    /** A copy with one byte of the signed content changed: in the binary comment after the header, so the file still parses. */
    private static byte[] tampered(byte[] pdf) {
        byte[] changed = pdf.clone();
        int comment = new String(pdf, 0, 32, StandardCharsets.ISO_8859_1).indexOf("\n%") + 2;
        assertThat(comment).isGreaterThan(1);
        assertThat(changed[comment] & 0xff).isGreaterThanOrEqualTo(0x80);
        changed[comment] ^= 0x01;
        return changed;
    }
}
