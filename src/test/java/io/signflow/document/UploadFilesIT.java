package io.signflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.ess.v20201111.models.Caller;
import com.tencentcloudapi.ess.v20201111.models.UploadFile;
import com.tencentcloudapi.ess.v20201111.models.UploadFilesRequest;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Requests;
import io.signflow.support.Tenant;
import io.signflow.support.TestPdfs;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UploadFiles: several PDFs per call, each really read; what cannot become a contract is refused whole. */
class UploadFilesIT extends ApiTestBase {

    private Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = tenants().create(null, 10, 0);
    }

    private JsonNode upload(Map<String, String>... files) {
        return tenant.api().call("UploadFiles", Map.of("BusinessType", "DOCUMENT",
                "Caller", Map.of("OperatorId", tenant.operatorId()), "FileInfos", List.of(files)));
    }

    private static Map<String, String> file(String name, byte[] content) {
        return Map.of("FileName", name, "FileBody", TestPdfs.base64(content));
    }

    private static String code(JsonNode response) {
        return response.has("Error") ? response.at("/Error/Code").asText() : "OK";
    }

    @Test
    void severalPdfsInOneCallThroughTheSdkStartAContract() throws Exception {
        UploadFilesRequest request = new UploadFilesRequest();
        request.setBusinessType("DOCUMENT");
        Caller caller = new Caller();
        caller.setOperatorId(tenant.operatorId());
        request.setCaller(caller);
        UploadFile a = new UploadFile();
        a.setFileName("a.pdf");
        a.setFileBody(TestPdfs.base64(TestPdfs.a4(1)));
        UploadFile b = new UploadFile();
        b.setFileName("b.pdf");
        b.setFileBody(TestPdfs.base64(TestPdfs.pages(PDRectangle.LETTER, 3, 0)));
        request.setFileInfos(new UploadFile[] {a, b});

        var response = sdk(tenant.api()).UploadFiles(request);

        assertThat(response.getFileIds()).hasSize(2).allSatisfy(id -> assertThat(id).hasSize(32));
        assertThat(response.getTotalCount()).isEqualTo(2);
        Tenant withFiles = new Tenant(tenant.organizationId(), tenant.name(), tenant.operatorId(), tenant.operatorName(),
                tenant.operatorMobile(), tenant.sealId(), tenant.api(), List.of(response.getFileIds()));
        var group = Requests.group(withFiles, 2, List.of(Requests.autoSigner(withFiles)));
        // page 3 exists only in the Letter file, the second sub-contract's
        ((com.fasterxml.jackson.databind.node.ObjectNode) group.at("/FlowGroupInfos/1/Approvers/0/SignComponents/0"))
                .put("ComponentPage", 3);
        assertThat(tenant.api().code("CreateFlowGroupByFiles", group)).isEqualTo("OK");
        ((com.fasterxml.jackson.databind.node.ObjectNode) group.at("/FlowGroupInfos/0/Approvers/0/SignComponents/0"))
                .put("ComponentPage", 3);
        assertThat(tenant.api().code("CreateFlowGroupByFiles", group)).isEqualTo("InvalidParameter.ComponentPage");
    }

    @Test
    void aPageSizeIsWhatAReaderSeesOnARotatedPage() {
        String fileId = upload(file("landscape.pdf", TestPdfs.pages(PDRectangle.A4, 1, 90))).at("/FileIds/0").asText();
        Tenant withFile = new Tenant(tenant.organizationId(), tenant.name(), tenant.operatorId(), tenant.operatorName(),
                tenant.operatorMobile(), tenant.sealId(), tenant.api(), List.of(fileId));
        var group = Requests.group(withFile, 2, List.of(Requests.autoSigner(withFile)));
        // turned by 90 degrees the page is 841.89 wide and 595.28 high
        var component = (com.fasterxml.jackson.databind.node.ObjectNode) group.at("/FlowGroupInfos/0/Approvers/0/SignComponents/0");
        component.put("ComponentPosX", 700).put("ComponentPosY", 500);
        assertThat(tenant.api().code("CreateFlowGroupByFiles", group)).isEqualTo("OK");
        component.put("ComponentPosX", 500).put("ComponentPosY", 700);
        assertThat(tenant.api().code("CreateFlowGroupByFiles", group)).isEqualTo("InvalidParameter.ComponentPosition");
    }

    @Test
    void whatIsNotAUsablePdfIsRefusedAndNothingIsStored() throws Exception {
        byte[] pdf = TestPdfs.a4(1);
        assertThat(code(upload(file("note.pdf", "just text".getBytes())))).isEqualTo("InvalidParameterValue");
        assertThat(code(upload(file("cut.pdf", java.util.Arrays.copyOf(pdf, 40))))).isEqualTo("InvalidParameterValue");
        assertThat(code(upload(file("locked.pdf", encrypted())))).isEqualTo("InvalidParameterValue");
        JsonNode signed = upload(file("signed.pdf", signed()));
        assertThat(code(signed)).isEqualTo("InvalidParameterValue");
        assertThat(signed.at("/Error/Message").asText()).contains("digital signatures");
        assertThat(code(upload(file("fine.pdf", pdf), file("photo.pdf", png())))).isEqualTo("InvalidParameterValue");
        assertThat(code(upload(file("contract.docx", pdf)))).isEqualTo("UnsupportedOperation");
        assertThat(code(upload(file("contract.pdf", pdf), Map.of("FileName", "x.pdf", "FileBody", "%%%")))).isEqualTo("InvalidParameter");
        assertThat(code(upload(Map.of("FileBody", TestPdfs.base64(pdf))))).isEqualTo("MissingParameter.FileNames");
        assertThat(code(tenant.api().call("UploadFiles", Map.of("BusinessType", "DOCUMENT",
                "Caller", Map.of("OperatorId", tenant.operatorId()), "FileInfos", List.of()))))
                .isEqualTo("InvalidParameter.ParamError");
        assertThat(code(tenant.api().call("UploadFiles", Map.of("BusinessType", "DOCUMENT",
                "Caller", Map.of("OperatorId", "yDnobodyUUckps3me1aUuRbyBJvD8CI"), "FileInfos", List.of(file("a.pdf", pdf))))))
                .isEqualTo("ResourceNotFound.User");
        assertThat(code(upload(file("photo.png", png())))).isEqualTo("OK");
    }

    @Test
    void anImageOverFiveMegabytesIsLimitExceededAndNothingIsStored() throws Exception {
        long before = storedFiles();
        byte[] large = java.util.Arrays.copyOf(png(), 5 * 1024 * 1024 + 1);
        assertThat(code(upload(file("fine.pdf", TestPdfs.a4(1)), file("large.png", large)))).isEqualTo("LimitExceeded");
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(code(upload(file("small.png", java.util.Arrays.copyOf(png(), 5 * 1024 * 1024))))).isEqualTo("OK");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long storedFiles() {
        return jdbc.sql("select count(*) from file_resource where organization_id = ?").param(tenant.organizationId())
                .query(Long.class).single();
    }

    private static byte[] png() throws Exception {
        var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A PDF with a signature field and signature value, as a document signed elsewhere arrives. */
    private static byte[] signed() throws Exception {
        try (PDDocument document = Loader.loadPDF(TestPdfs.a4(1)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            document.addSignature(signature, content -> new byte[64]);
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static byte[] encrypted() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage(PDRectangle.A4));
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }
}
