package io.signflow.evidence;

import java.io.IOException;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The font an evidence report is written in. Unlike the certificate of completion, which draws its
 * text as pictures, the report is real text — searchable, copyable, and its ids and hashes can be
 * extracted by a program — so it embeds (a subset of) an installed TrueType CJK font. PDFBox's own font
 * finder looks in the system's font directories; CFF-based OpenType fonts (Noto CJK) cannot be embedded
 * this way, so TrueType ones come first (Debian: fonts-wqy-microhei).
 */
final class ReportFont {

    private static final List<String> CANDIDATES = List.of("WenQuanYiMicroHei", "WenQuanYiZenHei",
            "DroidSansFallbackFull", "DroidSansFallback", "SimHei", "SimSun", "MicrosoftYaHei", "ARPLUMingCN");
    /** 签, as in 签署: a font that has it has the rest of common Chinese. */
    private static final int PROBE = 0x7B7E;

    private ReportFont() {
    }

    static PDType0Font load(PDDocument document) throws IOException {
        for (String name : CANDIDATES) {
            FontMapping<TrueTypeFont> mapping = FontMappers.instance().getTrueTypeFont(name, null);
            TrueTypeFont font = mapping == null ? null : mapping.getFont();
            if (font != null && !mapping.isFallback() && font.getUnicodeCmapLookup().getGlyphId(PROBE) != 0) {
                return PDType0Font.load(document, font, true);
            }
        }
        throw new IOException("No TrueType font with Chinese characters is installed (Debian: fonts-wqy-microhei); "
                + "the evidence report cannot be written");
    }
}
