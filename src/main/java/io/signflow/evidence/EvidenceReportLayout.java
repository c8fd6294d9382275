package io.signflow.evidence;

import io.signflow.common.CjkPdfFont;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Sets lines of text on A4 pages: wrapped at any character (Chinese has no spaces, hashes are long),
 * as many pages as needed, each numbered "n / total". The result is an unsigned PDF.
 */
final class EvidenceReportLayout {

    static final float TITLE = 15f;
    static final float HEADING = 11f;
    static final float BODY = 8.5f;
    private static final float MARGIN = 48f;
    private static final float LEADING = 1.5f;

    /** A line of the report; {@code indent} in pt. */
    record Line(String text, float size, float indent) {
    }

    /** The PDF and how many pages it has. */
    record Laid(byte[] pdf, int pages) {
    }

    private EvidenceReportLayout() {
    }

    static Laid lay(List<Line> lines, String title) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(title);
            PDType0Font font = ReportFont.load(document);
            List<List<Line>> pages = paginate(wrap(lines, font));
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                    write(stream, font, pages.get(i), (i + 1) + " / " + pages.size());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return new Laid(out.toByteArray(), pages.size());
        }
    }

    private static List<Line> wrap(List<Line> lines, PDType0Font font) throws IOException {
        List<Line> wrapped = new ArrayList<>();
        for (Line line : lines) {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN - line.indent();
            StringBuilder part = new StringBuilder();
            for (int cp : line.text().codePoints().map(cp -> CjkPdfFont.printable(font, cp)).toArray()) {
                String next = part + Character.toString(cp);
                if (font.getStringWidth(next) / 1000 * line.size() > width && part.length() > 0) {
                    wrapped.add(new Line(part.toString(), line.size(), line.indent()));
                    part.setLength(0);
                }
                part.appendCodePoint(cp);
            }
            wrapped.add(new Line(part.toString(), line.size(), line.indent()));
        }
        return wrapped;
    }

    private static List<List<Line>> paginate(List<Line> lines) {
        float usable = PDRectangle.A4.getHeight() - 2 * MARGIN;
        List<List<Line>> pages = new ArrayList<>();
        List<Line> page = new ArrayList<>();
        float used = 0;
        for (Line line : lines) {
            float height = line.size() * LEADING;
            if (used + height > usable) {
                pages.add(page);
                page = new ArrayList<>();
                used = 0;
            }
            page.add(line);
            used += height;
        }
        pages.add(page);
        return pages;
    }

    private static void write(PDPageContentStream stream, PDType0Font font, List<Line> lines, String footer)
            throws IOException {
        float y = PDRectangle.A4.getHeight() - MARGIN;
        for (Line line : lines) {
            y -= line.size() * LEADING;
            if (!line.text().isEmpty()) {
                text(stream, font, line.size(), MARGIN + line.indent(), y, line.text());
            }
        }
        float footerWidth = font.getStringWidth(footer) / 1000 * BODY;
        text(stream, font, BODY, PDRectangle.A4.getWidth() - MARGIN - footerWidth, MARGIN / 2, footer);
    }

    private static void text(PDPageContentStream stream, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }
}
