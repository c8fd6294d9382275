package io.signflow.signing;

import io.signflow.common.Fonts;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * A signature generated from the signer's name (ESS's SYSTEM_ESIGN, 系统签名): the name in dark ink on
 * a transparent picture the size of the signer page's pad, for signers who may not or need not draw one.
 */
@Component
class NameSignatures {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 240;

    byte[] render(String name) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0x10, 0x10, 0x10));
            float size = 150f;
            g.setFont(Fonts.forText(name, Font.BOLD, size));
            FontMetrics metrics = g.getFontMetrics();
            while (metrics.stringWidth(name) > WIDTH - 40 && size > 20) {
                size -= 10;
                g.setFont(Fonts.forText(name, Font.BOLD, size));
                metrics = g.getFontMetrics();
            }
            g.drawString(name, (WIDTH - metrics.stringWidth(name)) / 2,
                    (HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
