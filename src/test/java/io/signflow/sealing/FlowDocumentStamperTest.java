package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.signflow.document.DocumentProperties;
import io.signflow.document.PageGeometry;
import io.signflow.document.PdfInspector;
import io.signflow.sealing.SealingSources.Mark;
import io.signflow.sealing.SealingSources.Signature;
import io.signflow.support.Pixels;
import io.signflow.support.TestPdfs;
import io.signflow.tenant.SealImageRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/**
 * Marks land where the reader sees the control, upright, whatever the page's rotation: the page is
 * rendered as a reader would and the seal's red is looked for inside the control's box and nowhere
 * else.
 */
class FlowDocumentStamperTest {

    private static final byte[] SEAL = new SealImageRenderer().render("测试有限公司", "合同专用章");
    private final FlowDocumentStamper stamper = new FlowDocumentStamper();
    private final PdfInspector inspector = new PdfInspector(new DocumentProperties(DataSize.ofMegabytes(60),
            DataSize.ofMegabytes(5), 1000, Duration.ofHours(1), DataSize.ofMegabytes(64), DataSize.ofMegabytes(256),
            DataSize.ofMegabytes(32), 40_000_000));

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void aSealIsDrawnInsideItsBoxOnAPageWithAnyRotation(int rotation) throws IOException {
        byte[] pdf = TestPdfs.pages(PDRectangle.A4, 1, rotation);
        List<PageGeometry> pages = inspector.inspect(pdf);
        Mark seal = new Mark("r1", "SIGN_SEAL", 1, 60, 80, 120, 120, null, null);

        BufferedImage page = renderAfterStamping(pdf, pages, List.of(seal));

        assertThat((double) page.getWidth()).isCloseTo(pages.get(0).width(), within(1.0));
        assertThat(Pixels.red(page, 60, 80, 120, 120)).isGreaterThan(500);
        assertThat(Pixels.red(page, 0, 0, page.getWidth(), page.getHeight())).isEqualTo(Pixels.red(page, 60, 80, 120, 120));
        // upright: the organization's name runs along the top of the seal, so its upper half holds more red
        assertThat(Pixels.red(page, 60, 80, 120, 60)).isGreaterThan(Pixels.red(page, 60, 140, 120, 60));
    }

    @Test
    void aPagingSealIsCutIntoOneStripPerPageAtTheRightEdge() throws IOException {
        byte[] pdf = TestPdfs.a4(3);
        List<PageGeometry> pages = inspector.inspect(pdf);
        Mark paging = new Mark("r1", "SIGN_PAGING_SEAL", 1, 400, 300, 120, 120, null, null);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            stamper.stamp(document, pages, List.of(paging), Map.of("r1", signature()), Map.of(), ZoneOffset.UTC);
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < 3; i++) {
                BufferedImage page = renderer.renderImage(i, 1f);
                int stripLeft = page.getWidth() - 40;
                assertThat(Pixels.red(page, stripLeft, 300, 40, 120)).as("page %d", i + 1).isGreaterThan(100);
                assertThat(Pixels.red(page, 0, 0, stripLeft - 1, page.getHeight())).isZero();
            }
        }
    }

    @Test
    void datesFollowTheControlsFormat() {
        LocalDate day = LocalDate.of(2026, 3, 7);
        assertThat(FlowDocumentStamper.date(day, "yyyy年m月d日")).isEqualTo("2026年3月7日");
        assertThat(FlowDocumentStamper.date(day, "yyyy-m-d")).isEqualTo("2026-3-7");
        assertThat(FlowDocumentStamper.date(day, "yyyy/m/d")).isEqualTo("2026/3/7");
    }

    private BufferedImage renderAfterStamping(byte[] pdf, List<PageGeometry> pages, List<Mark> marks) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            stamper.stamp(document, pages, marks, Map.of("r1", signature()), Map.of(), ZoneId.of("Asia/Shanghai"));
            return new PDFRenderer(document).renderImage(0, 1f);
        }
    }

    private static Signature signature() {
        return new Signature("r1", null, "测试有限公司", null, 3, "AUTO_SEAL", null, null, SEAL, "AUTO_SIGN", null,
                OffsetDateTime.now(ZoneOffset.UTC), null, null);
    }
}
