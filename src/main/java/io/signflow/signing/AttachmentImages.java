package io.signflow.signing;

import io.signflow.common.RequestRejected;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What a signer may upload for an ATTACHMENT control: a PNG or JPEG image (ESS: "JPG或PNG图片") that
 * really is one. The bytes must start as the format does, its header must give a size within the pixel
 * limit that uploaded PDFs' images have, and it must decode — read at a fraction of its resolution, so
 * checking a large photo costs little memory — since it is drawn into the signed PDF later, when
 * nobody can be asked for another.
 */
final class AttachmentImages {

    /** Decoding for the check stops at about this many pixels. */
    private static final long CHECKED_PIXELS = 1_000_000;

    private AttachmentImages() {
    }

    /** The image's media type, image/png or image/jpeg; refuses anything else. */
    static String check(byte[] content, long maxPixels) {
        String format = format(content);
        if (format == null) {
            throw unreadable();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > maxPixels) {
                    throw RequestRejected.badRequest("The image has " + pixels + " pixels; at most " + maxPixels
                            + " are allowed.");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) pixels / CHECKED_PIXELS)));
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RequestRejected rejected) {
                throw rejected;
            }
            throw unreadable();
        }
        return "png".equals(format) ? "image/png" : "image/jpeg";
    }

    private static String format(byte[] content) {
        if (content.length > 8 && (content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N'
                && content[3] == 'G') {
            return "png";
        }
        if (content.length > 3 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xD8) {
            return "jpeg";
        }
        return null;
    }

    private static RequestRejected unreadable() {
        return RequestRejected.badRequest("Upload a JPG or PNG image; this file is not one that can be read.");
    }
}
