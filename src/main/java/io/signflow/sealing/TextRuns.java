package io.signflow.sealing;

import io.signflow.common.CjkPdfFont;
import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/** One line of real text, set in a box of the current frame (pt, Y up): shrunk to fit its width, never wrapped. */
final class TextRuns {

    /** Below this a text is unreadable anyway; it is clipped rather than shrunk further. */
    static final float MIN_SIZE = 3f;
    static final float PADDING = 2f;

    private TextRuns() {
    }

    enum Align { LEFT, CENTER, RIGHT }

    record Look(float size, Align align, Color color, boolean bold) {

        static Look plain(float size, Align align) {
            return new Look(size, align, Color.BLACK, false);
        }
    }

    static float width(PDType0Font font, String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** {@code text} in the box at ({@code x}, {@code y}) of {@code width} × {@code height}, vertically centred. */
    static void show(PDPageContentStream content, PDType0Font font, String text, float x, float y, float width,
                     float height, Look look) throws IOException {
        String shown = CjkPdfFont.printable(font, text);
        if (shown.isBlank()) {
            return;
        }
        float room = Math.max(1, width - 2 * PADDING);
        float size = Math.min(look.size(), height * 0.8f);
        float textWidth = width(font, shown, size);
        if (textWidth > room) {
            size = Math.max(MIN_SIZE, size * room / textWidth);
            textWidth = width(font, shown, size);
        }
        float left = switch (look.align()) {
            case LEFT -> x + PADDING;
            case CENTER -> x + (width - textWidth) / 2;
            case RIGHT -> x + width - PADDING - textWidth;
        };
        float baseline = y + (height - size) / 2 + size * 0.2f;
        content.saveGraphicsState();
        content.addRect(x, y, width, height);
        content.clip();
        content.setNonStrokingColor(look.color());
        if (look.bold()) {
            content.setStrokingColor(look.color());
            content.setLineWidth(size * 0.04f);
            content.setRenderingMode(RenderingMode.FILL_STROKE);
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(left, baseline);
        content.showText(shown);
        content.endText();
        content.restoreGraphicsState();
    }
}
