package io.signflow.sealing;

import io.signflow.document.PageGeometry;
import java.awt.geom.AffineTransform;

/**
 * Where a box given in component coordinates (the page as a reader sees it: origin top-left, Y down,
 * after /Rotate) lies in PDF user space. The transform maps the box's own upright frame (origin at its
 * lower-left corner, Y up, 1 unit = 1 pt) to user space, so an image drawn into the unit frame
 * appears upright to the reader whatever the page's rotation.
 */
final class PagePlacement {

    private PagePlacement() {
    }

    static AffineTransform box(PageGeometry page, double x, double y, double width, double height) {
        AffineTransform visibleToUser = visibleToUser(page);
        // box frame -> visible frame: flip Y, lower-left corner of the box at (x, y + height)
        visibleToUser.concatenate(new AffineTransform(1, 0, 0, -1, x, y + height));
        return visibleToUser;
    }

    /** Visible frame (Y down) to user space (Y up) for each of the four rotations PDF allows. */
    private static AffineTransform visibleToUser(PageGeometry page) {
        double w = page.width();
        double h = page.height();
        double ox = page.originX();
        double oy = page.originY();
        // AffineTransform(m00, m10, m01, m11, m02, m12): user.x = m00*vx + m01*vy + m02, user.y = m10*vx + m11*vy + m12
        return switch (Math.floorMod(page.rotation(), 360)) {
            case 90 -> new AffineTransform(0, 1, 1, 0, ox, oy);
            case 180 -> new AffineTransform(-1, 0, 0, 1, ox + w, oy);
            case 270 -> new AffineTransform(0, -1, -1, 0, ox + h, oy + w);
            default -> new AffineTransform(1, 0, 0, -1, ox, oy + h);
        };
    }
}
