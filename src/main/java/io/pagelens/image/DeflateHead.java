package io.pagelens.image;

import java.util.Arrays;

/**
 * Reads the start of a raw deflate stream (RFC 1951) far enough to change its first byte without re-compressing:
 * where the first literal's code sits, the code another literal would have in the same block, where that block
 * ends, and whether any back-reference in the first 32 KB of output copies from byte 0 (it would copy the changed
 * byte). Symbols are decoded but no output is kept, so this costs one block's Huffman decoding, not an inflate.
 *
 * @param firstLiteral the stream's first byte
 * @param codeBit      bit offset of the first literal's code
 * @param codeLength   its length in bits
 * @param blockEnd     bit offset just after the first block's end-of-block code (where the second block starts)
 * @param zeroCode     the first block's code for byte 0, bit-reversed for writing LSB first, in the low 16 bits,
 *                     its length in bits 16..20; 0 when the block has none
 * @param oneCode      the same for byte 1
 */
public record DeflateHead(int firstLiteral, long codeBit, int codeLength, long blockEnd, int zeroCode, int oneCode) {
    /** Deflate's window: no back-reference reaches further. */
    static final int WINDOW = 32_768;

    /** The first block's code for byte 0 or 1 ({@code zeroCode} or {@code oneCode}), or 0 when it has none. */
    public int codeFor(int value) {
        return switch (value) {
            case 0 -> zeroCode;
            case 1 -> oneCode;
            default -> throw new IllegalArgumentException("only bytes 0 and 1 are looked up, not " + value);
        };
    }

    /**
     * Scans {@code data[off, off + len)}. Null when the stream does not suit an in-place edit of its first byte: the
     * first block is also the last, or a back-reference in the first 32 KB copies byte 0, or the data is not deflate.
     */
    public static DeflateHead scan(byte[] data, int off, int len) {
        try {
            return new Scanner(data, off, len).run();
        } catch (IllegalStateException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static final class Scanner {
        private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                67, 83, 99, 115, 131, 163, 195, 227, 258};
        private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
                5, 5, 5, 5, 0};
        private static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
                769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
        private static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
                11, 11, 12, 12, 13, 13};
        private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

        private final byte[] data;
        private final int end;
        private final int start;
        private long buffer; // bits read ahead, LSB first
        private int count;   // how many
        private int next;    // next byte to read into the buffer
        private long pos;    // output bytes decoded so far

        Scanner(byte[] data, int off, int len) {
            this.data = data;
            this.start = off;
            this.end = off + len;
            this.next = off;
        }

        DeflateHead run() {
            boolean last = bits(1) == 1;
            int type = bits(2);
            if (last) return null; // the one block would need its final flag moved too: not worth it
            int first;
            long codeBit;
            int codeLength;
            int[] codes = new int[2];
            if (type == 0) {
                int n = storedLength();
                if (n == 0) return null;
                codeBit = bit();
                codeLength = 8;
                first = data[(int) (codeBit >>> 3)] & 0xff;
                for (int v = 0; v < 2; v++) codes[v] = 8 << 16 | v;
                skipStored(n);
                pos = n;
            } else {
                Huffman[] t = tables(type);
                for (int v = 0; v < 2; v++) {
                    int l = t[0].lengths[v];
                    if (l > 0) codes[v] = l << 16 | t[0].reversed[v];
                }
                codeBit = bit();
                int sym = t[0].decode(this);
                if (sym >= 256) return null;
                first = sym;
                codeLength = (int) (bit() - codeBit);
                pos = 1;
                if (!symbols(t[0], t[1])) return null;
            }
            long blockEnd = bit();
            // later blocks only matter while a back-reference could still reach byte 0
            while (pos <= WINDOW && bit() < (long) end * 8) {
                boolean fin = bits(1) == 1;
                int bt = bits(2);
                if (bt == 0) {
                    int n = storedLength();
                    skipStored(n);
                    pos += n;
                } else {
                    Huffman[] t = tables(bt);
                    if (!symbols(t[0], t[1])) return null;
                }
                if (fin) break;
            }
            return new DeflateHead(first, codeBit - (long) start * 8, codeLength, blockEnd - (long) start * 8, codes[0], codes[1]);
        }

        /** Decodes to the end of the block; false when a back-reference copies byte 0. */
        private boolean symbols(Huffman lit, Huffman dist) {
            while (true) {
                int sym = lit.decode(this);
                if (sym < 256) {
                    pos++;
                } else if (sym == 256) {
                    return true;
                } else {
                    int i = sym - 257;
                    if (i >= LENGTH_BASE.length) throw new IllegalStateException("bad length symbol");
                    int length = LENGTH_BASE[i] + bits(LENGTH_EXTRA[i]);
                    int d = dist.decode(this);
                    if (d >= DIST_BASE.length) throw new IllegalStateException("bad distance symbol");
                    int distance = DIST_BASE[d] + bits(DIST_EXTRA[d]);
                    if (distance > pos) throw new IllegalStateException("distance too far back");
                    if (distance == pos) return false;
                    pos += length;
                }
            }
        }

