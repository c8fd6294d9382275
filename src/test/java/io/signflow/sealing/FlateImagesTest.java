package io.signflow.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** Pictures embedded by FlateImages look as they did: colours kept, transparent parts let the page show. */
class FlateImagesTest {

    @Test
    void aTransparentPngKeepsItsColoursAndLetsThePageShowThrough() throws IOException {
        BufferedImage picture = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(25, 25, 50, 50);
        g.dispose();

        BufferedImage page = renderOnBlue(document -> FlateImages.encodePng(png(picture)).in(document));

        assertThat(new Color(page.getRGB(50, 50))).isEqualTo(Color.RED);
        assertThat(new Color(page.getRGB(5, 5))).isEqualTo(Color.BLUE);
        assertThat(new Color(page.getRGB(95, 50))).isEqualTo(Color.BLUE);
    }

    @Test
    void anOpaquePictureHasNoMaskAndCoversThePage() throws IOException {
        BufferedImage picture = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 50, 100);
        g.dispose();

        try (PDDocument document = new PDDocument()) {
            assertThat(FlateImages.of(document, picture).getCOSObject().containsKey("SMask")).isFalse();
        }
        BufferedImage page = renderOnBlue(document -> FlateImages.of(document, picture));
        assertThat(new Color(page.getRGB(25, 50))).isEqualTo(Color.GREEN);
        assertThat(new Color(page.getRGB(75, 50))).isEqualTo(Color.WHITE);
    }

    @Test
    void aGrayPictureKeepsItsShades() throws IOException {
        BufferedImage picture = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 100, 50);
        g.dispose();

        BufferedImage page = renderOnBlue(document -> FlateImages.gray(document, picture));

        assertThat(new Color(page.getRGB(50, 25))).isEqualTo(Color.BLACK);
        assertThat(new Color(page.getRGB(50, 75))).isEqualTo(Color.WHITE);
    }

    private interface Embedding {
        PDImageXObject embed(PDDocument document) throws IOException;
    }

    /** A 100 × 100 pt blue page with the picture drawn over all of it, rendered at 72 dpi. */
    private static BufferedImage renderOnBlue(Embedding embedding) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(100, 100));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setNonStrokingColor(Color.BLUE);
                content.addRect(0, 0, 100, 100);
                content.fill();
                content.drawImage(embedding.embed(document), 0, 0, 100, 100);
            }
            return new PDFRenderer(document).renderImage(0, 1f);
        }
    }

    private static byte[] png(BufferedImage picture) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", out);
        return out.toByteArray();
    }
}
