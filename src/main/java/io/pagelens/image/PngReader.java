package io.pagelens.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Decodes a PNG row by row from a stream, so a 1280x20000 screenshot costs two scanlines of memory instead of
 * ~100 MB of ARGB. Reads every standard colour type and bit depth (grey, RGB, palette, grey+alpha, RGBA; 1-16 bits;
 * tRNS transparency); 16-bit samples keep their high byte. Interlaced (Adam7) images cannot be read in one pass
 * and are refused with a message saying so. Missing rows at the end of a truncated image are an error.
 */
public final class PngReader implements RowSource, AutoCloseable {
    /** Sanity bounds on the header: beyond them the file is hostile or not a screenshot. */
    public static final int MAX_WIDTH = 1 << 15;
    public static final int MAX_HEIGHT = 1 << 20;

    private final InputStream source;
    private final String what;
    private final PngHeader header;
    private final InputStream scanlines;
    private final int[] palette; // ARGB, for colour type 3
    private final int transparentGrey;   // colour types 0 (-1 if none), sample value at the image's bit depth
    private final long transparentRgb;   // colour type 2 (-1 if none), 0xRRRRGGGGBBBB at 16 bits or 0xRRGGBB at 8
    private byte[] cur;
    private byte[] prev;
    private int next; // next row to decode

    /** Reads {@code in}; closing this reader closes it. {@code what} names the input in error messages. */
    public PngReader(InputStream in, String what) throws IOException {
        this.source = in;
        this.what = what;
        try {
            PngChunkReader chunks = new PngChunkReader(in, what);
            this.header = chunks.header();
            if (header.width() > MAX_WIDTH || header.height() > MAX_HEIGHT) {
                throw new IOException(what + " is " + header.width() + "x" + header.height() + " px, over the "
                        + MAX_WIDTH + "x" + MAX_HEIGHT + " px this reader accepts");
            }
            if (header.interlaced()) {
                throw new IOException(what + " is an interlaced PNG, which cannot be read row by row; save it without interlacing");
            }
            this.palette = header.colourType() == 3 ? palette(chunks) : null;
            byte[] trns = chunks.transparency();
            this.transparentGrey = header.colourType() == 0 && trns != null && trns.length >= 2 ? (trns[0] & 0xff) << 8 | (trns[1] & 0xff) : -1;
            this.transparentRgb = header.colourType() == 2 && trns != null && trns.length >= 6 ? rgbKey(trns) : -1;
            this.scanlines = chunks.scanlines();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        this.cur = new byte[header.stride()];
        this.prev = new byte[header.stride()];
    }

    /** Opens a file; the error for a missing file names it. */
    public static PngReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such PNG file");
        return new PngReader(new BufferedInputStream(Files.newInputStream(file), 64 * 1024), file.getFileName().toString());
    }

    public PngHeader header() {
        return header;
    }

    @Override
    public int width() {
        return header.width();
    }

    @Override
    public int height() {
        return header.height();
    }

    @Override
    public void row(int y, int[] argb) throws IOException {
        if (y < next - 1 || y >= header.height()) throw new IllegalArgumentException("row " + y + " asked after row " + (next - 1));
        if (y == next - 1) { // the same row again
            convert(prev, argb);
            return;
        }
        while (next <= y) {
            if (scanlines.readNBytes(cur, 0, cur.length) < cur.length) {
                throw new IOException(what + " is truncated: image data ends at row " + next + " of " + header.height());
            }
            PngFilters.unfilter(cur, next == 0 ? null : prev, header.filterBytes());
            byte[] t = prev;
            prev = cur;
            cur = t;
            next++;
        }
        convert(prev, argb);
    }

