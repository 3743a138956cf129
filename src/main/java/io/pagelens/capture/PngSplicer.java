package io.pagelens.capture;

import io.pagelens.image.PngChunkReader;
import io.pagelens.image.PngChunkWriter;
import io.pagelens.image.PngFilters;
import io.pagelens.image.PngHeader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipException;

/**
 * Joins PNG tiles of equal width into one PNG without decoding pixels. Each tile's IDAT stream is inflated
 * into its filtered scanlines and deflated again into the output's single IDAT stream; only the first
 * scanline of a tile is touched, because its Up/Average/Paeth filter refers to a zero row that is no longer
 * above it: that row is unfiltered and written with filter None. Rows below the announced height are
 * dropped; missing rows repeat the last one (an Up-filtered row of zeros). Memory is one tile's bytes plus
 * a few scanlines, whatever the page height; CPU is zlib's, not a per-pixel Java loop.
 */
final class PngSplicer {
    private final PngChunkWriter chunks;
    private final int width;
    private final int height;
    private final int level;
    private OutputStream idat;
    private int rowsOut;
    private int bpp;      // bytes per pixel, from the first tile
    private int colour;   // colour type, from the first tile

    PngSplicer(OutputStream out, int width, int height, int level) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
        this.chunks = new PngChunkWriter(out);
        this.width = width;
        this.height = height;
        this.level = level;
    }

    /** Appends the rows of one PNG tile (8-bit RGB or RGBA, not interlaced, {@code width} pixels wide). */
    void add(byte[] png, int len) throws IOException {
        PngChunkReader tile = new PngChunkReader(new ByteArrayInputStream(png, 0, len), "tile");
        PngHeader head = tile.header();
        if (head.width() != width) throw new IOException("tile is " + head.width() + " px wide, expected " + width);
        if (head.bitDepth() != 8 || (head.colourType() != 2 && head.colourType() != 6) || head.interlaced()) {
            throw new IOException("tile is not an 8-bit RGB/RGBA non-interlaced PNG (depth " + head.bitDepth()
                    + ", colour type " + head.colourType() + ")");
        }
        if (idat == null) {
            colour = head.colourType();
            bpp = colour == 6 ? 4 : 3;
            chunks.header(width, height, 8, colour);
            idat = chunks.idat(level);
        } else if (head.colourType() != colour) {
            throw new IOException("tiles differ in colour type");
        }
        int stride = 1 + width * bpp;
        byte[] row = new byte[stride];
        boolean first = true;
        try (InputStream rows = tile.scanlines()) {
            while (rowsOut < height) {
                if (rows.readNBytes(row, 0, stride) < stride) break;
                if (first) {
                    PngFilters.unfilterAgainstZeroRow(row, bpp);
                    first = false;
                }
                idat.write(row, 0, stride);
                rowsOut++;
            }
        } catch (ZipException e) {
            throw new IOException("corrupt tile: " + e.getMessage(), e);
        }
    }

    int width() {
        return width;
    }

    /** Pads to the announced height, ends the stream; returns the bytes written. */
    long finish() throws IOException {
        if (idat == null) throw new IOException("no tiles were added");
        byte[] repeat = new byte[1 + width * bpp];
        repeat[0] = 2; // Up filter with zero differences: the same row again
        while (rowsOut < height) {
            idat.write(repeat, 0, repeat.length);
            rowsOut++;
        }
        idat.close();
        chunks.end();
        return chunks.written();
    }

    /** The width field of a PNG's IHDR, read from its first bytes. */
    static int widthOf(byte[] png) {
        return (png[16] & 0xff) << 24 | (png[17] & 0xff) << 16 | (png[18] & 0xff) << 8 | (png[19] & 0xff);
    }
}
