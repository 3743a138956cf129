package io.pagelens.analysis.diff;

/**
 * pixelmatch's perceptual colour distance: the squared YIQ difference weighted as in Kotsarenko &amp; Ramos,
 * "Measuring perceived color difference using YIQ NTSC transmission color space in mobile applications" (2010).
 * Semi-transparent colours are blended with white first. Colours are 0xAARRGGBB.
 */
final class Yiq {
    private Yiq() {
    }

    /** Squared distance, negative when {@code c2} is the lighter colour; 0 for identical pixels. Max 35,215. */
    static double delta(int c1, int c2) {
        if (c1 == c2) return 0;
        double r1 = red(c1), g1 = green(c1), b1 = blue(c1);
        double r2 = red(c2), g2 = green(c2), b2 = blue(c2);
        double y1 = y(r1, g1, b1), y2 = y(r2, g2, b2);
        double y = y1 - y2;
        double i = i(r1, g1, b1) - i(r2, g2, b2);
        double q = q(r1, g1, b1) - q(r2, g2, b2);
        double d = 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q;
        return y1 > y2 ? -d : d;
    }

    /** Brightness (Y) difference only, as the anti-aliasing test uses. */
    static double brightnessDelta(int c1, int c2) {
        if (c1 == c2) return 0;
        return y(red(c1), green(c1), blue(c1)) - y(red(c2), green(c2), blue(c2));
    }

    /** The point of the RGB segment from {@code a} to {@code b} nearest to {@code c}, opaque. */
    static int nearestOnSegment(int c, int a, int b) {
        int ar = a >> 16 & 0xff, ag = a >> 8 & 0xff, ab = a & 0xff;
        int dr = (b >> 16 & 0xff) - ar, dg = (b >> 8 & 0xff) - ag, db = (b & 0xff) - ab;
        int len = dr * dr + dg * dg + db * db;
        if (len == 0) return 0xff000000 | (a & 0xffffff);
        double t = ((double) ((c >> 16 & 0xff) - ar) * dr + ((c >> 8 & 0xff) - ag) * dg + ((c & 0xff) - ab) * db) / len;
        t = Math.max(0, Math.min(1, t));
        return 0xff000000 | (int) Math.round(ar + t * dr) << 16 | (int) Math.round(ag + t * dg) << 8 | (int) Math.round(ab + t * db);
    }

    /** The pixel's brightness 0..255 blended with white at {@code alpha} (for the faded background of the diff image). */
    static int fadedGrey(int c, double alpha) {
        double a = alpha * (c >>> 24) / 255.0;
        double v = 255 + (y(c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff) - 255) * a;
        return (int) Math.round(Math.max(0, Math.min(255, v)));
    }

    static double y(double r, double g, double b) {
        return r * 0.29889531 + g * 0.58662247 + b * 0.11448223;
    }

    private static double i(double r, double g, double b) {
        return r * 0.59597799 - g * 0.27417610 - b * 0.32180189;
    }

    private static double q(double r, double g, double b) {
        return r * 0.21147017 - g * 0.52261711 + b * 0.31114694;
    }

    private static double red(int c) {
        return blend(c >> 16 & 0xff, c >>> 24);
    }

    private static double green(int c) {
        return blend(c >> 8 & 0xff, c >>> 24);
    }

    private static double blue(int c) {
        return blend(c & 0xff, c >>> 24);
    }

    /** A channel of a semi-transparent pixel blended with white. */
    private static double blend(int v, int a) {
        return a == 255 ? v : 255 + (v - 255) * (a / 255.0);
    }
}
