package io.signflow.sealing;

import io.signflow.common.ComponentExtra;
import io.signflow.document.PageGeometry;
import io.signflow.sealing.SealingSources.Mark;
import io.signflow.sealing.SealingSources.Signature;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.springframework.stereotype.Component;

/**
 * Draws what was signed and filled into the contract's pages: seals, handwritten signatures, signing
 * dates and the values of fill controls, each at its control's page and box (tables, watermarks and
 * attachments: {@link FillControlMarks}). Seals and signatures are
 * scaled to fit their box keeping their proportions; a paging seal (骑缝章) is cut into one strip
 * per page along the right edge. The newer sign controls are drawn by {@link SignControlDrawing}; the
 * text of opinions and signing-approval parts like a fill control's.
 */
@Component
class FlowDocumentStamper {

    private static final float DEFAULT_FONT_SIZE = 12f;
    private static final String DEFAULT_DATE_FORMAT = "yyyy年m月d日";
    /** Text broken onto lines to fit its box: multi-line fills, a signing-approval comment, an opinion. */
    private static final Set<String> WRAPPED = Set.of("MULTI_LINE_TEXT", "SIGN_MULTI_LINE_TEXT", "SIGN_OPINION");

    /** Seals and signatures recur across an organization's and a group's contracts: encode each once. */
    private static final int CACHED_PICTURES = 64;
    private static final int MAX_CACHED_PICTURE_BYTES = 1 << 20;
    private final Map<ByteBuffer, FlateImages.Encoded> encodedPictures = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHED_PICTURES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ByteBuffer, FlateImages.Encoded> eldest) {
                    return size() > CACHED_PICTURES;
                }
            });

    /**
     * Draws into {@code document}. {@code pictures} holds, by id, the registered seals the signatures name
     * and the uploaded images FILL_IMAGE and ATTACHMENT controls name.
     */
    public void stamp(PDDocument document, List<PageGeometry> pages, List<Mark> marks,
                      Map<String, Signature> signatures, Map<String, byte[]> pictures, ZoneId zone) throws IOException {
        Map<ByteBuffer, PDImageXObject> images = new HashMap<>();
        FillControlMarks fillControls = new FillControlMarks(document, pages, pictures,
                picture -> image(document, images, picture));
        for (Mark mark : marks) {
            if (FillControlMarks.draws(mark.type())) {
                fillControls.draw(mark);
                continue;
            }
            Signature signature = mark.recipientId() == null ? null : signatures.get(mark.recipientId());
            switch (mark.type()) {
                case "SIGN_SEAL" -> {
                    byte[] seal = sealOf(signature, pictures);
                    if (seal != null) {
                        drawPicture(document, pages, mark, image(document, images, seal));
                    }
                }
                case "SIGN_PAGING_SEAL" -> {
                    byte[] seal = sealOf(signature, pictures);
                    if (seal != null) {
                        drawPagingSeal(document, pages, mark, image(document, images, seal));
                    }
                }
                case "SIGN_SIGNATURE" -> {
                    if (signature != null && signature.signaturePng() != null) {
                        drawPicture(document, pages, mark, image(document, images, signature.signaturePng()));
                    }
                }
                case "SIGN_DATE" -> {
                    if (signature != null) {
                        LocalDate day = signature.signedAt().atZoneSameInstant(zone).toLocalDate();
                        drawText(document, pages, mark, date(day, extra(mark, "Format", DEFAULT_DATE_FORMAT)), false);
                    }
                }
                case "SIGN_LEGAL_PERSON_SEAL", "SIGN_PAGING_SIGNATURE", "SIGN_VIRTUAL_COMBINATION" ->
                        SignControlDrawing.draw(document, pages, mark, signature, pictures,
                                png -> image(document, images, png));
                case "FILL_IMAGE" -> {
                    if (mark.value() != null && pictures.containsKey(mark.value())) {
                        drawPicture(document, pages, mark, image(document, images, pictures.get(mark.value())));
                    }
                }
                default -> {
                    if (mark.value() != null && !mark.value().isBlank()) {
                        drawText(document, pages, mark, shownValue(mark), WRAPPED.contains(mark.type()));
                    }
                }
            }
        }
    }

    private static byte[] sealOf(Signature signature, Map<String, byte[]> sealImages) {
        if (signature == null) {
            return null;
        }
        return signature.sealPng() != null ? signature.sealPng() : sealImages.get(signature.sealId());
    }

    private static String shownValue(Mark mark) {
        if (mark.type().equals("CHECK_BOX")) {
            return Boolean.parseBoolean(mark.value()) ? "☑" : "☐";
        }
        return mark.value();
    }

    static String date(LocalDate day, String format) {
        return format.replace("yyyy", String.valueOf(day.getYear()))
                .replace("m", String.valueOf(day.getMonthValue()))
                .replace("d", String.valueOf(day.getDayOfMonth()));
    }

    private static String extra(Mark mark, String field, String fallback) {
        return ComponentExtra.of(mark.extra()).text(field, fallback);
    }

    PDImageXObject image(PDDocument document, Map<ByteBuffer, PDImageXObject> inDocument, byte[] picture)
            throws IOException {
        ByteBuffer key = ByteBuffer.wrap(picture);
        PDImageXObject image = inDocument.get(key);
        if (image == null) {
            FlateImages.Encoded encoded = encodedPictures.get(key);
            if (encoded == null) {
                encoded = FlateImages.encodePng(picture);
                if (encoded != null && encoded.size() <= MAX_CACHED_PICTURE_BYTES) {
                    encodedPictures.put(key, encoded);
                }
            }
            image = encoded != null ? encoded.in(document) : PDImageXObject.createFromByteArray(document, picture, "picture");
            inDocument.put(key, image);
        }
        return image;
    }

    /** Scaled to fit the box, proportions kept, centred. */
    static void drawPicture(PDDocument document, List<PageGeometry> pages, Mark mark, PDImageXObject image)
            throws IOException {
        double scale = Math.min(mark.width() / image.getWidth(), mark.height() / image.getHeight());
        double w = image.getWidth() * scale;
        double h = image.getHeight() * scale;
        AffineTransform box = PagePlacement.box(pages.get(mark.pageNo() - 1),
                mark.x() + (mark.width() - w) / 2, mark.y() + (mark.height() - h) / 2, w, h);
        try (PDPageContentStream content = appendTo(document, document.getPage(mark.pageNo() - 1))) {
            content.transform(new Matrix(box));
            content.drawImage(image, 0, 0, (float) w, (float) h);
        }
    }

    private static void drawPagingSeal(PDDocument document, List<PageGeometry> pages, Mark mark, PDImageXObject image)
            throws IOException {
        int count = pages.size();
        float size = (float) Math.min(mark.width(), mark.height());
        float strip = size / count;
        for (int i = 0; i < count; i++) {
            PageGeometry page = pages.get(i);
            double y = Math.min(mark.y(), page.height() - size);
            AffineTransform box = PagePlacement.box(page, page.width() - strip, y, strip, size);
            try (PDPageContentStream content = appendTo(document, document.getPage(i))) {
                content.transform(new Matrix(box));
                content.addRect(0, 0, strip, size);
                content.clip();
                content.drawImage(image, -i * strip, 0, size, size);
            }
        }
    }

    private static void drawText(PDDocument document, List<PageGeometry> pages, Mark mark, String text, boolean wrap)
            throws IOException {
        float fontSize = parseFloat(extra(mark, "FontSize", null), DEFAULT_FONT_SIZE);
        PDImageXObject picture = FlateImages.of(document,
                TextImages.inBox(text, mark.width(), mark.height(), fontSize, wrap));
        AffineTransform box = PagePlacement.box(pages.get(mark.pageNo() - 1), mark.x(), mark.y(), mark.width(),
                mark.height());
        try (PDPageContentStream content = appendTo(document, document.getPage(mark.pageNo() - 1))) {
            content.transform(new Matrix(box));
            content.drawImage(picture, 0, 0, (float) mark.width(), (float) mark.height());
        }
    }

    private static float parseFloat(String text, float fallback) {
        try {
            return text == null ? fallback : Math.max(4f, Math.min(72f, Float.parseFloat(text)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Appended in its own graphics state, so the page's own content cannot shift or hide our marks. */
    static PDPageContentStream appendTo(PDDocument document, PDPage page) throws IOException {
        return new PDPageContentStream(document, page, AppendMode.APPEND, true, true);
    }
}
