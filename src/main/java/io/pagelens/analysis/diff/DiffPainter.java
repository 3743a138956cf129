package io.pagelens.analysis.diff;

import io.pagelens.image.PngWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes the diff image and the side-by-side image row by row while the diff runs. Colours follow pixelmatch: red
 * for a changed pixel, yellow for anti-aliasing, light orange for sub-pixel displacement, the rest a faded grey copy of A; masks are tinted blue and rows or
 * columns only one image has are tinted magenta.
 */
final class DiffPainter implements AutoCloseable {
    static final int CHANGED = 0xffff0000;
    static final int ANTI_ALIASED = 0xffffff00;
    private static final int MASK_TINT = 0x0050a0ff;
    private static final int EXTRA_TINT = 0x00ff00ff;
    static final int GUTTER = 12;
    private static final int GUTTER_COLOUR = 0xff808080;
    private static final int PADDING_COLOUR = 0xffe6e6e6;

    /** What the diff decided for a pixel of the compared area. */
    static final byte SAME = 0, DIFFERENT = 1, AA = 2, MASKED = 3, SHIFTED = 4;
    static final int SHIFTED_COLOUR = 0xffffc880;

    private final PngWriter diff;
    private final PngWriter sideBySide;
    private final int widthA;
    private final int widthB;
    private final double fade;
    private final int[] diffRow;
    private final int[] sideRow;

    DiffPainter(OutputStream diffOut, OutputStream sideOut, int widthA, int heightA, int widthB, int heightB,
                double fade, int level) throws IOException {
        this.widthA = widthA;
        this.widthB = widthB;
        this.fade = fade;
        int w = Math.max(widthA, widthB), h = Math.max(heightA, heightB);
        this.diff = diffOut == null ? null : new PngWriter(diffOut, w, h, false, level);
        this.diffRow = diffOut == null ? null : new int[w];
        PngWriter side = null;
        try {
            side = sideOut == null ? null : new PngWriter(sideOut, widthA + GUTTER + widthB, h, false, level);
        } catch (IOException | RuntimeException e) {
            if (diff != null) diff.close();
            throw e;
        }
        this.sideBySide = side;
        this.sideRow = sideOut == null ? null : new int[widthA + GUTTER + widthB];
    }

    boolean active() {
        return diff != null || sideBySide != null;
    }

    /**
     * One output row. {@code a} / {@code b} are the images' rows (null past an image's height); {@code marks} the
     * decisions over the first {@code comparedWidth} pixels (null past the compared height).
     */
    void row(int[] a, int[] b, byte[] marks, int comparedWidth) throws IOException {
        if (diff != null) {
            for (int x = 0; x < diffRow.length; x++) {
                int px;
                if (marks != null && x < comparedWidth) {
                    px = switch (marks[x]) {
                        case DIFFERENT -> CHANGED;
                        case AA -> ANTI_ALIASED;
                        case SHIFTED -> SHIFTED_COLOUR;
                        case MASKED -> tint(grey(a[x]), MASK_TINT);
                        default -> grey(a[x]);
                    };
                } else {
                    int src = a != null && x < widthA ? a[x] : b != null && x < widthB ? b[x] : 0xffffffff;
                    px = tint(grey(src), EXTRA_TINT);
                }
                diffRow[x] = px;
            }
            diff.row(diffRow);
        }
        if (sideBySide != null) {
            if (a != null) System.arraycopy(a, 0, sideRow, 0, widthA);
            else Arrays.fill(sideRow, 0, widthA, PADDING_COLOUR);
            Arrays.fill(sideRow, widthA, widthA + GUTTER, GUTTER_COLOUR);
            if (b != null) System.arraycopy(b, 0, sideRow, widthA + GUTTER, widthB);
            else Arrays.fill(sideRow, widthA + GUTTER, sideRow.length, PADDING_COLOUR);
            for (int x = 0; x < sideRow.length; x++) sideRow[x] = onWhite(sideRow[x]);
            sideBySide.row(sideRow);
        }
    }

    private int grey(int c) {
        int v = Yiq.fadedGrey(c, fade);
        return 0xff000000 | v << 16 | v << 8 | v;
    }

    /** 35% of {@code tint} over {@code c}. */
    private static int tint(int c, int tint) {
        int r = mix(c >> 16 & 0xff, tint >> 16 & 0xff), g = mix(c >> 8 & 0xff, tint >> 8 & 0xff), b = mix(c & 0xff, tint & 0xff);
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    private static int mix(int v, int t) {
        return (v * 65 + t * 35) / 100;
    }

    /** A semi-transparent pixel composed over white, since the outputs are RGB. */
    private static int onWhite(int c) {
        int a = c >>> 24;
        if (a == 255) return c;
        int r = 255 + ((c >> 16 & 0xff) - 255) * a / 255, g = 255 + ((c >> 8 & 0xff) - 255) * a / 255, b = 255 + ((c & 0xff) - 255) * a / 255;
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    void finish() throws IOException {
        if (diff != null) diff.finish();
        if (sideBySide != null) sideBySide.finish();
    }

    @Override
    public void close() throws IOException {
        try {
            if (diff != null) diff.close();
        } finally {
            if (sideBySide != null) sideBySide.close();
        }
    }
}
