package io.signflow.document;

/**
 * One PDF page as a reader sees it: {@code width} × {@code height} in pt after the page's rotation,
 * with the CropBox's lower-left corner at ({@code originX}, {@code originY}) in PDF user space.
 * Components are placed in this visible frame, origin top-left, Y downwards.
 */
public record PageGeometry(int pageNo, double width, double height, int rotation, double originX, double originY) {

    /** Whether a box given in component coordinates lies wholly on the page. */
    public boolean contains(double x, double y, double boxWidth, double boxHeight) {
        double tolerance = 0.5;
        return x >= -tolerance && y >= -tolerance && x + boxWidth <= width + tolerance
                && y + boxHeight <= height + tolerance;
    }
}
