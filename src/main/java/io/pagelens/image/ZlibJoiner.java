package io.pagelens.image;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.IntUnaryOperator;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * Writes one zlib stream (RFC 1950) made of pieces: the deflate data of other zlib streams, copied without
 * re-compressing (gzjoin-style), and bytes deflated here. A copied stream must end the way Chromium's PNG encoder
 * ends it, with a sync flush and an empty final block, so that its data stops at a byte boundary in a non-final
 * block; its first byte may be changed (a PNG tile's first filter type) by editing that one literal's Huffman code
 * in place and padding with empty blocks back to the source's bit alignment. The checksum is combined from the
 * pieces' own, so the copied bytes are never inflated.
 */
public final class ZlibJoiner {
    private static final int ADLER_BASE = 65_521;
    /** The smallest stream this can join: header, sync flush, empty final block, checksum. */
    private static final int MIN_STREAM = 2 + 5 + 2 + 4;

    private final OutputStream out;
    private final Deflater deflater;
    private final Adler32 segmentSum = new Adler32();
    private final byte[] deflated = new byte[64 * 1024];
    private int bits;       // pending output bits (fewer than 8), LSB first
    private int bitCount;
    private boolean segmentOpen;
    private long segmentLength;
    private long adler = 1;
    private boolean finished;

    /** Starts the stream on {@code out} (a buffered one: bits go out a byte at a time); {@code level} (1-9) is for the bytes deflated here. */
    public ZlibJoiner(OutputStream out, int level) throws IOException {
        if (level < 1 || level > 9) throw new IllegalArgumentException("level must be 1..9");
        this.out = out;
        this.deflater = new Deflater(level, true);
        put(0x78);
        put(level == 1 ? 0x01 : level < 6 ? 0x5e : level == 6 ? 0x9c : 0xda);
    }

    /**
     * Appends the uncompressed bytes of the zlib stream {@code z[off, off + len)}, which must come to {@code length}
     * bytes, with its first byte replaced by {@code firstByte.applyAsInt(first)}. False, with nothing written, when
     * that stream cannot be copied (not shaped as described above, an unknown or impossible first byte, a
     * back-reference to the first byte): the caller then inflates it and {@link #write}s the bytes instead.
     */
    public boolean append(byte[] z, int off, int len, long length, IntUnaryOperator firstByte) throws IOException {
        if (finished) throw new IllegalStateException("finished");
        if (len < MIN_STREAM || !zlibHeader(z[off] & 0xff, z[off + 1] & 0xff) || !endsWithSyncFlush(z, off + len)) return false;
        int data = off + 2;
        int dataLen = len - 2 - 6;
        DeflateHead head = DeflateHead.scan(z, data, dataLen);
        if (head == null) return false;
        int first = head.firstLiteral();
        int wanted = firstByte.applyAsInt(first);
        boolean edit = wanted != first;
        // only bytes 0 and 1 are looked up: the filter types a first row can take (PngSplicer)
        int code = edit && (wanted == 0 || wanted == 1) ? head.codeFor(wanted) : 0;
        if (edit && code == 0) return false;
        endSegment();
        long base = (long) data * 8;
        long end = (long) (data + dataLen) * 8;
        if (!edit) {
            copyBits(z, base, end);
        } else {
            int codeLength = code >>> 16;
            copyBits(z, base, base + head.codeBit());
            writeBits(code & 0xffff, codeLength);
            copyBits(z, base + head.codeBit() + head.codeLength(), base + head.blockEnd());
            pad(Math.floorMod(head.codeLength() - codeLength, 8));
            copyBits(z, base + head.blockEnd(), end);
        }
        if (bitCount != 0) throw new IllegalStateException("copied stream did not end on a byte boundary");
        long sum = readInt(z, off + len - 4) & 0xffffffffL;
        adler = combine(adler, withFirstByteChanged(sum, wanted - first, length), length);
        return true;
    }

    /** Appends bytes deflated here; consecutive writes share one deflate segment. */
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished) throw new IllegalStateException("finished");
        if (!segmentOpen) {
            deflater.reset();
            segmentSum.reset();
            segmentLength = 0;
            segmentOpen = true;
        }
        segmentSum.update(b, off, len);
        segmentLength += len;
        deflater.setInput(b, off, len);
        while (!deflater.needsInput()) drain(Deflater.NO_FLUSH);
    }

    /** Ends the stream: an empty final block and the checksum. The underlying stream is flushed, not closed. */
    public void finish() throws IOException {
        if (finished) return;
        endSegment();
        put(0x03); // final block, fixed codes, end-of-block at once
        put(0x00);
        for (int shift = 24; shift >= 0; shift -= 8) put((int) (adler >>> shift) & 0xff);
        out.flush();
        deflater.end();
        finished = true;
    }

    /** Closes the open deflate segment with a sync flush: non-final blocks ending on a byte boundary. */
    private void endSegment() throws IOException {
        if (!segmentOpen) return;
        int got;
        do {
            got = drain(Deflater.SYNC_FLUSH);
        } while (got == deflated.length);
        adler = combine(adler, segmentSum.getValue(), segmentLength);
        segmentOpen = false;
    }

    private int drain(int flush) throws IOException {
        int got = deflater.deflate(deflated, 0, deflated.length, flush);
        out.write(deflated, 0, got);
        return got;
    }

    /**
     * Empty non-final blocks taking {@code mod} (0-7) bits modulo 8: a fixed-code block is 10 bits, the dynamic one
     * of {@link #emptyDynamicBlock} 95; every residue is one dynamic block and up to three fixed ones.
     */
    void pad(int mod) throws IOException {
        if (mod % 2 == 1) {
            emptyDynamicBlock();
            mod = Math.floorMod(mod - 95, 8);
        }
        for (int i = 0; i < mod / 2; i++) writeBits(0b010, 3 + 7); // BFINAL 0, BTYPE 01, end-of-block 0000000
    }

    /**
     * An empty block with dynamic codes, 95 bits: 257 literal/length and 2 distance codes; the code-length code has
     * 19 entries (only "length 1" and "repeat zero 11-138 times", one bit each); the literal/length code gives byte 0
     * and end-of-block one bit each, the two distance codes one bit each, so every code is complete.
     */
    private void emptyDynamicBlock() throws IOException {
        writeBits(0b100, 3);       // BFINAL 0, BTYPE 10
        writeBits(0, 5);           // HLIT = 257
        writeBits(1, 5);           // HDIST = 2
        writeBits(15, 4);          // HCLEN = 19
        // code-length code lengths in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1 15: 18 and 1 get 1 bit
        for (int i = 0; i < 19; i++) writeBits(i == 2 || i == 17 ? 1 : 0, 3);
        // canonical codes: symbol 1 -> 0, symbol 18 -> 1
        writeBits(0, 1);           // byte 0: length 1
        writeBits(1, 1);           // 138 zeros
        writeBits(127, 7);
        writeBits(1, 1);           // 117 zeros (bytes 139-255)
        writeBits(106, 7);
        writeBits(0, 1);           // end-of-block: length 1
        writeBits(0, 1);           // distance 0: length 1
        writeBits(0, 1);           // distance 1: length 1
        writeBits(1, 1);           // end-of-block (byte 0 -> code 0, 256 -> code 1)
    }

    /** Output bits not yet making a whole byte. */
    int pendingBits() {
        return bitCount;
    }

    /** Copies bits [from, to) of {@code src}; whole bytes at once when the output has the same bit alignment. */
    private void copyBits(byte[] src, long from, long to) throws IOException {
        if (from >= to) return;
        if (bitCount == (int) (from & 7)) {
            int i = (int) (from >>> 3);
            int last = (int) (to >>> 3);
            if (i == last) {
                writeBitsAt(src, from, (int) (to - from));
                return;
            }
            put(bits | (src[i] & 0xff & (0xff << bitCount)));
            bits = 0;
            bitCount = 0;
            putAll(src, i + 1, last - i - 1);
            writeBitsAt(src, (long) last * 8, (int) (to & 7));
            return;
        }
        while (from < to) {
            int k = (int) Math.min(16, to - from);
            writeBitsAt(src, from, k);
            from += k;
        }
    }

    /** Writes {@code k} (at most 16) bits of {@code src} from bit {@code from}. */
    private void writeBitsAt(byte[] src, long from, int k) throws IOException {
        if (k == 0) return;
        int i = (int) (from >>> 3);
        int v = src[i] & 0xff;
        if (i + 1 < src.length) v |= (src[i + 1] & 0xff) << 8;
        if (i + 2 < src.length) v |= (src[i + 2] & 0xff) << 16;
        writeBits((v >>> (from & 7)) & ((1 << k) - 1), k);
    }

    private void writeBits(int value, int count) throws IOException {
        bits |= value << bitCount;
        bitCount += count;
        while (bitCount >= 8) {
            put(bits & 0xff);
            bits >>>= 8;
            bitCount -= 8;
        }
    }

    private void put(int b) throws IOException {
        out.write(b);
    }

    private void putAll(byte[] src, int off, int len) throws IOException {
        out.write(src, off, len);
    }

    private static boolean zlibHeader(int cmf, int flg) {
        return (cmf & 0x0f) == 8 && (cmf >>> 4) <= 7 && (flg & 0x20) == 0 && (cmf << 8 | flg) % 31 == 0;
    }

    /** ... 00 00 ff ff (an empty stored block: a sync flush), 03 00 (an empty final block), then the checksum. */
    private static boolean endsWithSyncFlush(byte[] z, int end) {
        return z[end - 10] == 0 && z[end - 9] == 0 && z[end - 8] == (byte) 0xff && z[end - 7] == (byte) 0xff
                && z[end - 6] == 3 && z[end - 5] == 0;
    }

    private static int readInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    /** The Adler-32 of the same {@code length} bytes with the first one larger by {@code delta}. */
    static long withFirstByteChanged(long sum, int delta, long length) {
        long a = Math.floorMod((sum & 0xffff) + delta, ADLER_BASE);
        long b = Math.floorMod((sum >>> 16) + Math.floorMod((long) delta * (length % ADLER_BASE), ADLER_BASE), ADLER_BASE);
        return b << 16 | a;
    }

    /** The Adler-32 of two byte sequences one after the other, from theirs and the second one's length (zlib's adler32_combine). */
    static long combine(long first, long second, long secondLength) {
        long rem = secondLength % ADLER_BASE;
        long sum1 = first & 0xffff;
        long sum2 = rem * sum1 % ADLER_BASE;
        sum1 += (second & 0xffff) + ADLER_BASE - 1;
        sum2 += ((first >>> 16) & 0xffff) + ((second >>> 16) & 0xffff) + ADLER_BASE - rem;
        if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
        if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
        if (sum2 >= 2L * ADLER_BASE) sum2 -= 2L * ADLER_BASE;
        if (sum2 >= ADLER_BASE) sum2 -= ADLER_BASE;
        return sum2 << 16 | sum1;
    }
}
