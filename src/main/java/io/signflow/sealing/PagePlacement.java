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
        AffineTransform visibleToUser = page.visibleToUser();
        // box frame -> visible frame: flip Y, lower-left corner of the box at (x, y + height)
        visibleToUser.concatenate(new AffineTransform(1, 0, 0, -1, x, y + height));
        return visibleToUser;
    }
}
