package io.pagelens.analysis.diff;

/**
 * A whole-image transcription of pixelmatch's algorithm (arrays in memory, no windows), to check that the streaming
 * engine decides every pixel the same way.
 */
final class ReferencePixelmatch {
    long changed;
    long antiAliased;

    ReferencePixelmatch(int[][] a, int[][] b, double threshold) {
        int h = a.length, w = a[0].length;
        double max = 35215 * threshold * threshold;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Yiq.delta(a[y][x], b[y][x]);
                if (Math.abs(d) > max) {
                    if (aa(a, b, x, y, w, h) || aa(b, a, x, y, w, h)) antiAliased++;
                    else changed++;
                }
            }
        }
    }

    private static boolean aa(int[][] img, int[][] img2, int x1, int y1, int w, int h) {
        int x0 = Math.max(x1 - 1, 0), y0 = Math.max(y1 - 1, 0), x2 = Math.min(x1 + 1, w - 1), y2 = Math.min(y1 + 1, h - 1);
        int zeroes = x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2 ? 1 : 0;
        double min = 0, max = 0;
        int minX = 0, minY = 0, maxX = 0, maxY = 0;
        for (int x = x0; x <= x2; x++) {
            for (int y = y0; y <= y2; y++) {
                if (x == x1 && y == y1) continue;
                double d = Yiq.brightnessDelta(img[y1][x1], img[y][x]);
                if (d == 0) {
                    if (++zeroes > 2) return false;
                } else if (d < min) {
                    min = d; minX = x; minY = y;
                } else if (d > max) {
                    max = d; maxX = x; maxY = y;
                }
            }
        }
        if (min == 0 || max == 0) return false;
        return (siblings(img, minX, minY, w, h) && siblings(img2, minX, minY, w, h))
                || (siblings(img, maxX, maxY, w, h) && siblings(img2, maxX, maxY, w, h));
    }

    private static boolean siblings(int[][] img, int x1, int y1, int w, int h) {
        int x0 = Math.max(x1 - 1, 0), y0 = Math.max(y1 - 1, 0), x2 = Math.min(x1 + 1, w - 1), y2 = Math.min(y1 + 1, h - 1);
        int zeroes = x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2 ? 1 : 0;
        for (int x = x0; x <= x2; x++) {
            for (int y = y0; y <= y2; y++) {
                if (x == x1 && y == y1) continue;
                if (img[y][x] == img[y1][x1]) zeroes++;
                if (zeroes > 2) return true;
            }
        }
        return false;
    }
}
