package io.signflow.sealing;

import io.signflow.document.PageGeometry;
import io.signflow.flowgroup.AttachmentValue;
import io.signflow.sealing.SealingSources.Mark;
import io.signflow.sealing.TextRuns.Align;
import io.signflow.sealing.TextRuns.Look;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * An ATTACHMENT's images as pages of the signed PDF, one A4 page each (turned sideways for a wide
 * image), right after the contract's own pages and before the certificate of completion, so the one
 * platform signature covers them and every reader shows and prints them. Each page is captioned
 * "附件 i/n · Attachment i of n"; the control's box on its page says which pages hold its attachments.
 * Pages rather than PDF file attachments: embedded files are what uploads are refused for (they travel
 * unseen), many readers hide them, and printing leaves them out.
 */
final class AttachmentPages {

    private static final float MARGIN = 36f;
    private static final float CAPTION = 12f;

    private AttachmentPages() {
    }

    static void append(PDDocument document, PageGeometry page, Mark mark, Map<String, byte[]> uploads,
                       FillControlMarks.Pictures pictures, PDType0Font font) throws IOException {
        List<String> ids = AttachmentValue.ids(mark.value()).stream().filter(uploads::containsKey).toList();
        if (ids.isEmpty()) {
            return;
        }
        int first = document.getNumberOfPages() + 1;
        for (int i = 0; i < ids.size(); i++) {
            PDImageXObject image = pictures.image(uploads.get(ids.get(i)));
            boolean wide = image.getWidth() > image.getHeight();
            PDRectangle size = wide ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                    : PDRectangle.A4;
            PDPage added = new PDPage(size);
            document.addPage(added);
            try (PDPageContentStream content = new PDPageContentStream(document, added)) {
                float top = size.getHeight() - MARGIN;
                TextRuns.show(content, font, "附件 " + (i + 1) + "/" + ids.size() + " · Attachment " + (i + 1) + " of "
                        + ids.size(), MARGIN, top - CAPTION * 1.5f, size.getWidth() - 2 * MARGIN, CAPTION * 1.5f,
                        Look.plain(CAPTION, Align.LEFT));
                float roomWidth = size.getWidth() - 2 * MARGIN;
                float roomHeight = top - CAPTION * 2.5f - MARGIN;
                float scale = Math.min(roomWidth / image.getWidth(), roomHeight / image.getHeight());
                float w = image.getWidth() * scale;
                float h = image.getHeight() * scale;
                content.drawImage(image, MARGIN + (roomWidth - w) / 2, MARGIN + (roomHeight - h) / 2, w, h);
            }
        }
        int last = first + ids.size() - 1;
        String pages = first == last ? String.valueOf(first) : first + "-" + last;
        try (PDPageContentStream content = FlowDocumentStamper.appendTo(document, document.getPage(mark.pageNo() - 1))) {
            content.transform(new Matrix(PagePlacement.box(page, mark.x(), mark.y(), mark.width(), mark.height())));
            TextRuns.show(content, font, "附件见第 " + pages + " 页 · attachments on page" + (first == last ? " " : "s ")
                    + pages, 0, 0, (float) mark.width(), (float) mark.height(), Look.plain(12f, Align.LEFT));
        }
    }
}
