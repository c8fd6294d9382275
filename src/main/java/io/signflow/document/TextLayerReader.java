package io.signflow.document;

import java.io.IOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF's text layer into lines of characters with their boxes. PDFBox's stripper does the
 * hard parts: it maps glyphs to Unicode (ToUnicode maps of CJK fonts included), sorts the glyphs of
 * separate show-text operations into reading order and groups them into lines, so a word drawn in
 * several runs reads as one word. Characters are NFKC-normalized, as keywords are, so that compatibility
 * forms some fonts map to (CJK radicals, full-width letters) still match.
 */
final class TextLayerReader extends PDFTextStripper {

    /** Where a glyph's box ends above and below its baseline when the font does not say, in font sizes. */
    private static final float DEFAULT_ASCENT = 0.8f;
    private static final float DEFAULT_DESCENT = -0.2f;

    private final List<TextLine> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final List<float[]> boxes = new ArrayList<>();
    private int page;

    private TextLayerReader() throws IOException {
        setSortByPosition(true);
    }

    static List<TextLine> read(PDDocument document) throws IOException {
        TextLayerReader reader = new TextLayerReader();
        reader.writeText(document, Writer.nullWriter());
        return List.copyOf(reader.lines);
    }

    @Override
    protected void startPage(PDPage pdPage) {
        page = getCurrentPageNo();
    }

    @Override
    protected void writeString(String ignored, List<TextPosition> positions) {
        for (TextPosition position : positions) {
            String unicode = Normalizer.normalize(position.getUnicode(), Normalizer.Form.NFKC);
            float[] box = box(position);
            for (int i = 0; i < unicode.length(); i++) {
                text.append(unicode.charAt(i));
                boxes.add(box);
            }
        }
    }

    @Override
    protected void writeWordSeparator() {
        if (!boxes.isEmpty()) {
            text.append(' ');
            boxes.add(boxes.get(boxes.size() - 1));
        }
    }

    @Override
    protected void writeLineSeparator() {
        finishLine();
    }

    @Override
    protected void endPage(PDPage pdPage) {
        finishLine();
    }

    private void finishLine() {
        if (text.isEmpty()) {
            return;
        }
        int n = boxes.size();
        float[] left = new float[n];
        float[] right = new float[n];
        float[] top = new float[n];
        float[] bottom = new float[n];
        for (int i = 0; i < n; i++) {
            float[] box = boxes.get(i);
            left[i] = box[0];
            right[i] = box[1];
            top[i] = box[2];
            bottom[i] = box[3];
        }
        lines.add(new TextLine(page, text.toString(), left, right, top, bottom));
        text.setLength(0);
        boxes.clear();
    }

    /**
     * The glyph's box in the page as a reader sees it: getX and getY are already turned by the page's
     * rotation and moved by its CropBox; getY is the baseline. Its height is the font's ascent and
     * descent at the glyph's size, which covers the glyph whatever its shape.
     */
    private static float[] box(TextPosition position) {
        float size = position.getFontSizeInPt();
        PDFontDescriptor descriptor = position.getFont().getFontDescriptor();
        float ascent = descriptor != null && descriptor.getAscent() > 0 ? descriptor.getAscent() / 1000 : DEFAULT_ASCENT;
        float descent = descriptor != null && descriptor.getDescent() < 0 ? descriptor.getDescent() / 1000
                : DEFAULT_DESCENT;
        float baseline = position.getY();
        return new float[] {position.getX(), position.getX() + position.getWidth(), baseline - ascent * size,
                baseline - descent * size};
    }
}
