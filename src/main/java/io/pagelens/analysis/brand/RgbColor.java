package io.pagelens.analysis.brand;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An sRGB colour with the few measures brand analysis needs: hex, CIELAB distance, WCAG luminance and contrast. */
public record RgbColor(int r, int g, int b) {
    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*([\\d.]+)[,\\s]+([\\d.]+)[,\\s]+([\\d.]+)(?:[,\\s/]+([\\d.]+%?))?\\s*\\)");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    public RgbColor {
        if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255) throw new IllegalArgumentException("channel out of range: " + r + "," + g + "," + b);
    }

    public static RgbColor ofArgb(int argb) {
        return new RgbColor(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff);
    }

    /**
     * Parses {@code #rgb}, {@code #rrggbb}, {@code rgb(...)} or {@code rgba(...)}; null for anything else or for a
     * colour under half opaque (it does not paint as itself).
     */
    public static RgbColor parse(String css) {
        if (css == null) return null;
        String s = css.strip();
        Matcher m = RGB.matcher(s);
        if (m.find()) {
            if (m.group(4) != null) {
                String a = m.group(4);
                double alpha = a.endsWith("%") ? Double.parseDouble(a.substring(0, a.length() - 1)) / 100 : Double.parseDouble(a);
                if (alpha < 0.5) return null;
            }
            return new RgbColor(clamp(m.group(1)), clamp(m.group(2)), clamp(m.group(3)));
        }
        Matcher h = HEX.matcher(s);
        if (h.matches()) {
            String x = h.group(1);
            if (x.length() == 3) x = "" + x.charAt(0) + x.charAt(0) + x.charAt(1) + x.charAt(1) + x.charAt(2) + x.charAt(2);
            int v = Integer.parseInt(x, 16);
            return new RgbColor(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
        }
        return null;
    }

    private static int clamp(String v) {
        return (int) Math.max(0, Math.min(255, Math.round(Double.parseDouble(v))));
    }

    public String hex() {
        return String.format(Locale.ROOT, "#%02X%02X%02X", r, g, b);
    }

    /** WCAG 2 relative luminance, 0 (black) to 1 (white). */
    public double luminance() {
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }

    private static double linear(int c) {
        double s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** WCAG 2 contrast ratio, 1 to 21. */
    public double contrast(RgbColor o) {
        double a = luminance(), b = o.luminance();
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** HSL saturation 0..1. */
    public double saturation() {
        double max = Math.max(r, Math.max(g, b)) / 255.0, min = Math.min(r, Math.min(g, b)) / 255.0;
        double l = (max + min) / 2;
        if (max == min) return 0;
        return l > 0.5 ? (max - min) / (2 - max - min) : (max - min) / (max + min);
    }

    /** HSL lightness 0..1. */
    public double lightness() {
        return (Math.max(r, Math.max(g, b)) + Math.min(r, Math.min(g, b))) / 510.0;
    }

    /** A colour that reads as a hue: not grey, not nearly white or black. */
    public boolean chromatic() {
        double l = lightness();
        return saturation() >= 0.2 && l >= 0.08 && l <= 0.93 && chroma() >= 12;
    }

    /** CIELAB chroma. */
    public double chroma() {
        double[] lab = lab();
        return Math.hypot(lab[1], lab[2]);
    }

    /** CIE76 distance in CIELAB (D65): about 2.3 is a just-noticeable difference. */
    public double distance(RgbColor o) {
        double[] a = lab(), b = o.lab();
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    double[] lab() {
        double rl = linear(r), gl = linear(g), bl = linear(b);
        double x = (rl * 0.4124 + gl * 0.3576 + bl * 0.1805) / 0.95047;
        double y = rl * 0.2126 + gl * 0.7152 + bl * 0.0722;
        double z = (rl * 0.0193 + gl * 0.1192 + bl * 0.9505) / 1.08883;
        double fx = f(x), fy = f(y), fz = f(z);
        return new double[]{116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** This colour mixed toward black ({@code amount} &lt; 0) or white (&gt; 0), for contrast fixes. */
    public RgbColor shade(double amount) {
        int t = amount < 0 ? 0 : 255;
        double k = Math.abs(amount);
        return new RgbColor((int) Math.round(r + (t - r) * k), (int) Math.round(g + (t - g) * k), (int) Math.round(b + (t - b) * k));
    }

    @Override
    public String toString() {
        return hex();
    }
}
