package io.signflow.tenant;

import io.signflow.common.Fonts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * Draws a round red seal as a transparent PNG: the organization's name along the upper rim, a star in
 * the middle and the seal's name beneath it, the way Chinese company seals look. Used for seals
 * created through the admin API and for enterprise signers who have no seal yet. A legal
 * representative's seal is square instead, with their name and 印 read in columns from the right.
 */
@Component
public class SealImageRenderer {

    private static final int SIZE = 400;
    private static final Color SEAL_RED = new Color(0xD7, 0x19, 0x20);

    public byte[] render(String organizationName, String sealName) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(SEAL_RED);
            g.setStroke(new BasicStroke(12f));
            g.drawOval(8, 8, SIZE - 16, SIZE - 16);
            g.fill(star(SIZE / 2.0, SIZE / 2.0, 62, 24));
            drawRim(g, organizationName);
            Font nameFont = Fonts.forText(sealName, Font.BOLD, 34f);
            g.setFont(nameFont);
            int width = g.getFontMetrics().stringWidth(sealName);
            g.drawString(sealName, (SIZE - width) / 2, SIZE / 2 + 110);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /**
     * The legal representative's square seal: a two-character name reads 张三之印, a longer one its
     * characters and 印, set right to left in two columns (three for names of more than five characters).
     */
    public byte[] renderLegalPerson(String representative) {
        String text = representative.codePointCount(0, representative.length()) == 2 ? representative + "之印"
                : representative + "印";
        int[] chars = text.codePoints().toArray();
        int columns = chars.length > 6 ? 3 : chars.length > 1 ? 2 : 1;
        int rows = (chars.length + columns - 1) / columns;
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(SEAL_RED);
            g.setStroke(new BasicStroke(16f));
            g.drawRect(12, 12, SIZE - 24, SIZE - 24);
            double cellWidth = (SIZE - 72) / (double) columns;
            double cellHeight = (SIZE - 72) / (double) rows;
            float size = (float) Math.min(cellWidth, cellHeight) * 0.9f;
            g.setFont(Fonts.forText(text, Font.BOLD, size));
            var metrics = g.getFontMetrics();
            for (int i = 0; i < chars.length; i++) {
                String ch = new String(chars, i, 1);
                int column = columns - 1 - i / rows;
                int row = i % rows;
                double x = 36 + column * cellWidth + (cellWidth - metrics.stringWidth(ch)) / 2;
                double y = 36 + row * cellHeight + (cellHeight + metrics.getAscent() - metrics.getDescent()) / 2;
                g.drawString(ch, (float) x, (float) y);
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /** Characters spread over an arc of up to 240 degrees, centred on the top, each turned to face outwards. */
    private static void drawRim(Graphics2D g, String text) {
        int count = text.codePointCount(0, text.length());
        float size = count <= 12 ? 44f : Math.max(22f, 44f * 12 / count);
        g.setFont(Fonts.forText(text, Font.BOLD, size));
        double arc = Math.toRadians(Math.min(240, 20.0 * count));
        double step = count > 1 ? arc / (count - 1) : 0;
        double radius = SIZE / 2.0 - 24 - size * 0.85;
        AffineTransform base = g.getTransform();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            String ch = new String(codePoints, i, 1);
            double angle = -arc / 2 + i * step;
            g.setTransform(base);
            g.translate(SIZE / 2.0, SIZE / 2.0);
            g.rotate(angle);
            int w = g.getFontMetrics().stringWidth(ch);
            g.drawString(ch, -w / 2, (int) -radius);
        }
        g.setTransform(base);
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
