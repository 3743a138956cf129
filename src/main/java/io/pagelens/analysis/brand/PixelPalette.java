package io.pagelens.analysis.brand;

import io.pagelens.image.RowSource;

import java.io.IOException;

/**
 * The colours of a screenshot, counted row by row into 4,096 bins (4 bits per channel): what the page really
 * painted, images and gradients included. A few KB whatever the image size.
 */
public final class PixelPalette {
    private final long[] bins = new long[4096];
    private long total;

    public static PixelPalette of(RowSource image) throws IOException {
        PixelPalette p = new PixelPalette();
        int[] row = new int[image.width()];
        for (int y = 0; y < image.height(); y++) {
            image.row(y, row);
            for (int c : row) {
                if ((c >>> 24) < 128) continue;
                p.bins[(c >> 12 & 0xf00) | (c >> 8 & 0xf0) | (c >> 4 & 0xf)]++;
                p.total++;
            }
        }
        return p;
    }

    /** Share (0..1) of pixels whose bin centre lies within {@code maxDistance} (CIELAB) of {@code c}. */
    public double share(RgbColor c, double maxDistance) {
        if (total == 0) return 0;
        long n = 0;
        for (int i = 0; i < bins.length; i++) {
            if (bins[i] == 0) continue;
            RgbColor centre = new RgbColor((i >> 8) * 17, (i >> 4 & 0xf) * 17, (i & 0xf) * 17);
            if (centre.distance(c) <= maxDistance) n += bins[i];
        }
        return (double) n / total;
    }

    /** Share of pixels darker than mid-grey (relative luminance under 0.18): a dark page is mostly these. */
    public double darkShare() {
        if (total == 0) return 0;
        long n = 0;
        for (int i = 0; i < bins.length; i++) {
            if (bins[i] > 0 && new RgbColor((i >> 8) * 17, (i >> 4 & 0xf) * 17, (i & 0xf) * 17).luminance() < 0.18) n += bins[i];
        }
        return (double) n / total;
    }

    public long pixels() {
        return total;
    }
}
