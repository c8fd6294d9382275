package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import io.signflow.document.PageGeometry;
import io.signflow.flowgroup.WatermarkStyle;
import io.signflow.sealing.SealingSources.Mark;
import io.signflow.support.Pixels;
import io.signflow.support.TestPdfs;
import io.signflow.tenant.SealImageRenderer;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Tables, watermarks and attachments drawn into a contract: their text is real text a program reads
 * back, in the places the controls say; attachments become pages after the contract's own.
 */
class FillControlMarksTest {

    private static final List<PageGeometry> TWO_A4 = List.of(new PageGeometry(1, 595, 842, 0, 0, 0),
            new PageGeometry(2, 595, 842, 0, 0, 0));
    private static final String TABLE = "{\"headers\":[{\"content\":\"品名\"},{\"content\":\"数量\"}],\"rowCount\":2,"
            + "\"body\":{\"cells\":[{\"rowStart\":1,\"rowEnd\":1,\"columnStart\":1,\"columnEnd\":1,\"content\":\"钢材\"},"
            + "{\"rowStart\":1,\"rowEnd\":2,\"columnStart\":2,\"columnEnd\":2,\"content\":\"12吨\"},"
            + "{\"rowStart\":2,\"rowEnd\":2,\"columnStart\":1,\"columnEnd\":1,\"content\":\"Cement\"}]}}";
    private final FlowDocumentStamper stamper = new FlowDocumentStamper();

    @Test
    void aTableIsDrawnInItsBoxWithItsText() throws IOException {
        Mark table = new Mark("r1", "DYNAMIC_TABLE", 2, 50, 100, 300, 90, TABLE, null);
        try (PDDocument document = stamped(List.of(table), Map.of())) {
            assertThat(text(document, 2)).contains("品名", "数量", "钢材", "12吨", "Cement");
            assertThat(text(document, 1)).isBlank();
            BufferedImage page = new PDFRenderer(document).renderImage(1, 1f);
            assertThat(Pixels.dark(page, 45, 95, 310, 100)).isGreaterThan(500);
            assertThat(Pixels.dark(page, 0, 0, 595, 842)).isEqualTo(Pixels.dark(page, 45, 95, 310, 100));
        }
    }

    @Test
    void aWatermarkCoversEveryPageOfTheContract() throws IOException {
        Mark watermark = new Mark(null, "WATERMARK", 1, 10, 10, 100, 30, "仅供签署使用",
                "{\"FontSize\":24,\"Opacity\":0.4,\"Density\":2}");
        try (PDDocument document = stamped(List.of(watermark), Map.of())) {
            for (int page = 1; page <= 2; page++) {
                assertThat(text(document, page)).contains("仅供签署使用");
                BufferedImage picture = new PDFRenderer(document).renderImage(page - 1, 1f);
                // tiled: the top and the bottom half of the page both carry it
                assertThat(marked(picture, 0, 0, 595, 421)).isGreaterThan(500);
                assertThat(marked(picture, 0, 421, 595, 421)).isGreaterThan(500);
            }
        }
    }

    @Test
    void aWatermarkPlacedOnceStandsInItsCorner() {
        WatermarkStyle corner = new WatermarkStyle(20, 0.2, 0, 2, "RightBottom");
        List<Point2D> centres = WatermarkDrawing.centres(TWO_A4.get(0), corner, 100, 20);
        assertThat(centres).singleElement().satisfies(c -> {
            assertThat(c.getX()).isEqualTo(595 - 50 - 24.0);
            assertThat(c.getY()).isEqualTo(10 + 24.0);
        });
        assertThat(WatermarkDrawing.centres(TWO_A4.get(0), new WatermarkStyle(20, 0.2, 0, 3, "None"), 100, 20))
                .hasSizeGreaterThan(WatermarkDrawing.centres(TWO_A4.get(0),
                        new WatermarkStyle(20, 0.2, 0, 1, "None"), 100, 20).size());
    }

    @Test
    void attachmentsBecomePagesAfterTheContractAndTheBoxSaysWhichOnes() throws IOException {
        byte[] tall = new SealImageRenderer().render("附件一", "证明");
        Mark attachment = new Mark("r1", "ATTACHMENT", 1, 300, 700, 200, 30, "img1,img2", null);
        try (PDDocument document = stamped(List.of(attachment), Map.of("img1", tall, "img2", tall))) {
            assertThat(document.getNumberOfPages()).isEqualTo(4);
            assertThat(text(document, 1)).contains("附件见第 3-4 页");
            assertThat(text(document, 3)).contains("附件 1/2");
            assertThat(text(document, 4)).contains("附件 2/2");
            assertThat(Pixels.red(new PDFRenderer(document).renderImage(2, 1f), 0, 0, 595, 842)).isGreaterThan(1000);
        }
    }

    @Test
    void aControlLeftEmptyDrawsNothing() throws IOException {
        try (PDDocument document = stamped(List.of(new Mark("r1", "ATTACHMENT", 1, 0, 0, 10, 10, null, null),
                new Mark("r1", "DYNAMIC_TABLE", 1, 0, 0, 10, 10, null, null)), Map.of())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(text(document, 1)).isBlank();
        }
    }

    private PDDocument stamped(List<Mark> marks, Map<String, byte[]> pictures) throws IOException {
        PDDocument document = Loader.loadPDF(TestPdfs.a4(2));
        stamper.stamp(document, TWO_A4, marks, Map.of(), pictures, ZoneOffset.UTC);
        return document;
    }

    /** Pixels that are not white: a translucent grey text shows only as a lighter grey. */
    private static int marked(BufferedImage image, int x, int y, int width, int height) {
        int count = 0;
        for (int py = y; py < Math.min(image.getHeight(), y + height); py++) {
            for (int px = x; px < Math.min(image.getWidth(), x + width); px++) {
                if ((image.getRGB(px, py) & 0xff) < 245) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
