package io.pagelens.capture;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * A tall image made of horizontal tiles fetched one at a time, presented as rows. Only the current tile is
 * held (a 1280x2000 tile is 10 MB); the next is fetched when the rows reach it. Rounding can make the tiles
 * add up to a pixel more or less than the announced height: extra rows are dropped, missing rows repeat the
 * last one.
 */
final class TiledImage implements RowSource {
    /** Fetches tile {@code index} (0-based) as a decoded image. */
    @FunctionalInterface
    interface TileFetcher {
        BufferedImage fetch(int index) throws IOException;
    }

    private final int width;
    private final int height;
    private final int tileCount;
    private final TileFetcher fetcher;
    private BufferedImage tile;
    private int tileIndex = -1;
    private int tileTop; // first image row of the current tile

    TiledImage(int width, int height, int tileCount, TileFetcher fetcher) {
        this.width = width;
        this.height = height;
        this.tileCount = tileCount;
        this.fetcher = fetcher;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    int tilesFetched() {
        return tileIndex + 1;
    }

    @Override
    public void row(int y, int[] argb) throws IOException {
        while (tile == null || y >= tileTop + tile.getHeight()) {
            if (tileIndex + 1 >= tileCount && tile != null) {
                copyRow(tile.getHeight() - 1, argb); // ran out (rounding): repeat the last row
                return;
            }
            if (tile != null) tileTop += tile.getHeight();
            tile = null; // let the previous tile go before the next is decoded
            tileIndex++;
            tile = fetcher.fetch(tileIndex);
        }
        copyRow(y - tileTop, argb);
    }

    private void copyRow(int ty, int[] argb) {
        int w = Math.min(width, tile.getWidth());
        tile.getRGB(0, ty, w, 1, argb, 0, width);
        for (int x = w; x < width; x++) argb[x] = argb[w - 1]; // a tile a pixel narrow (rounding)
    }
}
