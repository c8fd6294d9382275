package io.signflow.sealing;

import io.signflow.document.PageGeometry;
import io.signflow.sealing.SealingSources.Mark;
import io.signflow.sealing.SealingSources.Signature;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws the sign controls beyond seal, signature and date: the legal representative's seal in its box,
 * the paging signature (the signer's signature cut into one strip per page along the right edge, like
 * a paging seal), and nothing for a signing-approval combination, whose parts are drawn as the controls
 * they are.
 */
final class SignControlDrawing {

    /** The document's picture of a PNG, each embedded once. */
    interface Pictures {
        PDImageXObject of(byte[] png) throws IOException;
    }

    private SignControlDrawing() {
    }

    static void draw(PDDocument document, List<PageGeometry> pages, Mark mark, Signature signature,
                     Map<String, byte[]> registered, Pictures pictures) throws IOException {
        if (signature == null) {
            return;
        }
        switch (mark.type()) {
            case "SIGN_LEGAL_PERSON_SEAL" -> {
                // the seal the signer applied, or for an auto-signer the one named on the control
                String sealId = signature.legalPersonSealId() != null ? signature.legalPersonSealId() : mark.value();
                byte[] seal = sealId == null ? null : registered.get(sealId);
                if (seal != null) {
                    FlowDocumentStamper.drawPicture(document, pages, mark, pictures.of(seal));
                }
            }
            case "SIGN_PAGING_SIGNATURE" -> {
                if (signature.signaturePng() != null) {
                    drawAcrossPages(document, pages, mark, pictures.of(signature.signaturePng()));
                }
            }
            default -> {
                // SIGN_VIRTUAL_COMBINATION: its parts are controls of their own
            }
        }
    }

    /**
     * The picture scaled to fit the box (proportions kept) and cut into as many vertical strips as the
     * document has pages, strip i at the right edge of page i, at the box's height on the page.
     */
    private static void drawAcrossPages(PDDocument document, List<PageGeometry> pages, Mark mark,
                                        PDImageXObject image) throws IOException {
        double scale = Math.min(mark.width() / image.getWidth(), mark.height() / image.getHeight());
        float width = (float) (image.getWidth() * scale);
        float height = (float) (image.getHeight() * scale);
        int count = pages.size();
        float strip = width / count;
        for (int i = 0; i < count; i++) {
            PageGeometry page = pages.get(i);
            double y = Math.min(mark.y() + (mark.height() - height) / 2, page.height() - height);
            AffineTransform box = PagePlacement.box(page, page.width() - strip, y, strip, height);
            try (PDPageContentStream content = FlowDocumentStamper.appendTo(document, document.getPage(i))) {
                content.transform(new Matrix(box));
                content.addRect(0, 0, strip, height);
                content.clip();
                content.drawImage(image, -i * strip, 0, width, height);
            }
        }
    }
}
