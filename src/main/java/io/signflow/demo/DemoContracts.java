package io.signflow.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Two-page A4 sample contracts for the demo data, drawn with a standard font so no font file is needed. */
final class DemoContracts {

    private DemoContracts() {
    }

    static byte[] render(int number) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int page = 1; page <= 2; page++) {
                PDPage pdPage = new PDPage(PDRectangle.A4);
                document.addPage(pdPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
                    float top = PDRectangle.A4.getHeight();
                    text(content, bold, 18, 56, top - 60, "Sample contract " + number + " (page " + page + " of 2)");
                    String[] lines = {
                        "This is a demonstration document of the Signflow e-signature service.",
                        "The parties named in the contract group sign it with seals and signatures",
                        "placed by the integrator's sign controls. The signed file carries a",
                        "PDF digital signature that any reader can verify.",
                    };
                    for (int i = 0; i < lines.length; i++) {
                        text(content, regular, 11, 56, top - 330 - 16 * i, lines[i]);
                    }
                    text(content, regular, 9, 56, 40, "Signflow demo - contract " + number);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
