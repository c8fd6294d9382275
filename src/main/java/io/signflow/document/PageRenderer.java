package io.signflow.document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Pictures of PDF pages for the signer page, at 1.5 pt per pixel (sharp on a phone, about 900 px
 * wide for A4). Rendering costs tens of milliseconds, so recent pages are kept in a bounded cache.
 */
@Component
public class PageRenderer {

    private static final float SCALE = 1.5f;
    private final FileRepository files;
    private final DocumentProperties properties;
    private final Cache<String, byte[]> cache = Caffeine.newBuilder().maximumWeight(64L * 1024 * 1024)
            .<String, byte[]>weigher((key, png) -> png.length).build();

    public PageRenderer(FileRepository files, DocumentProperties properties) {
        this.files = files;
        this.properties = properties;
    }

    public byte[] png(String fileId, int page) {
        return cache.get(fileId + "/" + page, key -> render(fileId, page));
    }

    private byte[] render(String fileId, int page) {
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(properties.pdfMainMemory().toBytes(),
                properties.pdfMaxScratch().toBytes());
        try (PDDocument document = Loader.loadPDF(files.content(fileId), "", null, null, memory.streamCache)) {
            BufferedImage image = new PDFRenderer(document).renderImage(page - 1, SCALE, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render page " + page + " of file " + fileId, e);
        }
    }
}
