package io.signflow.document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * The text lines and form widgets of uploaded PDFs, read once per file. An uploaded file is never
 * changed and starts contracts for about an hour, and integrators typically start many groups from
 * one upload; reading its text layer costs far more than the rest of creating a group, so layouts are
 * kept per FileId, bounded in size and forgotten after the file's useful life. Each node keeps its own.
 */
@Component
public class PdfLayouts {

    private final FileRepository files;
    private final DocumentProperties properties;
    private final Cache<String, PdfLayout> cache;

    public PdfLayouts(FileRepository files, DocumentProperties properties) {
        this.files = files;
        this.properties = properties;
        this.cache = Caffeine.newBuilder().maximumWeight(64L * 1024 * 1024)
                .<String, PdfLayout>weigher((id, layout) -> layout.weight())
                .expireAfterAccess(properties.documentTtl()).build();
    }

    public PdfLayout of(String fileId) {
        return cache.get(fileId, this::read);
    }

    private PdfLayout read(String fileId) {
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(properties.pdfMainMemory().toBytes(),
                properties.pdfMaxScratch().toBytes());
        try (PDDocument document = Loader.loadPDF(files.content(fileId), "", null, null, memory.streamCache)) {
            return read(document);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the layout of file " + fileId, e);
        }
    }

    static PdfLayout read(PDDocument document) throws IOException {
        return new PdfLayout(TextLayerReader.read(document), FormWidgetReader.read(document));
    }
}
