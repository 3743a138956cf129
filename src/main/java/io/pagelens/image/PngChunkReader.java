package io.pagelens.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a PNG's chunks from a stream: the IHDR, the chunks before the image data (PLTE and tRNS are kept, other
 * ancillary chunks skipped), then the pixel data as one inflated stream of filtered scanlines across all IDAT
 * chunks. Every chunk's CRC is checked. Holds a 64 KB buffer, never the image. Messages name {@code what}
 * ("tile", a file name) so the caller's error says which input was bad.
 */
public final class PngChunkReader {
    private static final int MAX_CHUNK = 1 << 30;

    private final InputStream in;
    private final String what;
    private final CRC32 crc = new CRC32();
    private final byte[] head = new byte[8];
    private PngHeader header;
    private byte[] palette;       // RGB triples
    private byte[] transparency;  // tRNS as stored
    private int pendingLength = -1; // length of the first IDAT, read while looking for it

    public PngChunkReader(InputStream in, String what) throws IOException {
        this.in = in;
        this.what = what;
        byte[] sig = in.readNBytes(8);
        for (int i = 0; i < 8; i++) {
            if (sig.length < 8 || sig[i] != PngChunkWriter.SIGNATURE[i]) throw new IOException(what + " is not a PNG");
        }
    }

    /** Reads the IHDR and every chunk up to the first IDAT. */
    public PngHeader header() throws IOException {
        if (header != null) return header;
        if (!nextChunk() || !type().equals("IHDR")) throw new IOException(what + " has no IHDR");
        int len = PngChunkWriter.readInt(head, 0);
        if (len != 13) throw new IOException(what + ": bad IHDR length " + len);
        byte[] h = data(len);
        int width = PngChunkWriter.readInt(h, 0), height = PngChunkWriter.readInt(h, 4);
        int depth = h[8], colour = h[9];
        if (width <= 0 || height <= 0) throw new IOException(what + ": empty image " + width + "x" + height);
        if (h[10] != 0 || h[11] != 0) throw new IOException(what + ": unknown PNG compression or filter method");
        boolean valid = switch (colour) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case 2, 4, 6 -> depth == 8 || depth == 16;
            default -> false;
        };
        if (!valid) throw new IOException(what + ": invalid PNG colour type " + colour + " with bit depth " + depth);
        header = new PngHeader(width, height, depth, colour, h[12] != 0);
        while (true) {
            if (!nextChunk()) throw new IOException(what + " has no image data (IDAT)");
            int n = PngChunkWriter.readInt(head, 0);
            String t = type();
            if (t.equals("IDAT")) {
                pendingLength = n;
                return header;
            }
            byte[] d = data(n);
            if (t.equals("PLTE")) palette = d;
            else if (t.equals("tRNS")) transparency = d;
            else if (t.equals("IEND")) throw new IOException(what + " has no image data (IDAT)");
            else if (Character.isUpperCase(t.charAt(0))) throw new IOException(what + ": unknown critical PNG chunk " + t);
        }
    }

    /** The PLTE entries as RGB triples, or null. */
    public byte[] palette() {
        return palette;
    }

    /** The raw tRNS chunk, or null. */
    public byte[] transparency() {
        return transparency;
    }

    /**
     * The inflated scanlines of all IDAT chunks, read lazily. Closing it frees the inflater but leaves the
     * underlying stream open.
     */
    public InputStream scanlines() throws IOException {
        header();
        return inflating(new IdatData());
    }

    /** The inflated bytes of the zlib stream {@code zlib}; closing frees the inflater but leaves {@code zlib} open. */
    public static InputStream inflating(InputStream zlib) {
        Inflater inflater = new Inflater();
        return new InflaterInputStream(zlib, inflater, 64 * 1024) {
            @Override
            public void close() {
                inflater.end();
            }
        };
    }

    /**
     * Reads the data of every IDAT chunk, the zlib stream, into {@code dest} from offset 0, and returns its length.
     * {@code dest} may be the very array this reader's {@code ByteArrayInputStream} reads: the data only moves down
     * over the chunk framing already read. CRCs are checked as with {@link #scanlines()}.
     */
    public int readImageData(byte[] dest) throws IOException {
        header();
        IdatData idat = new IdatData();
        int n = 0;
        for (int got; n < dest.length && (got = idat.read(dest, n, dest.length - n)) > 0; ) n += got;
        if (n == dest.length && idat.read() >= 0) throw new IOException(what + ": image data larger than " + dest.length + " bytes");
        return n;
    }

    private boolean nextChunk() throws IOException {
        int n = in.readNBytes(head, 0, 8);
        if (n == 0) return false;
        if (n < 8) throw new IOException(what + ": truncated PNG chunk");
        int len = PngChunkWriter.readInt(head, 0);
        if (len < 0 || len > MAX_CHUNK) throw new IOException(what + ": bad PNG chunk length " + len);
        crc.reset();
        crc.update(head, 4, 4);
        return true;
    }

    private String type() {
        return new String(head, 4, 4, StandardCharsets.US_ASCII);
    }

    private byte[] data(int len) throws IOException {
        byte[] d = in.readNBytes(len);
        if (d.length < len) throw new IOException(what + ": truncated PNG chunk " + type());
        crc.update(d);
        checkCrc();
        return d;
    }

    private void checkCrc() throws IOException {
        byte[] tail = in.readNBytes(4);
        if (tail.length < 4) throw new EOFException(what + ": truncated PNG chunk " + type());
        if (PngChunkWriter.readInt(tail, 0) != (int) crc.getValue()) throw new IOException(what + ": CRC error in PNG chunk " + type());
    }

    /** The data of consecutive IDAT chunks as one stream; ends at the first other chunk. */
    private final class IdatData extends InputStream {
        private int left = pendingLength; // bytes left in the current IDAT
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (!done && left == 0) {
                checkCrc();
                if (!nextChunk() || !type().equals("IDAT")) {
                    done = true;
                    break;
                }
                left = PngChunkWriter.readInt(head, 0);
            }
            if (done) return -1;
            int n = in.read(b, off, Math.min(len, left));
            if (n < 0) throw new EOFException(what + ": truncated PNG image data");
            crc.update(b, off, n);
            left -= n;
            return n;
        }
    }
}
