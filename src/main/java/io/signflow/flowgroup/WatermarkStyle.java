package io.signflow.flowgroup;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a WATERMARK control's text is laid over the pages, from its ComponentExtra as ESS names it:
 * {@code FontSize}, {@code Opacity} (0 to 1), {@code Rotate} (degrees, clockwise as the reader sees the
 * page), {@code Density} (1 loose, 2 standard, 3 dense) and {@code Position} (None tiles the page;
 * LeftTop, LeftBottom, RightTop, RightBottom and Center place it once). ESS names no defaults but
 * Density 2 and Position None; Signflow draws a 20 pt text at opacity 0.2, upright.
 */
public record WatermarkStyle(int fontSize, double opacity, int rotate, int density, String position) {

    public static final int DEFAULT_FONT_SIZE = 20;
    public static final double DEFAULT_OPACITY = 0.2;

    /** The style ComponentExtra gives, checked when the contract was created; defaults where it is silent. */
    public static WatermarkStyle of(JsonNode extra) {
        return new WatermarkStyle(extra.path("FontSize").asInt(DEFAULT_FONT_SIZE),
                extra.path("Opacity").asDouble(DEFAULT_OPACITY), extra.path("Rotate").asInt(0),
                extra.path("Density").asInt(2), extra.path("Position").asText("None"));
    }

    /** Whether the text repeats over the whole page rather than standing once. */
    public boolean tiled() {
        return "None".equals(position);
    }
}
