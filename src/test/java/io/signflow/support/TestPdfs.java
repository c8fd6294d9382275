package io.signflow.support;

import io.signflow.common.Fonts;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/** PDFs made on the spot for tests. */
public final class TestPdfs {

    private static TrueTypeCollection cjkCollection;

    private TestPdfs() {
    }

    public static byte[] a4(int pages) {
        return pages(PDRectangle.A4, pages, 0);
    }

    public static byte[] pages(PDRectangle size, int pages, int rotation) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(size);
                page.setRotation(rotation);
                document.addPage(page);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text drawn on an A4 page: {@code parts} one after another from ({@code x}, {@code baseline}) in
     * component coordinates (origin top-left, the baseline's distance from the top), each part in its
     * own text object, as PDF writers often split a word.
     */
    public record Text(int page, float x, float baseline, float size, String... parts) {
    }

    /** A form field on an A4 page, its box in component coordinates; {@code signature} makes it a /Sig field. */
    public record Field(String name, int page, float x, float y, float width, float height, boolean signature) {
    }

    /**
     * An A4 PDF whose text is drawn in the CJK font {@link Fonts} chooses, embedded as a subset
     * (PDType0Font), so the text layer maps its glyphs to Unicode through a ToUnicode CMap.
     */
    public static byte[] withText(int pages, Text... texts) {
        return build(pages, List.of(texts), List.of());
    }

    /** An A4 PDF with an AcroForm of these fields; a field's widget lists its page only in the page's annotations. */
    public static byte[] withForm(int pages, List<Text> texts, Field... fields) {
        return build(pages, texts, List.of(fields));
    }

    /** The width of {@code text} in the CJK font of {@link #withText} at {@code size}, in pt. */
    public static float width(String text, float size) {
        try (PDDocument document = new PDDocument()) {
            return PDType0Font.load(document, cjkFont(), true).getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] build(int pages, List<Text> texts, List<Field> fields) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(document, cjkFont(), true);
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            float height = PDRectangle.A4.getHeight();
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (Text text : texts) {
                        if (text.page() != i + 1) {
                            continue;
                        }
                        float x = text.x();
                        for (String part : text.parts()) {
                            content.beginText();
                            content.setFont(font, text.size());
                            content.newLineAtOffset(x, height - text.baseline());
                            content.showText(part);
                            content.endText();
                            x += font.getStringWidth(part) / 1000 * text.size();
                        }
                    }
                }
            }
            if (!fields.isEmpty()) {
                PDAcroForm form = new PDAcroForm(document);
                document.getDocumentCatalog().setAcroForm(form);
                for (Field spec : fields) {
                    PDTerminalField field = spec.signature() ? new PDSignatureField(form) : new PDTextField(form);
                    field.setPartialName(spec.name());
                    PDAnnotationWidget widget = field.getWidgets().get(0);
                    widget.setRectangle(new PDRectangle(spec.x(), height - spec.y() - spec.height(), spec.width(),
                            spec.height()));
                    widget.getCOSObject().removeItem(COSName.P);
                    document.getPage(spec.page() - 1).getAnnotations().add(widget);
                    form.getFields().add(field);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsing the collection takes a while, so it is read once and stays open for the tests' run. */
    private static synchronized TrueTypeFont cjkFont() throws IOException {
        if (cjkCollection == null) {
            cjkCollection = new TrueTypeCollection(cjkFontFile());
        }
        String name = Fonts.forText("甲方签署", Font.PLAIN, 12).getPSName();
        TrueTypeFont font = cjkCollection.getFontByName(name);
        if (font == null) {
            throw new IllegalStateException("The CJK font " + name + " is not in " + cjkFontFile());
        }
        return font;
    }

    /** The installed file of the CJK font {@link Fonts} picks (a TrueType collection on Debian's fonts-wqy-microhei). */
    private static File cjkFontFile() throws IOException {
        String family = Fonts.forText("甲方签署", Font.PLAIN, 12).getFamily();
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("/usr/share/fonts"))) {
            files.filter(f -> f.toString().endsWith(".ttc")).forEach(candidates::add);
        }
        for (Path candidate : candidates) {
            try {
                for (Font font : Font.createFonts(candidate.toFile())) {
                    if (font.getFamily().equals(family)) {
                        return candidate.toFile();
                    }
                }
            } catch (FontFormatException e) {
                // not a font AWT reads; try the next
            }
        }
        throw new IllegalStateException("No TrueType collection of the CJK font " + family + " is installed");
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
