package io.pagelens.capture;

import java.io.IOException;

/** An image produced row by row, top to bottom, so it never has to be whole in memory. */
interface RowSource {
    int width();

    int height();

    /** Fills {@code argb} with row {@code y} as 0xAARRGGBB. Rows are asked for in increasing order. */
    void row(int y, int[] argb) throws IOException;
}
