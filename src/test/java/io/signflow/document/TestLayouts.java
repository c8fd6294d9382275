package io.signflow.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/** The layout of a PDF made in a test, read as PdfLayouts reads an uploaded file. */
public final class TestLayouts {

    private TestLayouts() {
    }

    public static PdfLayout of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return PdfLayouts.read(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
