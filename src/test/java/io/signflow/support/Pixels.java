package io.signflow.support;

import java.awt.image.BufferedImage;

/** Counts pixels of a rendered page inside a box, to tell where a mark was drawn. */
public final class Pixels {

    private Pixels() {
    }

    /** Seal red: strong red, little green and blue. */
    public static int red(BufferedImage image, int x, int y, int width, int height) {
        return count(image, x, y, width, height, (r, g, b) -> r > 150 && g < 100 && b < 100);
    }

    /** Ink: dark grey to black, as handwriting and drawn text are. */
    public static int dark(BufferedImage image, int x, int y, int width, int height) {
        return count(image, x, y, width, height, (r, g, b) -> r < 110 && g < 110 && b < 110);
    }

    private interface Colour {
        boolean matches(int r, int g, int b);
    }

    private static int count(BufferedImage image, int x, int y, int width, int height, Colour colour) {
        int count = 0;
        for (int py = Math.max(0, y); py < Math.min(image.getHeight(), y + height); py++) {
            for (int px = Math.max(0, x); px < Math.min(image.getWidth(), x + width); px++) {
                int rgb = image.getRGB(px, py);
                if (colour.matches(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff)) {
                    count++;
                }
            }
        }
        return count;
    }
}
