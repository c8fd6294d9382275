package io.signflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.ess.v20201111.EssClient;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowEvidenceReportRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowEvidenceReportResponse;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesRequest;
import com.tencentcloudapi.ess.v20201111.models.CreateFlowGroupByFilesResponse;
import com.tencentcloudapi.ess.v20201111.models.DescribeBillUsageRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeBillUsageResponse;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowEvidenceReportRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFlowEvidenceReportResponse;
import com.tencentcloudapi.ess.v20201111.models.UserInfo;
import io.signflow.sealing.SignatureTools;
import io.signflow.demo.DemoData;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evidence reports of seed example 1 through the official SDK (EssClient for ESS's actions, CommonClient
 * for Signflow's group report): refused before the contracts are signed and without CloudProve quota;
 * once all signed, produced off the request path, downloaded, signed validly (pdfsig) and broken by one
 * changed byte, holding the ids and hashes as text, charged one unit per contract.
 */
class EvidenceReportIT extends ApiTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> SEED_1_SIGNERS = List.of("18888888888", "18251952320", "15100000000",
            "13700000000", "13200000000");

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedExampleOneReportsPerContractAndPerGroup() throws Exception {
        EssClient ess = sdk(demo());
        CreateFlowGroupByFilesRequest seed = AbstractModel.fromJsonString(Requests.seedText(1),
                CreateFlowGroupByFilesRequest.class);
        CreateFlowGroupByFilesResponse created = ess.CreateFlowGroupByFiles(seed);
        String flowId = created.getFlowIds()[0];

        assertThatThrownBy(() -> ess.CreateFlowEvidenceReport(create(seed.getOperator(), flowId)))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OperationDenied.FlowStatusForbid"));

        SEED_1_SIGNERS.forEach(mobile -> SignerClient.invited(admin(), mobile).signNow());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc
                .sql("select count(*) from sealed_document where flow_id in (:ids)")
                .param("ids", Arrays.asList(created.getFlowIds())).query(Long.class).single() == 3);

        long provedBefore = cloudProve().get("available").asLong();
        long billedBefore = memberCloudProveUsedToday(ess);
        if (provedBefore > 0) {
            drain(ess, seed.getOperator(), flowId, provedBefore);
        }
        assertThatThrownBy(() -> ess.CreateFlowEvidenceReport(create(seed.getOperator(), flowId)))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OperationDenied.NoQuota"));
        admin().post("/admin/organizations/" + DemoData.ENTERPRISE_ID + "/quota",
                Map.of("add", 4, "quotaType", "CloudProve"));

        CreateFlowEvidenceReportResponse report = ess.CreateFlowEvidenceReport(create(seed.getOperator(), flowId));
        assertThat(report.getReportId()).hasSize(32);
        assertThat(report.getStatus()).isEqualTo("EvidenceStatusExecuting");
        assertThat(cloudProve().get("available").asLong()).isEqualTo(3);

        byte[] single = download(awaitReport(ess, seed.getOperator(), report.getReportId()));
        String text = text(single);
        String sealedSha = jdbc.sql("select sha256 from sealed_document where flow_id = ?").param(flowId)
                .query(String.class).single();
        String originalSha = jdbc.sql("select r.sha256 from flow f join file_resource r on r.id = f.file_id "
                + "where f.id = ?").param(flowId).query(String.class).single();
        assertThat(text).contains(report.getReportId(), flowId, created.getFlowGroupId(), sealedSha, originalSha,
                "子合同1-B2B", "张三示例企业", "188****8888", "one-time code sent to", "User-Agent",
                "Audit trail integrity: " + admin().get("/admin/flows/" + flowId + "/audit-trail").size()
                        + " entries, hash chain intact, head",
                "carries an RFC 3161 timestamp",
                "certificate subject: O=Signflow operator,CN=Signflow Document Signing",
                "check: valid, covers the whole file");
        assertSignedAndTamperEvident(single);
        render(single, "evidence-report-flow");

        String groupJson = common(demo()).call("CreateFlowGroupEvidenceReport", new ObjectMapper().writeValueAsString(
                Map.of("Operator", Map.of("UserId", seed.getOperator().getUserId()),
                        "FlowGroupId", created.getFlowGroupId())));
        JsonNode groupReport = new ObjectMapper().readTree(groupJson).get("Response");
        assertThat(groupReport.get("Status").asText()).isEqualTo("EvidenceStatusExecuting");
        assertThat(cloudProve().get("available").asLong()).isZero();

        byte[] whole = download(awaitReport(ess, seed.getOperator(), groupReport.get("ReportId").asText()));
        assertThat(text(whole)).contains(created.getFlowIds()).contains("子合同2-普通B2B", "子合同3-普通B2C",
                "every contract of the group, 3 contracts");
        assertSignedAndTamperEvident(whole);
        render(whole, "evidence-report-group");

        assertThatThrownBy(() -> ess.CreateFlowEvidenceReport(create(seed.getOperator(), flowId)))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("OperationDenied.NoQuota"));
        assertThat(memberCloudProveUsedToday(ess) - billedBefore).isEqualTo(provedBefore + 4);
        assertThat(jdbc.sql("select count(*) from quota_ledger where report_id in (?, ?)")
                .params(report.getReportId(), groupReport.get("ReportId").asText()).query(Long.class).single())
                .isEqualTo(2);
        assertThat(admin().get("/admin/quota/ledger-check").get("mismatches")).isEmpty();
    }

    @Test
    void aStrangerIsToldTheReportDoesNotExist() throws Exception {
        var stranger = tenants().create();
        DescribeFlowEvidenceReportRequest describe = new DescribeFlowEvidenceReportRequest();
        UserInfo operator = new UserInfo();
        operator.setUserId(stranger.operatorId());
        describe.setOperator(operator);
        describe.setReportId("yDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        assertThatThrownBy(() -> sdk(stranger.api()).DescribeFlowEvidenceReport(describe))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("ResourceNotFound"));
        CreateFlowEvidenceReportRequest notary = create(operator, "yDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        notary.setReportType(1L);
        assertThatThrownBy(() -> sdk(stranger.api()).CreateFlowEvidenceReport(notary))
                .isInstanceOfSatisfying(TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("UnsupportedOperation"));
    }

    private static CreateFlowEvidenceReportRequest create(UserInfo operator, String flowId) {
        CreateFlowEvidenceReportRequest request = new CreateFlowEvidenceReportRequest();
        request.setOperator(operator);
        request.setFlowId(flowId);
        return request;
    }

    /** Spends what earlier tests left, so the refusal without quota is seen. */
    private static void drain(EssClient ess, UserInfo operator, String flowId, long units) throws Exception {
        for (long i = 0; i < units; i++) {
            ess.CreateFlowEvidenceReport(create(operator, flowId));
        }
    }

    private JsonNode cloudProve() {
        return admin().get("/admin/organizations/" + DemoData.ENTERPRISE_ID + "/quota?quotaType=CloudProve");
    }

    /** The member's CloudProve use today, as DescribeBillUsage shows it to the group's key. */
    private static long memberCloudProveUsedToday(EssClient ess) throws TencentCloudSDKException {
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        DescribeBillUsageRequest request = new DescribeBillUsageRequest();
        request.setStartTime(today);
        request.setEndTime(today);
        request.setQuotaType("CloudProve");
        request.setDisplaySubEnterprise(true);
        DescribeBillUsageResponse bill = ess.DescribeBillUsage(request);
        assertThat(bill.getSummary()).singleElement().satisfies(s -> assertThat(s.getQuotaType()).isEqualTo("CloudProve"));
        return Arrays.stream(bill.getSubOrgSummary())
                .filter(s -> s.getOrganizationName().equals(DemoData.ENTERPRISE_NAME))
                .mapToLong(s -> s.getUsage()[0].getUsed()).sum();
    }

    private String awaitReport(EssClient ess, UserInfo operator, String reportId) {
        DescribeFlowEvidenceReportRequest describe = new DescribeFlowEvidenceReportRequest();
        describe.setOperator(operator);
        describe.setReportId(reportId);
        DescribeFlowEvidenceReportResponse done = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> ess.DescribeFlowEvidenceReport(describe),
                        r -> r.getStatus().equals("EvidenceStatusSuccess"));
        assertThat(done.getReportUrl()).contains("/files/evidence-reports/" + reportId + ".pdf?expires=");
        return done.getReportUrl();
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return response.body();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getSignatureDictionaries()).singleElement()
                    .satisfies(s -> assertThat(s.getSubFilter()).isEqualTo("ETSI.CAdES.detached"));
            // the stripper may break a long hash across lines where the layout wrapped it
            return new PDFTextStripper().getText(document).replaceAll("\\s*\\R\\s*", "");
        }
    }

    private static void assertSignedAndTamperEvident(byte[] pdf) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdfsig")), "pdfsig (poppler-utils) is not installed");
        // pdfsig reads "Not total document signed": the long-term validation data (DSS) is an update
        // after the signature; the report's own check ("covers the whole file") allows exactly that
        assertThat(SignatureTools.pdfsig(pdf, null)).contains("Signature is Valid");
        byte[] changed = pdf.clone();
        // a byte of the first page's content, inside what the signature covers
        int at = new String(pdf, StandardCharsets.ISO_8859_1).indexOf("stream") + 20;
        changed[at] ^= 0x01;
        assertThat(SignatureTools.pdfsig(changed, null)).doesNotContain("Signature is Valid");
    }

    private static void render(byte[] pdf, String name) throws Exception {
        Path artifacts = Files.createDirectories(Path.of("target", "test-artifacts"));
        Files.write(artifacts.resolve(name + ".pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 110);
                ImageIO.write(image, "png", artifacts.resolve(name + "-" + (page + 1) + ".png").toFile());
            }
        }
    }
}
