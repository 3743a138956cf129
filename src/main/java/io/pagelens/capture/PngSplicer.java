package io.pagelens.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Joins PNG tiles of equal width into one PNG without decoding pixels. Each tile's IDAT stream is inflated
 * into its filtered scanlines and deflated again into the output's single IDAT stream; only the first
 * scanline of a tile is touched, because its Up/Average/Paeth filter refers to a zero row that is no longer
 * above it: that row is unfiltered and written with filter None. Rows below the announced height are
 * dropped; missing rows repeat the last one (an Up-filtered row of zeros). Memory is one tile's bytes plus
 * a few scanlines, whatever the page height; CPU is zlib's, not a per-pixel Java loop.
 */
final class PngSplicer {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int CHUNK = 64 * 1024;

    private final OutputStream out;
    private final int width;
    private final int height;
    private final Deflater deflater;
    private final byte[] zbuf = new byte[CHUNK];
    private long written;
    private int rowsOut;
    private int bpp;      // bytes per pixel, from the first tile
    private byte[] ihdr;  // the first tile's header fields after width/height

    PngSplicer(OutputStream out, int width, int height, int level) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
        this.out = out;
        this.width = width;
        this.height = height;
        this.deflater = new Deflater(level);
    }

    /** Appends the rows of one PNG tile (8-bit RGB or RGBA, not interlaced, {@code width} pixels wide). */
    void add(byte[] png, int len) throws IOException {
        Chunks chunks = new Chunks(png, len);
        byte[] head = chunks.header();
        int w = readInt(head, 0);
        int depth = head[8], colour = head[9], interlace = head[12];
        if (w != width) throw new IOException("tile is " + w + " px wide, expected " + width);
        if (depth != 8 || (colour != 2 && colour != 6) || interlace != 0) {
            throw new IOException("tile is not an 8-bit RGB/RGBA non-interlaced PNG (depth " + depth + ", colour type " + colour + ")");
        }
        if (ihdr == null) {
            ihdr = head.clone();
            bpp = colour == 6 ? 4 : 3;
            writeHeader();
        } else if (head[9] != ihdr[9]) {
            throw new IOException("tiles differ in colour type");
        }
        int stride = 1 + width * bpp;
        byte[] row = new byte[stride];
        int filled = 0;
        boolean first = true;
        Inflater inflater = new Inflater();
        try {
            chunks.feedIdat(inflater);
            while (rowsOut < height) {
                int n = inflater.inflate(row, filled, stride - filled);
                if (n == 0) {
                    if (inflater.finished() || !chunks.feedIdat(inflater)) break;
                    continue;
                }
                filled += n;
                if (filled < stride) continue;
                if (first) {
                    unfilterAgainstZeroRow(row, bpp);
                    first = false;
                }
                deflate(row, stride);
                rowsOut++;
                filled = 0;
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt tile: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    int width() {
        return width;
    }

    /** Pads to the announced height, ends the stream; returns the bytes written. */
    long finish() throws IOException {
        if (ihdr == null) throw new IOException("no tiles were added");
        byte[] repeat = new byte[1 + width * bpp];
        repeat[0] = 2; // Up filter with zero differences: the same row again
        while (rowsOut < height) {
            deflate(repeat, repeat.length);
            rowsOut++;
        }
        deflater.finish();
        while (!deflater.finished()) emit(deflater.deflate(zbuf));
        deflater.end();
        chunk("IEND", new byte[0], 0);
        out.flush();
        return written;
    }

    /** Makes a tile's first row independent of the row above it, as filter None. */
    static void unfilterAgainstZeroRow(byte[] row, int bpp) {
        int type = row[0];
        switch (type) {
            case 0, 2 -> { } // None; Up of a zero row is the row itself
            case 1, 4 -> { // Sub; Paeth with a zero row above always picks the left pixel, as Sub does
                for (int i = 1 + bpp; i < row.length; i++) row[i] = (byte) (row[i] + row[i - bpp]);
            }
            case 3 -> { // Average of left and a zero above
                for (int i = 1 + bpp; i < row.length; i++) row[i] = (byte) (row[i] + ((row[i - bpp] & 0xff) >>> 1));
            }
            default -> throw new IllegalArgumentException("unknown PNG filter type " + type);
        }
        row[0] = 0;
    }

    private void deflate(byte[] b, int len) throws IOException {
        deflater.setInput(b, 0, len);
        while (!deflater.needsInput()) emit(deflater.deflate(zbuf));
    }

    private void emit(int n) throws IOException {
        if (n > 0) chunk("IDAT", zbuf, n);
    }

    private void writeHeader() throws IOException {
        out.write(SIGNATURE);
        written += SIGNATURE.length;
        byte[] h = ihdr.clone();
        writeInt(h, 0, width);
        writeInt(h, 4, height);
        chunk("IHDR", h, h.length);
    }

    private void chunk(String type, byte[] data, int len) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        byte[] head = new byte[8];
        writeInt(head, 0, len);
        System.arraycopy(t, 0, head, 4, 4);
        out.write(head);
        out.write(data, 0, len);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, len);
        byte[] tail = new byte[4];
        writeInt(tail, 0, (int) crc.getValue());
        out.write(tail);
        written += 12 + len;
    }

    static int readInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    private static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** Walks a PNG's chunks: the IHDR fields, then IDAT data handed to an inflater chunk by chunk. */
    private static final class Chunks {
        private final byte[] png;
        private final int len;
        private int pos = 8;

        Chunks(byte[] png, int len) throws IOException {
            this.png = png;
            this.len = len;
            for (int i = 0; i < SIGNATURE.length; i++) {
                if (len < 8 || png[i] != SIGNATURE[i]) throw new IOException("tile is not a PNG");
            }
        }

        byte[] header() throws IOException {
            if (!nextIs("IHDR")) throw new IOException("tile has no IHDR");
            int n = readInt(png, pos);
            if (n != 13) throw new IOException("bad IHDR length " + n);
            byte[] h = new byte[13];
            System.arraycopy(png, pos + 8, h, 0, 13);
            pos += 12 + n;
            return h;
        }

        /** Gives the inflater the next IDAT chunk's data; false when there is none. */
        boolean feedIdat(Inflater inflater) throws IOException {
            while (pos + 8 <= len) {
                int n = readInt(png, pos);
                if (n < 0 || pos + 12L + n > len) throw new IOException("truncated tile chunk");
                boolean idat = nextIs("IDAT");
                int data = pos + 8;
                pos += 12 + n;
                if (idat && n > 0) {
                    inflater.setInput(png, data, n);
                    return true;
                }
                if (new String(png, data - 4, 4, StandardCharsets.US_ASCII).equals("IEND")) return false;
            }
            return false;
        }

        private boolean nextIs(String type) {
            return pos + 8 <= len && new String(png, pos + 4, 4, StandardCharsets.US_ASCII).equals(type);
        }
    }
}
