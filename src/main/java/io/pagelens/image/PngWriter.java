package io.pagelens.image;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes a PNG row by row (8-bit RGB or RGBA, adaptive filters, deflate at a chosen level), holding two scanlines:
 * the visual diff writes its diff and side-by-side images through this without ever having them whole.
 */
public final class PngWriter implements AutoCloseable {
    private final PngChunkWriter chunks;
    private final OutputStream idat;
    private final int width;
    private final int height;
    private final boolean alpha;
    private final int bpp;
    private final byte[][] work;
    private byte[] raw;
    private byte[] prevRaw;
    private int rows;
    private boolean finished;

    /**
     * @param alpha write RGBA (colour type 6); else RGB, the alpha byte of each pixel ignored
     * @param level deflate level 0-9 (1 is fast and, on screenshots, within ~10% of 9)
     */
    public PngWriter(OutputStream out, int width, int height, boolean alpha, int level) throws IOException {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
        this.width = width;
        this.height = height;
        this.alpha = alpha;
        this.bpp = alpha ? 4 : 3;
        int stride = 1 + width * bpp;
        this.raw = new byte[stride];
        this.prevRaw = new byte[stride];
        this.work = new byte[4][stride];
        this.chunks = new PngChunkWriter(out);
        chunks.header(width, height, 8, alpha ? 6 : 2);
        this.idat = chunks.idat(level);
    }

    /** Appends the next row, {@code width} pixels of 0xAARRGGBB from the start of {@code argb}. */
    public void row(int[] argb) throws IOException {
        if (rows >= height) throw new IllegalStateException("all " + height + " rows were written already");
        for (int x = 0, p = 1; x < width; x++) {
            int c = argb[x];
            raw[p++] = (byte) (c >>> 16);
            raw[p++] = (byte) (c >>> 8);
            raw[p++] = (byte) c;
            if (alpha) raw[p++] = (byte) (c >>> 24);
        }
        byte[] filtered = PngFilters.filter(raw, rows == 0 ? null : prevRaw, bpp, work);
        idat.write(filtered, 0, filtered.length);
        byte[] t = prevRaw;
        prevRaw = raw;
        raw = t;
        rows++;
    }

    public int rowsWritten() {
        return rows;
    }

    /** Ends the image; every row must have been written. Returns the bytes written. */
    public long finish() throws IOException {
        if (rows != height) throw new IllegalStateException(rows + " of " + height + " rows were written");
        finished = true;
        idat.close();
        chunks.end();
        return chunks.written();
    }

    /** Frees the deflater; an unfinished image is left incomplete (the caller discards it). */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            idat.close();
        }
    }
}
