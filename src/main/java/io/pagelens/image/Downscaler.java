package io.pagelens.image;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Cuts a band of rows out of a {@link RowSource} and shrinks it to a given width with a box filter (each output pixel
 * is the mean of the source pixels it covers), writing a PNG row by row. Memory is one source row and one row of
 * sums, whatever the source's height: a 20,000 px screenshot is never decoded whole. Rows above the band are read and
 * dropped (PNG rows can only be decoded in order). Never scales up: a width above the source's is the source's.
 */
public final class Downscaler {
    /** Deflate level of the small images: fast, and they are small. */
    static final int LEVEL = 6;

    private Downscaler() {
    }

    /** The output size for a band of {@code rows} source rows at {@code width}; at least 1x1. */
    public static int outputHeight(int sourceWidth, int rows, int width) {
        int w = Math.min(width, sourceWidth);
        return Math.max(1, (int) Math.round(rows * (double) w / sourceWidth));
    }

    /**
     * Writes rows {@code [top, top + rows)} of {@code src} (clamped to the image) scaled to {@code width} (at most the
     * source's) as an RGB PNG; returns its bytes written.
     */
    public static long write(RowSource src, int top, int rows, int width, OutputStream out) throws IOException {
        int sw = src.width();
        if (top < 0 || top >= src.height()) throw new IllegalArgumentException("band starts at row " + top + " of " + src.height());
        if (rows < 1 || width < 1) throw new IllegalArgumentException("empty band " + width + "x" + rows);
        int band = Math.min(rows, src.height() - top);
        int w = Math.min(width, sw);
        int h = outputHeight(sw, band, w);
        int[] in = new int[sw];
        int[] line = new int[w];
        long[] r = new long[w], g = new long[w], b = new long[w];
        long[] n = new long[w];
        int[] column = new int[sw]; // output column of each source column
        for (int x = 0; x < sw; x++) column[x] = (int) ((long) x * w / sw);
        for (int y = 0; y < top; y++) src.row(y, in);
        try (PngWriter png = new PngWriter(out, w, h, false, LEVEL)) {
            int y = 0;
            for (int oy = 0; oy < h; oy++) {
                int end = (int) Math.min(band, (long) (oy + 1) * band / h);
                if (end <= y) end = Math.min(band, y + 1);
                java.util.Arrays.fill(r, 0);
                java.util.Arrays.fill(g, 0);
                java.util.Arrays.fill(b, 0);
                java.util.Arrays.fill(n, 0);
                for (; y < end; y++) {
                    src.row(top + y, in);
                    for (int x = 0; x < sw; x++) {
                        int p = in[x], c = column[x];
                        r[c] += (p >>> 16) & 0xff;
                        g[c] += (p >>> 8) & 0xff;
                        b[c] += p & 0xff;
                        n[c]++;
                    }
                }
                for (int x = 0; x < w; x++) {
                    long k = Math.max(1, n[x]);
                    line[x] = 0xff000000 | (int) (r[x] / k) << 16 | (int) (g[x] / k) << 8 | (int) (b[x] / k);
                }
                png.row(line);
            }
            return png.finish();
        }
    }
}
