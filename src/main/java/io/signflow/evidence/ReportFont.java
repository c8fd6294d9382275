package io.signflow.evidence;

import io.signflow.common.CjkPdfFont;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The font an evidence report is written in. Unlike the certificate of completion, which draws its
 * text as pictures, the report is real text — searchable, copyable, and its ids and hashes can be
 * extracted by a program — so it embeds an installed CJK font ({@link CjkPdfFont}).
 */
final class ReportFont {

    private ReportFont() {
    }

    static PDType0Font load(PDDocument document) throws IOException {
        return CjkPdfFont.load(document, "the evidence report cannot be written");
    }
}
