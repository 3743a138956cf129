package io.pagelens.analysis.diff;

/**
 * pixelmatch's anti-aliasing test, after Vysniauskas, "Anti-aliased Pixel and Intensity Slope Detector" (2009):
 * a pixel is taken for anti-aliasing when among its 8 neighbours there are both a darker and a brighter one, at most
 * two equal ones, and the darkest or the brightest neighbour sits in a flat area (3+ equal neighbours) in both
 * images. Works on {@link RowWindow}s bounded to the compared area {@code w} x {@code h}.
 */
final class AntiAliasing {
    private AntiAliasing() {
    }

    /** Whether pixel (x1, y1) of {@code img} looks like anti-aliasing, with {@code other} the second image. */
    static boolean antialiased(RowWindow img, RowWindow other, int x1, int y1, int w, int h) {
        int x0 = Math.max(x1 - 1, 0), y0 = Math.max(y1 - 1, 0);
        int x2 = Math.min(x1 + 1, w - 1), y2 = Math.min(y1 + 1, h - 1);
        int centre = img.row(y1)[x1];
        int zeroes = x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2 ? 1 : 0;
        double min = 0, max = 0;
        int minX = 0, minY = 0, maxX = 0, maxY = 0;
        for (int x = x0; x <= x2; x++) {
            for (int y = y0; y <= y2; y++) {
                if (x == x1 && y == y1) continue;
                double delta = Yiq.brightnessDelta(centre, img.row(y)[x]);
                if (delta == 0) {
                    zeroes++;
                    if (zeroes > 2) return false;
                } else if (delta < min) {
                    min = delta;
                    minX = x;
                    minY = y;
                } else if (delta > max) {
                    max = delta;
                    maxX = x;
                    maxY = y;
                }
            }
        }
        if (min == 0 || max == 0) return false;
        return (hasManySiblings(img, minX, minY, w, h) && hasManySiblings(other, minX, minY, w, h))
                || (hasManySiblings(img, maxX, maxY, w, h) && hasManySiblings(other, maxX, maxY, w, h));
    }

    /** Whether pixel (x1, y1) has 3 or more neighbours of exactly its colour (image edges count as one). */
    static boolean hasManySiblings(RowWindow img, int x1, int y1, int w, int h) {
        int x0 = Math.max(x1 - 1, 0), y0 = Math.max(y1 - 1, 0);
        int x2 = Math.min(x1 + 1, w - 1), y2 = Math.min(y1 + 1, h - 1);
        int v = img.row(y1)[x1];
        int zeroes = x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2 ? 1 : 0;
        for (int x = x0; x <= x2; x++) {
            for (int y = y0; y <= y2; y++) {
                if (x == x1 && y == y1) continue;
                if (img.row(y)[x] == v) zeroes++;
                if (zeroes > 2) return true;
            }
        }
        return false;
    }
}
