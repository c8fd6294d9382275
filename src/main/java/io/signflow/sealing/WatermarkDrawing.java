package io.signflow.sealing;

import io.signflow.common.CjkPdfFont;
import io.signflow.common.ComponentExtra;
import io.signflow.document.PageGeometry;
import io.signflow.flowgroup.WatermarkStyle;
import io.signflow.sealing.SealingSources.Mark;
import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * A WATERMARK's text over every page of the contract (not the pages added for attachments, nor the
 * certificate), in grey at the control's opacity, turned clockwise by {@code Rotate} degrees as the
 * reader sees the page: tiled in rows (every other row shifted half a step) when {@code Position} is
 * None, else once in that corner or the centre. Density sets the spacing: the gap between two texts of
 * a row and the distance between rows, in multiples of the font size, are 6 and 8 (loose), 4 and 6
 * (standard) or 2 and 4 (dense). The control's own box only says where the initiator put it.
 */
final class WatermarkDrawing {

    private static final Color GREY = new Color(0x80, 0x80, 0x80);
    private static final float MARGIN = 24f;
    private static final float[][] SPACING = {{6, 8}, {4, 6}, {2, 4}};

    private WatermarkDrawing() {
    }

    static void draw(PDDocument document, List<PageGeometry> pages, Mark mark, PDType0Font font) throws IOException {
        String text = CjkPdfFont.printable(font, mark.value().strip());
        WatermarkStyle style = WatermarkStyle.of(ComponentExtra.of(mark.extra()).json());
        float size = style.fontSize();
        float textWidth = TextRuns.width(font, text, size);
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant((float) style.opacity());
        for (PageGeometry page : pages) {
            try (PDPageContentStream content = FlowDocumentStamper.appendTo(document,
                    document.getPage(page.pageNo() - 1))) {
                content.transform(new Matrix(PagePlacement.box(page, 0, 0, page.width(), page.height())));
                content.setGraphicsStateParameters(translucent);
                content.setNonStrokingColor(GREY);
                for (Point2D centre : centres(page, style, textWidth, size)) {
                    AffineTransform at = AffineTransform.getTranslateInstance(centre.getX(), centre.getY());
                    at.rotate(-Math.toRadians(style.rotate()));
                    at.translate(-textWidth / 2, -size * 0.35);
                    content.beginText();
                    content.setFont(font, size);
                    content.setTextMatrix(new Matrix(at));
                    content.showText(text);
                    content.endText();
                }
            }
        }
    }

    /** Where each copy of the text is centred, in the page's upright frame (pt, origin lower-left). */
    static List<Point2D> centres(PageGeometry page, WatermarkStyle style, float textWidth, float size) {
        double width = page.width();
        double height = page.height();
        double halfWidth = textWidth / 2.0 + MARGIN;
        double halfHeight = size / 2.0 + MARGIN;
        List<Point2D> centres = new ArrayList<>();
        switch (style.position()) {
            case "LeftTop" -> centres.add(new Point2D.Double(halfWidth, height - halfHeight));
            case "LeftBottom" -> centres.add(new Point2D.Double(halfWidth, halfHeight));
            case "RightTop" -> centres.add(new Point2D.Double(width - halfWidth, height - halfHeight));
            case "RightBottom" -> centres.add(new Point2D.Double(width - halfWidth, halfHeight));
            case "Center" -> centres.add(new Point2D.Double(width / 2, height / 2));
            default -> {
                float[] spacing = SPACING[Math.max(1, Math.min(3, style.density())) - 1];
                double stepX = textWidth + spacing[0] * size;
                double stepY = spacing[1] * size;
                int row = 0;
                for (double y = height - stepY / 2; y > -stepY / 2; y -= stepY, row++) {
                    double shift = row % 2 == 0 ? 0 : stepX / 2;
                    for (double x = shift; x < width + stepX / 2; x += stepX) {
                        centres.add(new Point2D.Double(x, y));
                    }
                }
            }
        }
        return centres;
    }
}
