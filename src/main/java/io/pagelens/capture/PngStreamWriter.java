package io.pagelens.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a PNG row by row: IHDR, IDAT chunks of at most {@link #CHUNK} bytes, IEND. Memory is a few rows
 * plus the deflater's window, whatever the image height. Rows use the Sub filter, which suits screenshots
 * (long flat runs) at little CPU cost.
 */
final class PngStreamWriter {
    static final int CHUNK = 64 * 1024;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngStreamWriter() {
    }

    /** Writes the image; returns the bytes written. {@code alpha}: RGBA instead of RGB. */
    static long write(RowSource src, OutputStream out, boolean alpha, int level) throws IOException {
        int w = src.width();
        int h = src.height();
        if (w <= 0 || h <= 0) throw new IllegalArgumentException("empty image " + w + "x" + h);
        int bpp = alpha ? 4 : 3;
        CountingStream counted = new CountingStream(out);
        counted.write(SIGNATURE);
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream(13);
        writeInt(ihdr, w);
        writeInt(ihdr, h);
        ihdr.write(8); // bit depth
        ihdr.write(alpha ? 6 : 2); // colour type RGBA / RGB
        ihdr.write(0); // deflate
        ihdr.write(0); // adaptive filtering
        ihdr.write(0); // no interlace
        chunk(counted, "IHDR", ihdr.toByteArray(), ihdr.size());

        Deflater deflater = new Deflater(level);
        try (IdatStream idat = new IdatStream(counted);
             DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, CHUNK)) {
            int[] argb = new int[w];
            byte[] raw = new byte[w * bpp];
            byte[] line = new byte[1 + w * bpp];
            line[0] = 1; // Sub filter
            for (int y = 0; y < h; y++) {
                src.row(y, argb);
                int p = 0;
                for (int x = 0; x < w; x++) {
                    int c = argb[x];
                    raw[p++] = (byte) (c >>> 16);
                    raw[p++] = (byte) (c >>> 8);
                    raw[p++] = (byte) c;
                    if (alpha) raw[p++] = (byte) (c >>> 24);
                }
                for (int i = 0; i < raw.length; i++) {
                    int left = i >= bpp ? raw[i - bpp] : 0;
                    line[1 + i] = (byte) (raw[i] - left);
                }
                z.write(line);
            }
            z.finish();
        } finally {
            deflater.end();
        }
        chunk(counted, "IEND", new byte[0], 0);
        counted.flush();
        return counted.count;
    }

    private static void writeInt(OutputStream o, int v) throws IOException {
        o.write(v >>> 24);
        o.write(v >>> 16);
        o.write(v >>> 8);
        o.write(v);
    }

    private static void chunk(OutputStream out, String type, byte[] data, int len) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        writeInt(out, len);
        out.write(t);
        out.write(data, 0, len);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, len);
        writeInt(out, (int) crc.getValue());
    }

    /** Collects deflated bytes and emits them as IDAT chunks. Closing flushes the last one. */
    private static final class IdatStream extends OutputStream {
        private final OutputStream out;
        private final byte[] buf = new byte[CHUNK];
        private int n;

        IdatStream(OutputStream out) {
            this.out = out;
        }

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
            if (n > 0) chunk(out, "IDAT", buf, n);
            n = 0;
        }

        @Override
        public void close() throws IOException {
            emit(); // the sink itself stays open: IEND follows
        }
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
