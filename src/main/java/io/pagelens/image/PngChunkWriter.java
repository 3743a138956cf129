package io.pagelens.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a PNG's chunks: signature and IHDR, then the pixel data through {@link #idat(int)} (a deflating stream cut
 * into IDAT chunks of at most 64 KB as the compressed bytes come), then IEND. Nothing but one chunk buffer is held.
 */
public final class PngChunkWriter {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int CHUNK = 64 * 1024;

    private final OutputStream out;
    private final CRC32 crc = new CRC32();
    private long written;

    public PngChunkWriter(OutputStream out) {
        this.out = out;
    }

    /** The signature and IHDR (deflate compression, adaptive filtering, not interlaced). */
    public void header(int width, int height, int bitDepth, int colourType) throws IOException {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
        out.write(SIGNATURE);
        written += SIGNATURE.length;
        byte[] h = new byte[13];
        writeInt(h, 0, width);
        writeInt(h, 4, height);
        h[8] = (byte) bitDepth;
        h[9] = (byte) colourType;
        chunk("IHDR", h, h.length);
    }

    public void chunk(String type, byte[] data, int len) throws IOException {
        byte[] head = new byte[8];
        writeInt(head, 0, len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        out.write(head);
        out.write(data, 0, len);
        crc.reset();
        crc.update(t);
        crc.update(data, 0, len);
        byte[] tail = new byte[4];
        writeInt(tail, 0, (int) crc.getValue());
        out.write(tail);
        written += 12L + len;
    }

    /**
     * A stream taking filtered scanlines; they are deflated at {@code level} (0-9) into IDAT chunks. Closing it
     * ends the zlib stream and writes the last chunk (not IEND); the underlying stream stays open.
     */
    public OutputStream idat(int level) {
        Deflater deflater = new Deflater(level);
        return new DeflaterOutputStream(new IdatChunks(), deflater, CHUNK) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    deflater.end();
                }
            }
        };
    }

    /**
     * A stream taking an already compressed zlib stream, cut into IDAT chunks of at most 64 KB. Closing it writes
     * the last chunk (not IEND); the underlying stream stays open.
     */
    public OutputStream idatData() {
        return new IdatChunks();
    }

    /** IEND, then a flush. */
    public void end() throws IOException {
        chunk("IEND", new byte[0], 0);
        out.flush();
    }

    /** Bytes written so far. */
    public long written() {
        return written;
    }

    static int readInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** Buffers compressed bytes and emits one IDAT chunk per full buffer, the rest on close. */
    private final class IdatChunks extends OutputStream {
        private final byte[] buf = new byte[CHUNK];
        private int n;

        @Override
        public void write(int b) throws IOException {
            if (n == buf.length) emit();
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) emit();
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        private void emit() throws IOException {
            if (n > 0) chunk("IDAT", buf, n);
            n = 0;
        }

        @Override
        public void close() throws IOException {
            emit();
        }
    }
}
