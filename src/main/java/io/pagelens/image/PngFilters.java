package io.pagelens.image;

/**
 * PNG's five scanline filters (None, Sub, Up, Average, Paeth). A scanline here is the filter-type byte followed by
 * the filtered bytes, as it comes out of the zlib stream; {@code bpp} is the byte distance to the pixel on the left.
 */
public final class PngFilters {
    private PngFilters() {
    }

    /** Restores {@code row} in place from its filter, given the restored row above ({@code prev}; null at the top). */
    public static void unfilter(byte[] row, byte[] prev, int bpp) {
        int type = row[0];
        int n = row.length;
        switch (type) {
            case 0 -> { }
            case 1 -> {
                for (int i = 1 + bpp; i < n; i++) row[i] = (byte) (row[i] + row[i - bpp]);
            }
            case 2 -> {
                if (prev != null) for (int i = 1; i < n; i++) row[i] = (byte) (row[i] + prev[i]);
            }
            case 3 -> {
                for (int i = 1; i < n; i++) {
                    int left = i > bpp ? row[i - bpp] & 0xff : 0;
                    int up = prev != null ? prev[i] & 0xff : 0;
                    row[i] = (byte) (row[i] + ((left + up) >>> 1));
                }
            }
            case 4 -> {
                for (int i = 1; i < n; i++) {
                    int left = i > bpp ? row[i - bpp] & 0xff : 0;
                    int up = prev != null ? prev[i] & 0xff : 0;
                    int upLeft = prev != null && i > bpp ? prev[i - bpp] & 0xff : 0;
                    row[i] = (byte) (row[i] + paeth(left, up, upLeft));
                }
            }
            default -> throw new IllegalArgumentException("unknown PNG filter type " + type);
        }
        row[0] = 0;
    }

    /**
     * Makes a scanline independent of the row above it by restoring it against a zero row, leaving filter None.
     * Used when a tile's first row is placed under another tile's last one.
     */
    public static void unfilterAgainstZeroRow(byte[] row, int bpp) {
        unfilter(row, null, bpp);
    }

    /**
     * Filters a raw scanline ({@code raw[0]} unused) for encoding: tries None, Sub, Up and Paeth and keeps the one
     * with the smallest sum of absolute byte values (the heuristic libpng recommends). Returns the chosen buffer of
     * {@code work} (four buffers of {@code raw.length}), its byte 0 set to the filter type.
     */
    public static byte[] filter(byte[] raw, byte[] prevRaw, int bpp, byte[][] work) {
        int n = raw.length;
        byte[] none = work[0], sub = work[1], up = work[2], pa = work[3];
        long sNone = 0, sSub = 0, sUp = 0, sPaeth = 0;
        for (int i = 1; i < n; i++) {
            int x = raw[i] & 0xff;
            int left = i > bpp ? raw[i - bpp] & 0xff : 0;
            int above = prevRaw != null ? prevRaw[i] & 0xff : 0;
            int upLeft = prevRaw != null && i > bpp ? prevRaw[i - bpp] & 0xff : 0;
            byte b0 = (byte) x, b1 = (byte) (x - left), b2 = (byte) (x - above), b4 = (byte) (x - paeth(left, above, upLeft));
            none[i] = b0;
            sub[i] = b1;
            up[i] = b2;
            pa[i] = b4;
            sNone += Math.abs(b0);
            sSub += Math.abs(b1);
            sUp += Math.abs(b2);
            sPaeth += Math.abs(b4);
        }
        byte[] best = none;
        long min = sNone;
        int type = 0;
        if (sSub < min) { best = sub; min = sSub; type = 1; }
        if (sUp < min) { best = up; min = sUp; type = 2; }
        if (sPaeth < min) { best = pa; type = 4; }
        best[0] = (byte) type;
        return best;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }
}
