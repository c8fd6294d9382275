package io.signflow.flowgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.ess.v20201111.models.DescribeFileUrlsRequest;
import com.tencentcloudapi.ess.v20201111.models.DescribeFileUrlsResponse;
import com.tencentcloudapi.ess.v20201111.models.UserInfo;
import io.signflow.demo.DemoData;
import io.signflow.support.ApiClient;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Pixels;
import io.signflow.support.Requests;
import io.signflow.support.SignerClient;
import io.signflow.support.TestPdfs;
import io.signflow.support.TestPdfs.Field;
import io.signflow.support.TestPdfs.Text;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * The seed's first example with its controls placed by keyword and by form field instead of
 * coordinates, on PDFs uploaded through UploadFiles: it is created, everyone signs, and in each final
 * PDF the first party's seal and the second party's mark are drawn where the words and fields are.
 */
class KeywordAndFieldPlacementIT extends ApiTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final float SIZE = 14;
    /** "甲方（盖章）" at x 80, baseline 150; "乙方（签章）" at x 300, baseline 500, drawn in two text objects. */
    private static final byte[] KEYWORD_PDF = TestPdfs.withText(1, new Text(1, 80, 150, SIZE, "甲方（盖章）"),
            new Text(1, 300, 500, SIZE, "乙方", "（签章）"));
    private static final byte[] FORM_PDF = TestPdfs.withForm(1, List.of(new Text(1, 80, 100, SIZE, "合同")),
            new Field("party_a", 1, 80, 200, 100, 100, false), new Field("party_b", 1, 300, 550, 120, 100, true));
    private static final List<String> SIGNER_MOBILES = List.of("18888888888", "18251952320", "15100000000",
            "13700000000", "13200000000");

    @Test
    void seedExampleOnePlacedByKeywordPutsTheMarksUnderTheWords() throws Exception {
        ObjectNode request = seedOn(KEYWORD_PDF, Map.of("GenerateMode", "KEYWORD", "ComponentId", "甲方（盖章）",
                "RelativeLocation", "Below"), Map.of("GenerateMode", "KEYWORD", "ComponentId", "乙方（签章）",
                "RelativeLocation", "Below", "OffsetY", 10));

        List<byte[]> sealed = createAndSignAll(request);

        float keywordA = TestPdfs.width("甲方（盖章）", SIZE);
        float keywordB = TestPdfs.width("乙方（签章）", SIZE);
        // 100 x 100 boxes centred under the keywords: below the baseline (plus the descent), B moved down 10 pt
        Box sealA = new Box(Math.round(80 + keywordA / 2 - 50), 155, 100, 100);
        Box markB = new Box(Math.round(300 + keywordB / 2 - 50), 515, 100, 100);
        assertMarks(sealed, sealA, markB);
    }

    @Test
    void seedExampleOnePlacedByFormFieldPutsTheMarksInTheFields() throws Exception {
        ObjectNode request = seedOn(FORM_PDF, Map.of("GenerateMode", "FIELD", "ComponentName", "party_a"),
                Map.of("GenerateMode", "FIELD", "ComponentName", "party_b"));

        assertMarks(createAndSignAll(request), new Box(80, 200, 100, 100), new Box(300, 550, 120, 100));
    }

    @Test
    void aKeywordOrFieldNotInTheFileIsRefused() {
        ObjectNode request = seedOn(KEYWORD_PDF, Map.of(), Map.of());
        JsonNode approver = request.at("/FlowGroupInfos/1/Approvers/1");
        place(approver, Map.of("GenerateMode", "KEYWORD", "ComponentId", "丙方"));
        assertThat(demo().code("CreateFlowGroupByFiles", request)).isEqualTo("MissingParameter.KeyWord");

        place(approver, Map.of("GenerateMode", "FIELD", "ComponentName", "party_c"));
        assertThat(demo().code("CreateFlowGroupByFiles", request)).isEqualTo("MissingParameter.Field");
    }

    private record Box(int x, int y, int width, int height) {

        Box grown() {
            return new Box(x - 5, y - 5, width + 10, height + 10);
        }
    }

    /**
     * Seed example 1 on an uploaded PDF, each contract's first and second approver's sign control
     * placed as given (an empty placement keeps the seed's coordinates).
     */
    private ObjectNode seedOn(byte[] pdf, Map<String, Object> first, Map<String, Object> second) {
        ObjectNode request = Requests.seed(1);
        String fileId = upload(pdf);
        for (JsonNode flow : request.get("FlowGroupInfos")) {
            ((ObjectNode) flow).putArray("FileIds").add(fileId);
            if (!first.isEmpty()) {
                place(flow.get("Approvers").get(0), first);
                place(flow.get("Approvers").get(1), second);
            }
        }
        return request;
    }

    /** Replaces the approver's only sign control's coordinates with another way of placing it. */
    private static void place(JsonNode approver, Map<String, Object> placement) {
        ObjectNode control = (ObjectNode) approver.get("SignComponents").get(0);
        control.remove(List.of("ComponentPage", "ComponentPosX", "ComponentPosY", "ComponentId", "ComponentName",
                "GenerateMode"));
        placement.forEach((field, value) -> control.set(field, ApiClient.JSON.valueToTree(value)));
    }

    private String upload(byte[] pdf) {
        JsonNode uploaded = demo().ok("UploadFiles", Map.of("BusinessType", "DOCUMENT",
                "Caller", Map.of("OperatorId", DemoData.OPERATOR_ID),
                "FileInfos", List.of(Map.of("FileName", "contract.pdf", "FileBody", TestPdfs.base64(pdf)))));
        return uploaded.get("FileIds").get(0).asText();
    }

    /** Creates the group, has every person sign through their newest invitation, and returns the final PDFs. */
    private List<byte[]> createAndSignAll(ObjectNode request) throws Exception {
        JsonNode created = demo().ok("CreateFlowGroupByFiles", request);
        List<String> flowIds = new ArrayList<>();
        created.get("FlowIds").forEach(id -> flowIds.add(id.asText()));
        for (String mobile : SIGNER_MOBILES) {
            SignerClient.invited(admin(), mobile).signNow();
        }
        DescribeFileUrlsRequest files = new DescribeFileUrlsRequest();
        UserInfo operator = new UserInfo();
        operator.setUserId(DemoData.OPERATOR_ID);
        files.setOperator(operator);
        files.setBusinessType("FLOW");
        files.setBusinessIds(flowIds.toArray(String[]::new));
        DescribeFileUrlsResponse urls = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> sdk(demo()).DescribeFileUrls(files), r -> r.getFileUrls().length == 3);
        List<byte[]> pdfs = new ArrayList<>();
        for (var url : urls.getFileUrls()) {
            pdfs.add(HTTP.send(HttpRequest.newBuilder(URI.create(url.getUrl())).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body());
        }
        return pdfs;
    }

    /**
     * In every contract the first approver's seal (red) fills box A; the second approver's mark fills
     * box B: a seal (red) in contracts 1 and 2, a person's handwriting (dark) in contract 3.
     */
    private static void assertMarks(List<byte[]> sealed, Box a, Box b) throws Exception {
        for (int i = 0; i < sealed.size(); i++) {
            try (PDDocument document = Loader.loadPDF(sealed.get(i))) {
                BufferedImage page = new PDFRenderer(document).renderImage(0, 1f);
                assertThat(red(page, a)).as("contract %d, seal at A", i + 1).isGreaterThan(500);
                int markB = i == 2 ? Pixels.dark(page, b.x(), b.y(), b.width(), b.height()) : red(page, b);
                assertThat(markB).as("contract %d, mark at B", i + 1).isGreaterThan(50);
                // the boxes are known to the nearest few points (the keyword's descent), so allow a margin
                int allRed = Pixels.red(page, 0, 0, page.getWidth(), page.getHeight());
                assertThat(allRed).as("contract %d, no red outside the boxes", i + 1)
                        .isEqualTo(red(page, a.grown()) + (i == 2 ? 0 : red(page, b.grown())));
            }
        }
    }

    private static int red(BufferedImage page, Box box) {
        return Pixels.red(page, box.x(), box.y(), box.width(), box.height());
    }
}
