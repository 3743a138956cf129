package io.pagelens.analysis.diff;

import io.pagelens.image.RowSource;

import java.io.IOException;

/**
 * The last few rows of a streamed image: the anti-aliasing test looks two rows up and down from the pixel it
 * judges, so the diff keeps five rows of each image instead of the image.
 */
final class RowWindow {
    static final int RADIUS = 2;
    private static final int SIZE = 2 * RADIUS + 1;

    private final RowSource source;
    private final int[][] rows;
    private int loaded = -1; // highest row read

    RowWindow(RowSource source) {
        this.source = source;
        this.rows = new int[SIZE][source.width()];
    }

    int width() {
        return source.width();
    }

    int height() {
        return source.height();
    }

    /** Reads rows up to {@code y} (clipped to the image); earlier rows beyond the window are forgotten. */
    void loadThrough(int y) throws IOException {
        int last = Math.min(y, source.height() - 1);
        while (loaded < last) {
            loaded++;
            source.row(loaded, rows[loaded % SIZE]);
        }
    }

    /** Row {@code y}, which must be loaded and within {@value #RADIUS} rows of the newest one but two. */
    int[] row(int y) {
        return rows[y % SIZE];
    }
}
