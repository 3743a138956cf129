package io.pagelens.capture;

import io.pagelens.image.RowSource;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.IOException;

/**
 * A tall image made of horizontal tiles, presented as rows. At most two decoded tiles are held (a 1280x2000
 * tile is 7.5-10 MB): the one being read and the next, prefetched by {@link TilePrefetcher}. Rounding can make the tiles add up to a
 * pixel more or less than the announced height: extra rows are dropped, missing rows repeat the last one.
 */
final class TiledImage implements RowSource, AutoCloseable {
    /** Fetches tile {@code index} (0-based) as a decoded image. */
    @FunctionalInterface
    interface TileFetcher {
        BufferedImage fetch(int index) throws IOException;
    }

    private final int width;
    private final int height;
    private final int tileCount;
    private final TilePrefetcher<BufferedImage> tiles;
    private BufferedImage tile;
    private int tileTop; // first image row of the current tile

    TiledImage(int width, int height, int tileCount, TileFetcher fetcher) {
        this.width = width;
        this.height = height;
        this.tileCount = tileCount;
        this.tiles = new TilePrefetcher<>(tileCount, fetcher::fetch);
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
        return tiles.taken();
    }

    @Override
    public void row(int y, int[] argb) throws IOException {
        while (tile == null || y >= tileTop + tile.getHeight()) {
            if (!tiles.hasNext() && tile != null) {
                copyRow(tile.getHeight() - 1, argb); // ran out (rounding): repeat the last row
                return;
            }
            if (tile != null) tileTop += tile.getHeight();
            tile = null; // let the previous tile go before the next is decoded
            tile = tiles.next();
        }
        copyRow(y - tileTop, argb);
    }

    private void copyRow(int ty, int[] argb) {
        Raster r = tile.getRaster();
        int w = Math.min(width, tile.getWidth());
        if (r.getDataBuffer() instanceof DataBufferByte db && r.getSampleModel() instanceof PixelInterleavedSampleModel sm
                && r.getSampleModelTranslateX() == 0 && r.getSampleModelTranslateY() == 0
                && (sm.getNumBands() == 3 || sm.getNumBands() == 4) && !tile.isAlphaPremultiplied()) {
            // fast path for ImageIO's PNG decodings (3BYTE_BGR, 4BYTE_ABGR): read the bytes, skip the colour model
            byte[] data = db.getData();
            int[] off = sm.getBandOffsets();
            int ps = sm.getPixelStride();
            int p = ty * sm.getScanlineStride();
            boolean alpha = sm.getNumBands() == 4;
            for (int x = 0; x < w; x++, p += ps) {
                int a = alpha ? data[p + off[3]] & 0xff : 0xff;
                argb[x] = a << 24 | (data[p + off[0]] & 0xff) << 16 | (data[p + off[1]] & 0xff) << 8 | (data[p + off[2]] & 0xff);
            }
        } else {
            tile.getRGB(0, ty, w, 1, argb, 0, width);
        }
        for (int x = w; x < width; x++) argb[x] = argb[w - 1]; // a tile a pixel narrow (rounding)
    }

    /** Waits for a background fetch still running, so no tile command outlives the capture. */
    @Override
    public void close() {
        tiles.close();
    }
}
