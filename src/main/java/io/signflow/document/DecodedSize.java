package io.signflow.document;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Bounds what a PDF inflates to when it is drawn. A few kilobytes of compressed zeros can decode to
 * gigabytes (a decompression bomb), and an image header can claim billions of pixels; either would
 * make rendering the signer page or sealing the contract exhaust memory. Page content is decoded once
 * here, counting bytes and stopping at the limit; images are judged by their declared size without
 * decoding them.
 */
final class DecodedSize {

    private static final int MAX_FORM_DEPTH = 8;

    private DecodedSize() {
    }

    static void check(PDDocument document, long maxContentBytes, long maxImagePixels) throws IOException {
        int number = 1;
        for (PDPage page : document.getPages()) {
            long decoded = 0;
            try (InputStream content = page.getContents()) {
                byte[] buffer = new byte[64 * 1024];
                for (int read; (read = content.read(buffer)) != -1; ) {
                    decoded += read;
                    if (decoded > maxContentBytes) {
                        throw new UnreadableDocument("page " + number + " inflates to more than " + maxContentBytes
                                + " bytes of content");
                    }
                }
            }
            checkImages(page.getResources(), maxImagePixels, number, 0);
            number++;
        }
    }

    private static void checkImages(PDResources resources, long maxPixels, int page, int depth) throws IOException {
        if (resources == null || depth > MAX_FORM_DEPTH) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image && (long) image.getWidth() * image.getHeight() > maxPixels) {
                throw new UnreadableDocument("page " + page + " holds an image of " + image.getWidth() + " × "
                        + image.getHeight() + " pixels; at most " + maxPixels + " are allowed");
            }
            if (object instanceof PDFormXObject form) {
                checkImages(form.getResources(), maxPixels, page, depth + 1);
            }
        }
    }
}
