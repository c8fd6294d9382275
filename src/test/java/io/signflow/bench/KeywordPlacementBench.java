package io.signflow.bench;

import io.signflow.document.KeywordLocator;
import io.signflow.document.PageBox;
import io.signflow.document.PdfLayout;
import io.signflow.document.TestLayouts;
import io.signflow.support.TestPdfs;
import io.signflow.support.TestPdfs.Text;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What keyword placement adds to creating a group from a 10-page PDF of Chinese text (40 lines a
 * page, the keyword on the last): reading the file's text layer once (the first group made from an
 * upload) against finding the keyword in the cached layout (every later group), beside opening the
 * PDF (which creation without keywords does not do either: it reads the page sizes stored at upload).
 * Not a test; run it with
 * {@code java -cp target/test-classes:target/classes:$(cat target/bench.classpath) io.signflow.bench.KeywordPlacementBench}
 * after {@code scripts/bench.sh} has written the class path once.
 */
public final class KeywordPlacementBench {

    static final String KEYWORD = "甲方（盖章）";

    private KeywordPlacementBench() {
    }

    public static void main(String[] args) throws IOException {
        byte[] pdf = tenPages();
        int rounds = 20;
        long open = 0;
        long read = 0;
        PdfLayout layout = null;
        for (int i = 0; i < rounds + 5; i++) {
            long start = System.nanoTime();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                document.getNumberOfPages();
            }
            long opened = System.nanoTime();
            layout = TestLayouts.of(pdf);
            long done = System.nanoTime();
            if (i >= 5) {
                open += opened - start;
                read += done - opened;
            }
        }
        int finds = 20_000;
        List<PageBox> found = List.of();
        long start = System.nanoTime();
        for (int i = 0; i < finds; i++) {
            found = KeywordLocator.find(layout, KEYWORD, 0);
        }
        long find = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "10-page PDF, %d bytes, %d text lines, keyword found %d time(s) on page %d%n",
                pdf.length, layout.lines().size(), found.size(), found.get(0).page());
        System.out.printf(Locale.ROOT, "open the PDF (reference):             %8.2f ms%n", open / 1e6 / rounds);
        System.out.printf(Locale.ROOT, "read its text layer (first group):    %8.2f ms%n", read / 1e6 / rounds);
        System.out.printf(Locale.ROOT, "find the keyword in the cached layout: %7.1f us per control%n",
                find / 1e3 / finds);
    }

    /** Ten pages of Chinese text, 40 lines each, {@link #KEYWORD} once near the end of the last. */
    static byte[] tenPages() {
        List<Text> texts = new ArrayList<>();
        for (int page = 1; page <= 10; page++) {
            for (int line = 0; line < 40; line++) {
                texts.add(new Text(page, 60, 60 + line * 18, 11, "第" + page + "页第" + line + "行：本合同双方经友好协商，",
                        "就下列事项达成一致，共同遵守。Clause " + line));
            }
        }
        texts.add(new Text(10, 60, 790, 12, KEYWORD));
        return TestPdfs.withText(10, texts.toArray(Text[]::new));
    }
}
