package io.signflow.sealing;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Pictures as PDF images, Flate-compressed straight from their pixels at the fastest level, with the
 * alpha channel as a soft mask. PDFBox's own LosslessFactory (and createFromByteArray for PNGs, which
 * falls back to it for transparent ones) tries every PNG predictor on every row: it took most of the
 * sealing time, for seals, signatures, dates and certificate pages that compress well without.
 */
final class FlateImages {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    private FlateImages() {
    }

    /** A picture's compressed samples, ready to be placed in any number of documents. */
    record Encoded(int width, int height, boolean gray, byte[] samples, byte[] mask) {

        PDImageXObject in(PDDocument document) throws IOException {
            PDImageXObject image = image(document, samples, width, height,
                    gray ? PDDeviceGray.INSTANCE : PDDeviceRGB.INSTANCE);
            if (mask != null) {
                image.getCOSObject().setItem(COSName.SMASK, image(document, mask, width, height, PDDeviceGray.INSTANCE));
            }
            return image;
        }

        int size() {
            return samples.length + (mask == null ? 0 : mask.length);
        }
    }

    /** A stored picture, or null when it is not a PNG (a JPEG goes in as it is, see PDImageXObject). */
    static Encoded encodePng(byte[] picture) throws IOException {
        if (!isPng(picture)) {
            return null;
        }
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(picture));
        if (decoded == null) {
            throw new IOException("Unreadable PNG picture");
        }
        return encode(decoded);
    }

    /** An 8-bit gray picture (TYPE_BYTE_GRAY), from its raster's bytes as they are. */
    static PDImageXObject gray(PDDocument document, BufferedImage picture) throws IOException {
        byte[] pixels = ((DataBufferByte) picture.getRaster().getDataBuffer()).getData();
        return new Encoded(picture.getWidth(), picture.getHeight(), true, deflate(pixels), null).in(document);
    }

    /** Any picture as RGB, with a soft mask when it has transparent pixels. */
    static PDImageXObject of(PDDocument document, BufferedImage picture) throws IOException {
        return encode(picture).in(document);
    }

    static Encoded encode(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        int[] argb = picture.getRGB(0, 0, width, height, null, 0, width);
        byte[] rgb = new byte[argb.length * 3];
        byte[] alpha = new byte[argb.length];
        boolean transparent = false;
        for (int i = 0; i < argb.length; i++) {
            int pixel = argb[i];
            rgb[3 * i] = (byte) (pixel >> 16);
            rgb[3 * i + 1] = (byte) (pixel >> 8);
            rgb[3 * i + 2] = (byte) pixel;
            alpha[i] = (byte) (pixel >>> 24);
            transparent |= alpha[i] != (byte) 0xFF;
        }
        return new Encoded(width, height, false, deflate(rgb), transparent ? deflate(alpha) : null);
    }

    private static PDImageXObject image(PDDocument document, byte[] compressed, int width, int height,
                                        PDColorSpace colorSpace) throws IOException {
        return new PDImageXObject(document, new ByteArrayInputStream(compressed), COSName.FLATE_DECODE,
                width, height, 8, colorSpace);
    }

    private static byte[] deflate(byte[] samples) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, samples.length / 8));
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 64 * 1024)) {
            out.write(samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    private static boolean isPng(byte[] picture) {
        if (picture.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (picture[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }
}
