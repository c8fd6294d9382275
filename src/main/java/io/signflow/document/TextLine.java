package io.signflow.document;

/**
 * One line of a page's text layer as a reader sees it, with each character's box (component
 * coordinates). A space stands where the text had a gap between words; its box is that of the
 * character before it.
 */
public record TextLine(int page, String text, float[] left, float[] right, float[] top, float[] bottom) {

    /** The smallest box around characters {@code from} (inclusive) to {@code to} (exclusive). */
    public PageBox box(int from, int to) {
        float minLeft = Float.MAX_VALUE;
        float maxRight = -Float.MAX_VALUE;
        float minTop = Float.MAX_VALUE;
        float maxBottom = -Float.MAX_VALUE;
        for (int i = from; i < to; i++) {
            minLeft = Math.min(minLeft, left[i]);
            maxRight = Math.max(maxRight, right[i]);
            minTop = Math.min(minTop, top[i]);
            maxBottom = Math.max(maxBottom, bottom[i]);
        }
        return new PageBox(page, minLeft, minTop, maxRight - minLeft, maxBottom - minTop);
    }
}
