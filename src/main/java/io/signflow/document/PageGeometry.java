package io.signflow.document;

import java.awt.geom.AffineTransform;

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

    /** Visible frame (Y down) to user space (Y up) for each of the four rotations PDF allows. */
    public AffineTransform visibleToUser() {
        // AffineTransform(m00, m10, m01, m11, m02, m12): user.x = m00*vx + m01*vy + m02, user.y = m10*vx + m11*vy + m12
        return switch (Math.floorMod(rotation, 360)) {
            case 90 -> new AffineTransform(0, 1, 1, 0, originX, originY);
            case 180 -> new AffineTransform(-1, 0, 0, 1, originX + width, originY);
            case 270 -> new AffineTransform(0, -1, -1, 0, originX + height, originY + width);
            default -> new AffineTransform(1, 0, 0, -1, originX, originY + height);
        };
    }
}
