package io.signflow.document;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a keyword in a PDF's text layer, as ESS's KEYWORD placement does: within one line (a keyword
 * split by a line break is not there), ignoring the spaces a PDF's text may or may not carry between
 * characters. {@code ^} at the keyword's start or end asks for a whole word on that side: the keyword
 * must start (end) the line or follow (precede) a space. Occurrences come in reading order, page by
 * page, top to bottom, left to right.
 */
public final class KeywordLocator {

    private static final char WHOLE_WORD = '^';

    private KeywordLocator() {
    }

    /** The keyword as searched: what remains of ComponentId without its ^ marks and spaces. */
    public static String searchedText(String keyword) {
        return strip(keyword).text();
    }

    /** Every occurrence of the keyword, on one page ({@code page} ≥ 1) or on all ({@code page} 0). */
    public static List<PageBox> find(PdfLayout layout, String keyword, int page) {
        Keyword wanted = strip(keyword);
        List<PageBox> found = new ArrayList<>();
        if (wanted.text().isEmpty()) {
            return found;
        }
        for (TextLine line : layout.lines()) {
            if (page == 0 || line.page() == page) {
                findInLine(line, wanted, found);
            }
        }
        return found;
    }

    private static void findInLine(TextLine line, Keyword wanted, List<PageBox> found) {
        String text = line.text();
        if (text.indexOf(wanted.text().charAt(0)) < 0) {
            return; // most lines lack even the keyword's first character; skip building their index
        }
        // the line without spaces, each character remembering where it was and whether a space preceded it
        StringBuilder compact = new StringBuilder(text.length());
        int[] index = new int[text.length()];
        boolean[] afterSpace = new boolean[text.length() + 1];
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                space = true;
                continue;
            }
            afterSpace[compact.length()] = space;
            index[compact.length()] = i;
            compact.append(text.charAt(i));
            space = false;
        }
        afterSpace[compact.length()] = true;
        int from = 0;
        int at;
        while ((at = compact.indexOf(wanted.text(), from)) >= 0) {
            int end = at + wanted.text().length();
            if ((!wanted.wholeStart() || afterSpace[at]) && (!wanted.wholeEnd() || afterSpace[end])) {
                found.add(line.box(index[at], index[end - 1] + 1));
                from = end;
            } else {
                from = at + 1;
            }
        }
    }

    private record Keyword(String text, boolean wholeStart, boolean wholeEnd) {
    }

    private static Keyword strip(String keyword) {
        String text = keyword == null ? "" : keyword.strip();
        boolean wholeStart = text.length() > 1 && text.charAt(0) == WHOLE_WORD;
        boolean wholeEnd = text.length() > 1 && text.charAt(text.length() - 1) == WHOLE_WORD;
        text = text.substring(wholeStart ? 1 : 0, text.length() - (wholeEnd ? 1 : 0));
        return new Keyword(Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", ""), wholeStart,
                wholeEnd);
    }
}
