package io.signflow.sealing;

import io.signflow.common.CjkPdfFont;
import io.signflow.document.PageGeometry;
import io.signflow.sealing.SealingSources.Mark;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Draws the fill controls that are more than a value in a box, for one document being stamped: a
 * DYNAMIC_TABLE as a table in its box ({@link TableDrawing}), a WATERMARK over every page of the
 * contract ({@link WatermarkDrawing}), an ATTACHMENT's images as pages added after the contract's own
 * ({@link AttachmentPages}). Their text is real text in an embedded CJK font, so it can be searched and
 * read by a program; the font is loaded only when such a control has something to draw.
 */
final class FillControlMarks {

    private static final Set<String> TYPES = Set.of("DYNAMIC_TABLE", "WATERMARK", "ATTACHMENT");

    /** Turns a stored picture into an image of the document (the stamper's, which encodes each picture once). */
    interface Pictures {
        PDImageXObject image(byte[] picture) throws IOException;
    }

    private final PDDocument document;
    private final List<PageGeometry> pages;
    private final Map<String, byte[]> uploads;
    private final Pictures pictures;
    private PDType0Font font;

    /** {@code uploads}: the ATTACHMENT controls' images by id. */
    FillControlMarks(PDDocument document, List<PageGeometry> pages, Map<String, byte[]> uploads, Pictures pictures) {
        this.document = document;
        this.pages = pages;
        this.uploads = uploads;
        this.pictures = pictures;
    }

    static boolean draws(String type) {
        return TYPES.contains(type);
    }

    void draw(Mark mark) throws IOException {
        if (mark.value() == null || mark.value().isBlank()) {
            return;
        }
        switch (mark.type()) {
            case "DYNAMIC_TABLE" -> TableDrawing.draw(document, pages.get(mark.pageNo() - 1), mark, font());
            case "WATERMARK" -> WatermarkDrawing.draw(document, pages, mark, font());
            case "ATTACHMENT" -> AttachmentPages.append(document, pages.get(mark.pageNo() - 1), mark, uploads,
                    pictures, font());
            default -> throw new IllegalArgumentException("Not a control drawn here: " + mark.type());
        }
    }

    private PDType0Font font() throws IOException {
        if (font == null) {
            font = CjkPdfFont.load(document, "tables, watermarks and attachment pages cannot be drawn into the contract");
        }
        return font;
    }
}
