package io.pagelens.capture;

import io.pagelens.image.PngChunkReader;
import io.pagelens.image.PngChunkWriter;
import io.pagelens.image.PngFilters;
import io.pagelens.image.PngHeader;
import io.pagelens.image.ZlibJoiner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipException;

/**
 * Joins PNG tiles of equal width into one PNG without decoding pixels. A tile shaped as Chromium encodes it (one
 * zlib stream ending in a sync flush) has its compressed data copied as it is ({@link ZlibJoiner}): only the first
 * scanline's filter type changes, because an Up or Paeth filter there refers to a zero row that is no longer above
 * it (Up becomes None, Paeth becomes Sub, the same bytes). Any other tile is inflated into its filtered scanlines and
 * deflated again, its first scanline unfiltered. Rows below the announced height are dropped; missing rows repeat
 * the last one (an Up-filtered row of zeros). Memory is one tile's bytes plus a few scanlines, whatever the page
 * height; CPU is a scan of each tile's first deflate block, or zlib's for the tiles that cannot be copied.
 */
final class PngSplicer {
    private final PngChunkWriter chunks;
    private final int width;
    private final int height;
    private final int level;
    private OutputStream idatChunks;
    private ZlibJoiner idat;
    private int rowsOut;
    private int bpp;      // bytes per pixel, from the first tile
    private int colour;   // colour type, from the first tile
    private int copied;   // tiles whose compressed data was copied

    PngSplicer(OutputStream out, int width, int height, int level) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
        this.chunks = new PngChunkWriter(out);
        this.width = width;
        this.height = height;
        this.level = level;
    }

    /**
     * Appends the rows of one PNG tile (8-bit RGB or RGBA, not interlaced, {@code width} pixels wide). The tile's
     * bytes are overwritten: its image data is gathered at the start of {@code png}.
     */
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
            idatChunks = chunks.idatData();
            idat = new ZlibJoiner(idatChunks, level);
        } else if (head.colourType() != colour) {
            throw new IOException("tiles differ in colour type");
        }
        int stride = 1 + width * bpp;
        int zlib = tile.readImageData(png);
        if (rowsOut + head.height() <= height
                && idat.append(png, 0, zlib, (long) head.height() * stride, PngSplicer::firstRowFilterAlone)) {
            rowsOut += head.height();
            copied++;
            return;
        }
        byte[] row = new byte[stride];
        boolean first = true;
        try (InputStream rows = PngChunkReader.inflating(new ByteArrayInputStream(png, 0, zlib))) {
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

    /**
     * The filter type a tile's first scanline gets once a row is above it: None and Sub stay, Up (against zeros: the
     * bytes themselves) becomes None, Paeth (against zeros: the left byte) becomes Sub; Average cannot be kept (-1).
     */
    static int firstRowFilterAlone(int type) {
        return switch (type) {
            case 0, 2 -> 0;
            case 1, 4 -> 1;
            default -> -1;
        };
    }

    /** Tiles whose compressed data was copied rather than re-compressed. */
    int copiedTiles() {
        return copied;
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
        idat.finish();
        idatChunks.close();
        chunks.end();
        return chunks.written();
    }

    /** The width field of a PNG's IHDR, read from its first bytes. */
    static int widthOf(byte[] png) {
        return (png[16] & 0xff) << 24 | (png[17] & 0xff) << 16 | (png[18] & 0xff) << 8 | (png[19] & 0xff);
    }
}
