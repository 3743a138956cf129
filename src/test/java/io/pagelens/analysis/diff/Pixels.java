package io.pagelens.analysis.diff;

import io.pagelens.image.RowSource;

import java.awt.image.BufferedImage;

/** Small in-memory images for diff unit tests. */
final class Pixels implements RowSource {
    final int[][] px;

    Pixels(int width, int height, int fill) {
        px = new int[height][width];
        for (int[] row : px) java.util.Arrays.fill(row, fill);
    }

    Pixels(BufferedImage img) {
        px = new int[img.getHeight()][img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) img.getRGB(0, y, img.getWidth(), 1, px[y], 0, img.getWidth());
    }

    Pixels fill(int x, int y, int w, int h, int colour) {
        for (int yy = y; yy < y + h; yy++) for (int xx = x; xx < x + w; xx++) px[yy][xx] = colour;
        return this;
    }

    Pixels copy() {
        Pixels p = new Pixels(width(), height(), 0);
        for (int y = 0; y < height(); y++) p.px[y] = px[y].clone();
        return p;
    }

    @Override
    public int width() {
        return px[0].length;
    }

    @Override
    public int height() {
        return px.length;
    }

    @Override
    public void row(int y, int[] argb) {
        System.arraycopy(px[y], 0, argb, 0, width());
    }
}
