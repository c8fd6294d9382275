package io.signflow.document;

import java.util.List;

/**
 * What placing controls by keyword or form field needs from a PDF: its text lines in reading order,
 * page by page, and its form fields' widgets.
 */
public record PdfLayout(List<TextLine> lines, List<FormWidget> widgets) {

    /** A rough size in bytes, for bounding the cache of layouts. */
    int weight() {
        return 64 + lines.stream().mapToInt(line -> 64 + line.text().length() * 18).sum() + widgets.size() * 96;
    }
}
