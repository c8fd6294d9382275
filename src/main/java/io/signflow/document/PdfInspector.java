package io.signflow.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded PDF for real and records what placing components needs: how many pages, and
 * each page's visible size. Refuses what cannot become a contract: not a PDF, damaged beyond repair,
 * encrypted, empty, longer than the page limit, carrying active content ({@link ActiveContent}), or
 * inflating beyond the limits for page content and images ({@link DecodedSize}), which would make
 * rendering and sealing it unbounded. PDFBox works in a bounded amount of memory.
 */
@Component
public class PdfInspector {

    private final DocumentProperties properties;

    public PdfInspector(DocumentProperties properties) {
        this.properties = properties;
    }

    public List<PageGeometry> inspect(byte[] pdf) {
        if (!startsWithPdfHeader(pdf)) {
            throw new UnreadableDocument("is not a PDF file");
        }
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(properties.pdfMainMemory().toBytes(),
                properties.pdfMaxScratch().toBytes());
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null, memory.streamCache)) {
            if (document.isEncrypted()) {
                throw new UnreadableDocument("is encrypted; upload it without a password or permissions");
            }
            int count = document.getNumberOfPages();
            if (count == 0) {
                throw new UnreadableDocument("has no pages");
            }
            if (count > properties.maxPages()) {
                throw new UnreadableDocument("has " + count + " pages; at most " + properties.maxPages() + " are allowed");
            }
            String active = ActiveContent.find(document);
            if (active != null) {
                throw new UnreadableDocument("contains " + active + "; contracts may not carry active content");
            }
            if (!document.getSignatureDictionaries().isEmpty()) {
                // sealing rewrites the pages, which would break these signatures in the final PDF
                throw new UnreadableDocument("already carries digital signatures; upload the unsigned original");
            }
            DecodedSize.check(document, properties.maxDecodedPageContent().toBytes(), properties.maxImagePixels());
            List<PageGeometry> pages = new ArrayList<>(count);
            int number = 1;
            for (PDPage page : document.getPages()) {
                pages.add(geometry(number++, page));
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocument("is protected by a password");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableDocument unreadable) {
                throw unreadable;
            }
            throw new UnreadableDocument("is damaged and cannot be read as a PDF");
        }
    }

    static PageGeometry geometry(int number, PDPage page) {
        PDRectangle crop = page.getCropBox();
        int rotation = Math.floorMod(page.getRotation(), 360);
        boolean turned = rotation == 90 || rotation == 270;
        double width = turned ? crop.getHeight() : crop.getWidth();
        double height = turned ? crop.getWidth() : crop.getHeight();
        return new PageGeometry(number, width, height, rotation, crop.getLowerLeftX(), crop.getLowerLeftY());
    }

    private static boolean startsWithPdfHeader(byte[] data) {
        // the header may follow up to 1 KB of junk, as readers tolerate
        int limit = Math.min(data.length - 5, 1024);
        for (int i = 0; i < limit; i++) {
            if (data[i] == '%' && data[i + 1] == 'P' && data[i + 2] == 'D' && data[i + 3] == 'F' && data[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }
}
