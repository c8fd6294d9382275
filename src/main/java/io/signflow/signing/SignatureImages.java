package io.signflow.signing;

import io.signflow.common.RequestRejected;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Component;

/**
 * Checks a handwritten signature drawn on the signer page: a PNG (data URL or plain base64) of
 * reasonable size with actual ink on it, so that an empty canvas cannot sign. The size is read from
 * the PNG header before anything is decoded: a few hundred bytes can declare billions of pixels,
 * and decoding those would exhaust memory.
 */
@Component
class SignatureImages {

    private static final int MIN_INK_PIXELS = 40;
    static final int MIN_WIDTH = 50;
    static final int MIN_HEIGHT = 20;
    static final int MAX_SIDE = 4000;
    private final long maxBytes;

    public SignatureImages(SigningProperties properties) {
        this.maxBytes = properties.maxSignatureSize().toBytes();
    }

    public byte[] decode(String image) {
        if (image == null || image.isBlank()) {
            throw RequestRejected.badRequest("Draw your signature first.");
        }
        String base64 = image.startsWith("data:image/png;base64,") ? image.substring(22) : image;
        byte[] png;
        try {
            png = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw RequestRejected.badRequest("The signature is not a PNG image.");
        }
        if (png.length > maxBytes) {
            throw RequestRejected.badRequest("The signature image is larger than " + maxBytes + " bytes.");
        }
        if (!hasInk(read(png))) {
            throw RequestRejected.badRequest("The signature is empty; draw your signature.");
        }
        return png;
    }

    private static BufferedImage read(byte[] png) {
        boolean isPng = png.length > 8 && (png[0] & 0xff) == 0x89 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G';
        if (!isPng) {
            throw RequestRejected.badRequest("The signature is not a PNG image.");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            try {
                reader.setInput(in, true, true);
                checkSize(reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RequestRejected rejected) {
                throw rejected;
            }
            throw RequestRejected.badRequest("The signature is not a PNG image.");
        }
    }

    private static void checkSize(int width, int height) {
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw RequestRejected.badRequest("The signature image is " + width + " × " + height + " pixels; at most "
                    + MAX_SIDE + " × " + MAX_SIDE + " are accepted.");
        }
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            throw RequestRejected.badRequest("The signature image is " + width + " × " + height + " pixels; draw it "
                    + "on a canvas of at least " + MIN_WIDTH + " × " + MIN_HEIGHT + ".");
        }
    }

    /** Dark, opaque pixels: strokes, not a white or transparent background. */
    private static boolean hasInk(BufferedImage image) {
        int ink = 0;
        int step = Math.max(1, Math.min(image.getWidth(), image.getHeight()) / 200);
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                int brightness = ((argb >> 16 & 0xff) + (argb >> 8 & 0xff) + (argb & 0xff)) / 3;
                if (alpha > 128 && brightness < 160 && ++ink >= MIN_INK_PIXELS) {
                    return true;
                }
            }
        }
        return false;
    }
}
