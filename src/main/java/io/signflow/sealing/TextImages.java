package io.signflow.sealing;

import io.signflow.common.Fonts;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Text as a transparent picture. Contracts and names are often Chinese, and no PDF standard font
 * holds those glyphs; drawing the text with an installed CJK font (see {@link Fonts}) and placing the
 * picture works with any PDF and needs no font embedding.
 */
final class TextImages {

    /** Pixels per pt: sharp when printed. */
    static final float RESOLUTION = 4f;

    private TextImages() {
    }

    /** {@code text} in a box of the given size in pt, wrapped onto lines if {@code wrap}, vertically centred otherwise. */
    static BufferedImage inBox(String text, double width, double height, float fontSize, boolean wrap) {
        int pixelWidth = Math.max(1, (int) Math.ceil(width * RESOLUTION));
        int pixelHeight = Math.max(1, (int) Math.ceil(height * RESOLUTION));
        BufferedImage image = new BufferedImage(pixelWidth, pixelHeight, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            float size = Math.min(fontSize, (float) height) * RESOLUTION;
            g.setFont(Fonts.forText(text, Font.PLAIN, size));
            FontMetrics metrics = g.getFontMetrics();
            List<String> lines = wrap ? wrap(text, metrics, pixelWidth) : List.of(text);
            int lineHeight = metrics.getHeight();
            int top = wrap ? 0 : Math.max(0, (pixelHeight - lineHeight) / 2);
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), 0, top + i * lineHeight + metrics.getAscent());
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Breaks at any character: Chinese has no spaces to break at. */
    static List<String> wrap(String text, FontMetrics metrics, int maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (int cp : paragraph.codePoints().toArray()) {
                String next = line + Character.toString(cp);
                if (metrics.stringWidth(next) > maxWidth && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
