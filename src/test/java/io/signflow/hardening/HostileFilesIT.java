package io.signflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.signflow.support.ApiTestBase;
import io.signflow.support.Tenant;
import io.signflow.support.TestPdfs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionImportData;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionRemoteGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionSubmitForm;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files built to hurt: too many pages, active content (JavaScript, launching programs, links to
 * other files, form submission and import, embedded files), a decompression bomb, an image claiming
 * billions of pixels. Each is refused with InvalidParameterValue and a message saying why, quickly,
 * and nothing is stored. A plain web link is no threat and is accepted.
 */
class HostileFilesIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = tenants().create(null, 10, 0);
    }

    private JsonNode upload(byte[] pdf) {
        return tenant.api().call("UploadFiles", Map.of("BusinessType", "DOCUMENT",
                "Caller", Map.of("OperatorId", tenant.operatorId()),
                "FileInfos", List.of(Map.of("FileName", "hostile.pdf", "FileBody", TestPdfs.base64(pdf)))));
    }

    private void assertRefused(byte[] pdf, String reason) {
        long stored = jdbc.sql("select count(*) from file_resource").query(Long.class).single();
        long started = System.nanoTime();
        JsonNode answer = upload(pdf);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer.at("/Error/Code").asText()).isEqualTo("InvalidParameterValue");
        assertThat(answer.at("/Error/Message").asText()).contains(reason);
        assertThat(millis).as("refused in bounded time").isLessThan(20_000);
        assertThat(jdbc.sql("select count(*) from file_resource").query(Long.class).single()).isEqualTo(stored);
    }

    @Test
    void aThousandAndOnePagesAreRefused() {
        assertRefused(TestPdfs.a4(1001), "at most 1000");
    }

    @Test
    void javaScriptLaunchActionsAndEmbeddedFilesAreRefused() {
        assertRefused(build(document -> {
            PDActionJavaScript script = new PDActionJavaScript("app.alert('hi')");
            document.getDocumentCatalog().setOpenAction(script);
        }), "opening action of type JavaScript");
        assertRefused(build(document -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(50, 50, 100, 20));
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDComplexFileSpecification());
            link.setAction(launch);
            document.getPage(0).getAnnotations().add(link);
        }), "link action of type Launch");
        assertRefused(build(document -> {
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setEmbeddedFile(new PDEmbeddedFile(document, new ByteArrayInputStream("MZ".getBytes())));
            files.setNames(Map.of("payload.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
        }), "embedded files");
    }

    @Test
    void linksToOtherFilesAndFormSubmissionOrImportAreRefused() {
        assertRefused(build(document -> document.getPage(0).getAnnotations().add(link(remoteGoTo()))),
                "link action of type GoToR");
        assertRefused(build(document -> {
            PDActionImportData importData = new PDActionImportData();
            importData.setFile(new PDSimpleFileSpecification(new COSString("data.fdf")));
            document.getPage(0).getAnnotations().add(link(importData));
        }), "link action of type ImportData");
        assertRefused(build(document -> {
            PDActionSubmitForm submit = new PDActionSubmitForm();
            submit.setFile(new PDSimpleFileSpecification(new COSString("https://collector.example/submit")));
            document.getPage(0).getAnnotations().add(link(submit));
        }), "link action of type SubmitForm");
        // also as the document's opening action, and hidden behind a harmless first action
        assertRefused(build(document -> document.getDocumentCatalog().setOpenAction(remoteGoTo())),
                "opening action of type GoToR");
        assertRefused(build(document -> {
            PDActionURI first = new PDActionURI();
            first.setURI("https://example.com/terms");
            first.getCOSObject().setItem(COSName.NEXT, remoteGoTo());
            document.getPage(0).getAnnotations().add(link(first));
        }), "link action of type GoToR");
    }

    @Test
    void actionsHiddenAnywhereInTheFileAndLinksToOtherThanTheWebAreRefused() {
        assertRefused(build(document -> {
            PDDocumentOutline outline = new PDDocumentOutline();
            PDOutlineItem bookmark = new PDOutlineItem();
            bookmark.setTitle("条款");
            bookmark.setAction(new PDActionJavaScript("app.alert('hi')"));
            outline.addLast(bookmark);
            document.getDocumentCatalog().setDocumentOutline(outline);
        }), "JavaScript");
        assertRefused(build(document -> {
            PDActionURI first = new PDActionURI();
            first.setURI("https://example.com/terms");
            first.getCOSObject().setItem(COSName.NEXT, new COSArray(List.of(remoteGoTo().getCOSObject())));
            document.getPage(0).getAnnotations().add(link(first));
        }), "link action of type GoToR");
        for (String target : List.of("javascript:alert(1)", "file:///etc/passwd", "\\\\host\\share\\x.exe")) {
            assertRefused(build(document -> {
                PDActionURI uri = new PDActionURI();
                uri.setURI(target);
                document.getPage(0).getAnnotations().add(link(uri));
            }), "address");
        }
        assertRefused(build(document -> {
            PDStream content = new PDStream(document, new ByteArrayInputStream(new byte[0]));
            content.getCOSObject().setString(COSName.F, "elsewhere.bin");
            document.getPage(0).setContents(content);
        }), "another file");
        assertRefused(build(document -> {
            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            PDTextField field = new PDTextField(form);
            field.setPartialName("amount");
            field.getCOSObject().setItem(COSName.AA, new COSDictionary());
            form.getFields().add(field);
        }), "actions that run by themselves");
    }

    private static PDActionRemoteGoTo remoteGoTo() {
        PDActionRemoteGoTo goTo = new PDActionRemoteGoTo();
        goTo.setFile(new PDSimpleFileSpecification(new COSString("other.pdf")));
        return goTo;
    }

    private static PDAnnotationLink link(PDAction action) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(50, 50, 100, 20));
        link.setAction(action);
        return link;
    }

    @Test
    void aWebLinkIsAccepted() {
        JsonNode answer = upload(build(document -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(50, 50, 100, 20));
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://example.com/terms");
            link.setAction(uri);
            document.getPage(0).getAnnotations().add(link);
        }));
        assertThat(answer.get("FileIds")).hasSize(1);
    }

    @Test
    void aDecompressionBombIsRefusedWithoutInflatingIt() {
        // 40 MB of zeros compress to about 40 KB; the page-content limit is 32 MB
        assertRefused(build(document -> {
            PDStream content = new PDStream(document, new ByteArrayInputStream(new byte[40 * 1024 * 1024]),
                    COSName.FLATE_DECODE);
            document.getPage(0).setContents(content);
        }), "inflates to more than");
    }

    @Test
    void anImageClaimingBillionsOfPixelsIsRefused() {
        assertRefused(build(document -> {
            PDImageXObject image = LosslessFactory.createFromImage(document,
                    new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB));
            image.getCOSObject().setInt(COSName.WIDTH, 100_000);
            image.getCOSObject().setInt(COSName.HEIGHT, 100_000);
            document.getPage(0).getResources().add(image);
        }), "pixels");
    }

    private interface Change {
        void apply(PDDocument document) throws IOException;
    }

    private static byte[] build(Change change) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            page.setResources(new org.apache.pdfbox.pdmodel.PDResources());
            document.addPage(page);
            change.apply(document);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
