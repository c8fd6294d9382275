package io.signflow.sealing;

import io.signflow.document.PageGeometry;
import io.signflow.flowgroup.DynamicTableValue;
import io.signflow.flowgroup.DynamicTableValue.Cell;
import io.signflow.flowgroup.DynamicTableValue.Style;
import io.signflow.sealing.SealingSources.Mark;
import io.signflow.sealing.TextRuns.Align;
import io.signflow.sealing.TextRuns.Look;
import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * A DYNAMIC_TABLE drawn in its control's box: the header row (unless {@code headerRowDisplay} is false)
 * on a light grey ground, then {@code rowCount} rows sharing the rest of the height; columns as wide as
 * {@code widthPercent} says; a cell spanning several rows or columns is one cell. Text is one line per
 * cell, shrunk to fit, in the cell's style (size, colour, bold, alignment; left-aligned by default,
 * headers centred). ESS inserts a table into a template's flowing text; a PDF's pages are fixed, so the
 * table keeps to the box the initiator drew.
 */
final class TableDrawing {

    private static final float LINE = 0.5f;
    private static final float DEFAULT_SIZE = 10f;
    private static final Color HEADER_GROUND = new Color(0xEE, 0xEE, 0xEE);

    private TableDrawing() {
    }

    static void draw(PDDocument document, PageGeometry page, Mark mark, PDType0Font font) throws IOException {
        DynamicTableValue table;
        try {
            table = DynamicTableValue.parse(mark.value());
        } catch (DynamicTableValue.Invalid e) {
            return; // checked when it was filled; nothing sensible to draw otherwise
        }
        int headerRows = table.headerRowDisplay() ? 1 : 0;
        int rows = headerRows + table.rowCount();
        if (rows == 0) {
            return;
        }
        float width = (float) mark.width();
        float height = (float) mark.height();
        float rowHeight = height / rows;
        float[] lefts = lefts(table.columnShares(), width);
        int columns = table.headers().size();
        try (PDPageContentStream content = FlowDocumentStamper.appendTo(document, document.getPage(mark.pageNo() - 1))) {
            content.transform(new Matrix(PagePlacement.box(page, mark.x(), mark.y(), width, height)));
            content.setLineWidth(LINE);
            if (headerRows == 1) {
                content.setNonStrokingColor(HEADER_GROUND);
                content.addRect(0, height - rowHeight, width, rowHeight);
                content.fill();
                for (int c = 0; c < columns; c++) {
                    float x = lefts[c];
                    float w = lefts[c + 1] - x;
                    content.addRect(x, height - rowHeight, w, rowHeight);
                    content.stroke();
                    TextRuns.show(content, font, table.headers().get(c).content(), x, height - rowHeight, w, rowHeight,
                            Look.plain(DEFAULT_SIZE, Align.CENTER));
                }
            }
            boolean[][] covered = new boolean[table.rowCount() + 1][columns + 1];
            for (Cell cell : table.cells()) {
                float x = lefts[cell.columnStart() - 1];
                float w = lefts[cell.columnEnd()] - x;
                float top = height - (headerRows + cell.rowStart() - 1) * rowHeight;
                float h = (cell.rowEnd() - cell.rowStart() + 1) * rowHeight;
                content.addRect(x, top - h, w, h);
                content.stroke();
                TextRuns.show(content, font, cell.content(), x, top - h, w, h, look(cell.style()));
                for (int r = cell.rowStart(); r <= cell.rowEnd(); r++) {
                    for (int c = cell.columnStart(); c <= cell.columnEnd(); c++) {
                        covered[r][c] = true;
                    }
                }
            }
            for (int r = 1; r <= table.rowCount(); r++) {
                for (int c = 1; c <= columns; c++) {
                    if (!covered[r][c]) {
                        content.addRect(lefts[c - 1], height - (headerRows + r) * rowHeight, lefts[c] - lefts[c - 1],
                                rowHeight);
                        content.stroke();
                    }
                }
            }
        }
    }

    private static float[] lefts(double[] shares, float width) {
        float[] lefts = new float[shares.length + 1];
        for (int i = 0; i < shares.length; i++) {
            lefts[i + 1] = lefts[i] + (float) (shares[i] * width);
        }
        lefts[shares.length] = width;
        return lefts;
    }

    private static Look look(Style style) {
        Align align = style.align() == null ? Align.LEFT : Align.valueOf(style.align());
        Color color = style.color() == null ? Color.BLACK : new Color(Integer.parseInt(style.color(), 16));
        return new Look(style.fontSize() == null ? DEFAULT_SIZE : style.fontSize(), align, color, style.bold());
    }
}
