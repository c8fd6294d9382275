package io.signflow.document;

/** A box on a page in component coordinates: pt, origin at the top-left of the page as a reader sees it, Y down. */
public record PageBox(int page, double x, double y, double width, double height) {
}
