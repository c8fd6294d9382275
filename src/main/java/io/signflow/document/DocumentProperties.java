package io.signflow.document;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits for uploaded files ({@code signflow.files.*}).
 *
 * @param maxDocumentSize largest PDF (ESS: 60 MB; the 10 MB request cap binds first for one upload)
 * @param maxImageSize    largest JPG/PNG (ESS: 5 MB)
 * @param maxPages        longest PDF accepted
 * @param documentTtl     how long an uploaded file can start new contracts (ESS: about an hour)
 * @param pdfMainMemory   memory PDFBox may use per document before spilling to scratch files
 * @param pdfMaxScratch   total memory and scratch space PDFBox may use per document
 * @param maxDecodedPageContent largest a page's content may inflate to (a decompression bomb is refused)
 * @param maxImagePixels  most pixels one image in a PDF may have (rendering decodes it whole)
 */
@ConfigurationProperties("signflow.files")
public record DocumentProperties(
        @DefaultValue("60MB") DataSize maxDocumentSize,
        @DefaultValue("5MB") DataSize maxImageSize,
        @DefaultValue("1000") int maxPages,
        @DefaultValue("1h") Duration documentTtl,
        @DefaultValue("64MB") DataSize pdfMainMemory,
        @DefaultValue("256MB") DataSize pdfMaxScratch,
        @DefaultValue("32MB") DataSize maxDecodedPageContent,
        @DefaultValue("40000000") long maxImagePixels) {
}
