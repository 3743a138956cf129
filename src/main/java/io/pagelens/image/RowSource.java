package io.pagelens.image;

import java.io.IOException;

/**
 * An image produced row by row, top to bottom, so it never has to be whole in memory (a 1280x20000 ARGB image
 * would be ~100 MB of heap). Implemented by the capture's tiled screenshots and by {@link PngReader}; consumed by
 * the streaming encoders and the visual diff.
 */
public interface RowSource {
    int width();

    int height();

    /** Fills {@code argb} with row {@code y} as 0xAARRGGBB. Rows are asked for in increasing order. */
    void row(int y, int[] argb) throws IOException;
}