        private int storedLength() {
            seek((bit() + 7) & ~7L);
            int n = bits(16);
            if ((bits(16) ^ 0xffff) != n) throw new IllegalStateException("bad stored block length");
            return n;
        }

        private void skipStored(int n) {
            seek(bit() + 8L * n);
        }

        private Huffman[] tables(int type) {
            if (type == 1) return new Huffman[]{Huffman.FIXED_LITERALS, Huffman.FIXED_DISTANCES};
            if (type != 2) throw new IllegalStateException("bad block type");
            int hlit = bits(5) + 257;
            int hdist = bits(5) + 1;
            int hclen = bits(4) + 4;
            int[] clen = new int[19];
            for (int i = 0; i < hclen; i++) clen[CODE_LENGTH_ORDER[i]] = bits(3);
            Huffman cl = new Huffman(clen);
            int[] lengths = new int[hlit + hdist];
            for (int i = 0; i < lengths.length; ) {
                int sym = cl.decode(this);
                if (sym < 16) {
                    lengths[i++] = sym;
                    continue;
                }
                int repeat;
                int value = 0;
                if (sym == 16) {
                    if (i == 0) throw new IllegalStateException("repeat with no previous length");
                    value = lengths[i - 1];
                    repeat = 3 + bits(2);
                } else if (sym == 17) {
                    repeat = 3 + bits(3);
                } else {
                    repeat = 11 + bits(7);
                }
                if (i + repeat > lengths.length) throw new IllegalStateException("code lengths overflow");
                for (int k = 0; k < repeat; k++) lengths[i++] = value;
            }
            return new Huffman[]{new Huffman(Arrays.copyOfRange(lengths, 0, hlit)),
                    new Huffman(Arrays.copyOfRange(lengths, hlit, lengths.length))};
        }

        /** The next {@code n} (at most 32) bits, without taking them; zeros past the end. */
        int peek(int n) {
            while (count < n) {
                buffer |= (long) (next < end ? data[next] & 0xff : 0) << count;
                next++;
                count += 8;
            }
            return (int) (buffer & ((1L << n) - 1));
        }

        int bits(int n) {
            if (n == 0) return 0;
            int v = peek(n);
            skip(n);
            return v;
        }

        void skip(int n) {
            buffer >>>= n;
            count -= n;
            if (bit() > (long) end * 8) throw new IllegalStateException("truncated");
        }

        /** The absolute bit offset of the next unread bit. */
        long bit() {
            return (long) next * 8 - count;
        }

        /** Moves to absolute bit offset {@code b} (a multiple of 8). */
        void seek(long b) {
            if (b > (long) end * 8) throw new IllegalStateException("truncated");
            next = (int) (b >>> 3);
            buffer = 0;
            count = 0;
        }
    }

    /** A canonical Huffman code, decoded through one table indexed by the next {@code max} bits. */
    static final class Huffman {
        static final Huffman FIXED_LITERALS = new Huffman(fixedLiteralLengths());
        static final Huffman FIXED_DISTANCES = new Huffman(filled(30, 5));

        final int[] lengths;
        final int[] reversed;
        private final int max;
        private final int[] table; // symbol << 4 | length, by the next max bits (LSB first)

        Huffman(int[] lengths) {
            this.lengths = lengths;
            this.reversed = new int[lengths.length];
            int m = 0;
            for (int l : lengths) m = Math.max(m, l);
            this.max = Math.max(1, m); // a block of literals only may send no distance code at all
            int[] count = new int[16];
            for (int l : lengths) count[l]++;
            count[0] = 0;
            int[] next = new int[16];
            int code = 0;
            for (int l = 1; l <= 15; l++) {
                code = (code + count[l - 1]) << 1;
                next[l] = code;
            }
            this.table = new int[1 << m];
            for (int s = 0; s < lengths.length; s++) {
                int l = lengths[s];
                if (l == 0) continue;
                int c = next[l]++;
                if (c >= 1 << l) throw new IllegalStateException("oversubscribed code");
                int r = Integer.reverse(c) >>> (32 - l);
                reversed[s] = r;
                for (int i = r; i < table.length; i += 1 << l) table[i] = s << 4 | l;
            }
        }

        int decode(Scanner in) {
            int e = table[in.peek(max)];
            if (e == 0) throw new IllegalStateException("invalid code");
            in.skip(e & 15);
            return e >>> 4;
        }

        private static int[] fixedLiteralLengths() {
            int[] l = new int[288];
            for (int i = 0; i < 288; i++) l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
            return l;
        }

        private static int[] filled(int n, int v) {
            int[] a = new int[n];
            Arrays.fill(a, v);
            return a;
        }
    }
}