    private void convert(byte[] s, int[] argb) {
        int w = header.width();
        int depth = header.bitDepth();
        switch (header.colourType()) {
            case 6 -> {
                int step = depth == 16 ? 8 : 4, o = depth == 16 ? 2 : 1;
                for (int x = 0, p = 1; x < w; x++, p += step) {
                    argb[x] = (s[p + 3 * o] & 0xff) << 24 | (s[p] & 0xff) << 16 | (s[p + o] & 0xff) << 8 | (s[p + 2 * o] & 0xff);
                }
            }
            case 2 -> {
                int step = depth == 16 ? 6 : 3, o = depth == 16 ? 2 : 1;
                for (int x = 0, p = 1; x < w; x++, p += step) {
                    int rgb = (s[p] & 0xff) << 16 | (s[p + o] & 0xff) << 8 | (s[p + 2 * o] & 0xff);
                    boolean clear = transparentRgb >= 0 && rgbSample(s, p, depth) == transparentRgb;
                    argb[x] = clear ? rgb : 0xff000000 | rgb;
                }
            }
            case 4 -> {
                int step = depth == 16 ? 4 : 2, o = depth == 16 ? 2 : 1;
                for (int x = 0, p = 1; x < w; x++, p += step) {
                    int g = s[p] & 0xff;
                    argb[x] = (s[p + o] & 0xff) << 24 | g << 16 | g << 8 | g;
                }
            }
            case 0 -> {
                for (int x = 0; x < w; x++) {
                    int v = sample(s, x, depth);
                    int g = depth == 16 ? v >>> 8 : v * 255 / ((1 << depth) - 1);
                    int a = v == transparentGrey ? 0 : 0xff;
                    argb[x] = a << 24 | g << 16 | g << 8 | g;
                }
            }
            case 3 -> {
                for (int x = 0; x < w; x++) {
                    int i = sample(s, x, depth);
                    argb[x] = i < palette.length ? palette[i] : 0xff000000;
                }
            }
            default -> throw new IllegalStateException("colour type " + header.colourType());
        }
    }

    /** Sample {@code x} of a 1/2/4/8/16-bit single-channel scanline. */
    private static int sample(byte[] s, int x, int depth) {
        return switch (depth) {
            case 16 -> (s[1 + 2 * x] & 0xff) << 8 | (s[2 + 2 * x] & 0xff);
            case 8 -> s[1 + x] & 0xff;
            default -> {
                int perByte = 8 / depth;
                int b = s[1 + x / perByte] & 0xff;
                int shift = 8 - depth * (x % perByte + 1);
                yield (b >>> shift) & ((1 << depth) - 1);
            }
        };
    }

    private static long rgbSample(byte[] s, int p, int depth) {
        if (depth == 8) return (s[p] & 0xffL) << 16 | (s[p + 1] & 0xffL) << 8 | (s[p + 2] & 0xffL);
        long v = 0;
        for (int i = 0; i < 6; i++) v = v << 8 | (s[p + i] & 0xffL);
        return v;
    }

    private long rgbKey(byte[] t) {
        long r = (t[0] & 0xffL) << 8 | (t[1] & 0xffL), g = (t[2] & 0xffL) << 8 | (t[3] & 0xffL), b = (t[4] & 0xffL) << 8 | (t[5] & 0xffL);
        return header.bitDepth() == 16 ? r << 32 | g << 16 | b : (r & 0xff) << 16 | (g & 0xff) << 8 | (b & 0xff);
    }

    private int[] palette(PngChunkReader chunks) throws IOException {
        byte[] p = chunks.palette();
        if (p == null || p.length % 3 != 0 || p.length == 0) throw new IOException(what + ": palette image without a valid PLTE chunk");
        byte[] alpha = chunks.transparency();
        int[] out = new int[p.length / 3];
        for (int i = 0; i < out.length; i++) {
            int a = alpha != null && i < alpha.length ? alpha[i] & 0xff : 0xff;
            out[i] = a << 24 | (p[3 * i] & 0xff) << 16 | (p[3 * i + 1] & 0xff) << 8 | (p[3 * i + 2] & 0xff);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            scanlines.close();
        } finally {
            source.close();
        }
    }
}
