package io.signflow.common;

import java.io.IOException;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An installed TrueType CJK font embedded (as a subset) in a PDF, for real text — searchable, copyable,
 * extractable by a program — where pictures of text will not do. PDFBox's own font finder looks in the
 * system's font directories; CFF-based OpenType fonts (Noto CJK) cannot be embedded this way, so
 * TrueType ones come first (Debian: fonts-wqy-microhei).
 */
public final class CjkPdfFont {

    private static final List<String> CANDIDATES = List.of("WenQuanYiMicroHei", "WenQuanYiZenHei",
            "DroidSansFallbackFull", "DroidSansFallback", "SimHei", "SimSun", "MicrosoftYaHei", "ARPLUMingCN");
    /** 签, as in 签署: a font that has it has the rest of common Chinese. */
    private static final int PROBE = 0x7B7E;

    private CjkPdfFont() {
    }

    /** The font, loaded into {@code document}; {@code purpose} says in the failure what cannot be done without it. */
    public static PDType0Font load(PDDocument document, String purpose) throws IOException {
        for (String name : CANDIDATES) {
            FontMapping<TrueTypeFont> mapping = FontMappers.instance().getTrueTypeFont(name, null);
            TrueTypeFont font = mapping == null ? null : mapping.getFont();
            if (font != null && !mapping.isFallback() && font.getUnicodeCmapLookup().getGlyphId(PROBE) != 0) {
                return PDType0Font.load(document, font, true);
            }
        }
        throw new IOException("No TrueType font with Chinese characters is installed (Debian: fonts-wqy-microhei); "
                + purpose);
    }

    /** A character the font cannot draw (a rare symbol) becomes "?", and a control character a space. */
    public static String printable(PDType0Font font, String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(cp -> shown.appendCodePoint(printable(font, cp)));
        return shown.toString();
    }

    public static int printable(PDType0Font font, int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return ' ';
        }
        try {
            font.encode(Character.toString(codePoint));
            return codePoint;
        } catch (IllegalArgumentException | IOException e) {
            return '?';
        }
    }
}
