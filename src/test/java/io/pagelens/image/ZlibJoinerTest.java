package io.pagelens.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;

public class ZlibJoinerTest {

    /** A zlib stream shaped as Chromium's PNG encoder makes it: level 1, a sync flush, then an empty final block. */
    public static byte[] syncFlushed(byte[] data, int level) {
        Deflater d = new Deflater(level);
        d.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length || !d.needsInput());
        d.finish();
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }

    static byte[] inflate(byte[] z) throws DataFormatException {
        Inflater inf = new Inflater();
        inf.setInput(z);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!inf.finished()) {
            int n = inf.inflate(buf);
            if (n == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) throw new DataFormatException("truncated stream");
            out.write(buf, 0, n);
        }
        assertThat(inf.getRemaining()).as("bytes after the stream").isZero();
        inf.end();
        return out.toByteArray();
    }

    /** Scanline-like data: runs, gradients and noise, every piece starting with filter type 2. */
    static byte[] rows(Random r, int rows, int stride) {
        byte[] b = new byte[rows * stride];
        for (int y = 0; y < rows; y++) {
            b[y * stride] = 2;
            int kind = r.nextInt(3);
            for (int x = 1; x < stride; x++) {
                b[y * stride + x] = (byte) switch (kind) {
                    case 0 -> 0;
                    case 1 -> x * 7 + y;
                    default -> r.nextInt(256);
                };
            }
        }
        return b;
    }

    @Test
    void copiedStreams_withTheirFirstByteChanged_inflateToTheJoinedBytes_checksumIncluded() throws Exception {
        Random r = new Random(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZlibJoiner j = new ZlibJoiner(out, 1);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int copied = 0;
        for (int i = 0; i < 40; i++) {
            byte[] piece = rows(r, 5 + r.nextInt(60), 1 + 3 * (50 + r.nextInt(400)));
            byte[] z = syncFlushed(piece, 1 + r.nextInt(9));
            if (j.append(z, 0, z.length, piece.length, b -> b == 2 ? 0 : b)) {
                copied++;
                piece[0] = 0;
            } else {
                piece[0] = 0;
                j.write(piece, 0, piece.length);
            }
            expected.write(piece);
        }
        j.finish();
        assertThat(copied).as("pieces copied, not re-compressed").isGreaterThan(30);
        assertThat(inflate(out.toByteArray())).isEqualTo(expected.toByteArray());
    }

    @Test
    void piecesDeflatedHere_andCopiedOnes_mix() throws Exception {
        Random r = new Random(11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZlibJoiner j = new ZlibJoiner(out, 6);
        byte[] a = rows(r, 30, 301), b = rows(r, 30, 301), c = rows(r, 30, 301);
        j.write(a, 0, a.length);
        byte[] zb = syncFlushed(b, 1);
        assertThat(j.append(zb, 0, zb.length, b.length, v -> v)).isTrue();
        j.write(c, 0, 100);
        j.write(c, 100, c.length - 100);
        j.finish();
        byte[] all = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        assertThat(inflate(out.toByteArray())).isEqualTo(all);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void emptyPaddingBlocks_takeEveryResidue_andDecode(int mod) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZlibJoiner j = new ZlibJoiner(out, 1);
        j.pad(mod);
        assertThat(j.pendingBits()).isEqualTo(mod);
        j.pad((8 - mod) % 8);
        assertThat(j.pendingBits()).isZero();
        j.finish();
        assertThat(inflate(out.toByteArray())).isEmpty();
    }

    @Test
    void aStreamNotEndingInASyncFlush_isNotCopied() throws Exception {
        byte[] data = rows(new Random(1), 40, 301);
        Deflater d = new Deflater(1);
        d.setInput(data);
        d.finish();
        byte[] z = new byte[data.length * 2];
        int n = d.deflate(z);
        ZlibJoiner j = new ZlibJoiner(new ByteArrayOutputStream(), 1);
        assertThat(j.append(z, 0, n, data.length, v -> v)).isFalse();
    }

    @Test
    void aBackReferenceToTheFirstByte_makesTheStreamUncopyable() throws Exception {
        byte[] data = new byte[50_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i % 3 == 0 ? 2 : 9); // 2 9 9 2 9 9: copies byte 0 at once
        byte[] z = syncFlushed(data, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZlibJoiner j = new ZlibJoiner(out, 1);
        assertThat(j.append(z, 0, z.length, data.length, b -> 0)).isFalse();
        byte[] fixed = data.clone();
        fixed[0] = 0;
        j.write(fixed, 0, fixed.length);
        j.finish();
        assertThat(inflate(out.toByteArray())).isEqualTo(fixed);
    }

    @Test
    void adlerCombine_andFirstByteChange_matchTheChecksumOfTheBytes() {
        Random r = new Random(3);
        for (int t = 0; t < 50; t++) {
            byte[] a = new byte[r.nextInt(200_000)], b = new byte[1 + r.nextInt(200_000)];
            r.nextBytes(a);
            r.nextBytes(b);
            Adler32 whole = new Adler32();
            whole.update(a);
            whole.update(b);
            assertThat(ZlibJoiner.combine(adler(a), adler(b), b.length)).isEqualTo(whole.getValue());
            byte[] changed = b.clone();
            changed[0] = (byte) r.nextInt(256);
            int delta = (changed[0] & 0xff) - (b[0] & 0xff);
            assertThat(ZlibJoiner.withFirstByteChanged(adler(b), delta, b.length)).isEqualTo(adler(changed));
        }
    }

    @Test
    void scan_findsTheFirstLiteral_andTheEndOfTheFirstBlock() {
        byte[] data = rows(new Random(5), 200, 1 + 3 * 640);
        byte[] z = syncFlushed(data, 1);
        DeflateHead h = DeflateHead.scan(z, 2, z.length - 8);
        assertThat(h).isNotNull();
        assertThat(h.firstLiteral()).isEqualTo(2);
        assertThat(h.codeBit()).isPositive();
        assertThat(h.blockEnd()).isGreaterThan(h.codeBit());
        assertThat(h.codeFor(0)).isNotZero();
        assertThat(Arrays.copyOf(data, 1)).containsExactly(2);
    }

    private static long adler(byte[] b) {
        Adler32 a = new Adler32();
        a.update(b);
        return a.getValue();
    }
}
