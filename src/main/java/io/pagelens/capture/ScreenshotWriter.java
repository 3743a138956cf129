package io.pagelens.capture;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Commands;
import io.pagelens.observe.MeterNames;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Takes the screenshot a request asks for. Viewport, clip and element shots are encoded by Chromium and
 * streamed straight into the sink. A full page taller than one tile is captured in tiles ({@link TileMethod}:
 * scrolling the viewport by default, or {@code captureBeyondViewport} clips) and stitched by a streaming encoder,
 * so neither Chromium nor the JVM holds the whole page:
 * <ul>
 *   <li>PNG: tiles joined through zlib alone, never decoded to pixels ({@link PngSplicer});</li>
 *   <li>JPEG: tiles stitched by the JDK's baseline JPEG encoder pulling rows ({@link JpegStreamWriter});
 *       height also capped at JPEG's 65,535 px;</li>
 *   <li>WebP: nothing in the JDK encodes WebP, so Chromium encodes it in one piece. That costs Chromium ~22 MB
 *       per 1,000 device px (measured: 16,383 px peaked at 520 MB), so the height is capped at
 *       {@link CaptureSettings#webpMaxDevicePx()} (default 4,000 device px) and reported as capped; use PNG or
 *       JPEG for tall pages.</li>
 * </ul>
 */
final class ScreenshotWriter {
    /** The shot and what the report says about it. */
    record Shot(Artifact artifact, int tiles, boolean heightCapped) {
    }

    private final CaptureSettings settings;
    private final Counter copiedTiles;
    private final Counter recompressedTiles;

    ScreenshotWriter(CaptureSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.copiedTiles = registry.counter(MeterNames.PNG_TILES, "splice", "copied");
        this.recompressedTiles = registry.counter(MeterNames.PNG_TILES, "splice", "recompressed");
    }

    Shot take(PageCapture page, CaptureRequest request, double pageHeight, ArtifactStream out)
            throws CdpException, InterruptedException, CaptureException, IOException {
        double dpr = request.viewport().deviceScaleFactor();
        ImageType type = request.imageType();
        Integer quality = type == ImageType.PNG ? null : request.quality();
        if (request.fullPage()) return fullPage(page, request, pageHeight, out);
        Commands.Region region = null;
        if (request.clip() != null) {
            Clip c = request.clip();
            region = new Commands.Region(c.x(), c.y(), c.width(), c.height());
        } else if (request.selector() != null) {
            region = elementBox(page, request.selector());
        }
        boolean beyond = region != null;
        page.session().send(Commands.captureScreenshot(type.id(), quality, region, beyond, settings.optimizeForSpeed()),
                out, page.deadline().cap(settings.commandTimeout()));
        int w = (int) Math.round((region == null ? request.viewport().width() : region.width()) * dpr);
        int h = (int) Math.round((region == null ? request.viewport().height() : region.height()) * dpr);
        return new Shot(out.finish(w, h), 1, false);
    }

    private static Commands.Region elementBox(PageCapture page, String selector)
            throws CdpException, InterruptedException, CaptureException {
        JsonNode box = page.evaluate("(sel => { const e = document.querySelector(sel); if (!e) return null;"
                + " const r = e.getBoundingClientRect();"
                + " return {x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height}; })("
                + page.js(selector) + ")", "selector");
        if (box == null || box.isNull()) {
            throw new CaptureException(CaptureError.SELECTOR_NOT_FOUND, "no element matches selector '" + selector + "'");
        }
        double w = box.path("w").asDouble();
        double h = box.path("h").asDouble();
        if (w < 1 || h < 1) {
            throw new CaptureException(CaptureError.SELECTOR_NOT_FOUND, "the element matching '" + selector + "' has no visible box");
        }
        return new Commands.Region(Math.max(0, box.path("x").asDouble()), Math.max(0, box.path("y").asDouble()), w, h);
    }

    private Shot fullPage(PageCapture page, CaptureRequest request, double pageHeight, ArtifactStream out)
            throws CdpException, InterruptedException, IOException {
        double dpr = request.viewport().deviceScaleFactor();
        ImageType type = request.imageType();
        int width = request.viewport().width();
        int formatCap = switch (type) {
            case PNG -> Integer.MAX_VALUE;
            case JPEG -> (int) Math.floor(JpegStreamWriter.MAX_DIMENSION / dpr);
            case WEBP -> (int) Math.floor(settings.webpMaxDevicePx() / dpr);
        };
        int fullHeight = (int) Math.max(1, Math.ceil(pageHeight));
        int height = Math.min(fullHeight, Math.min(request.maxHeight(), formatCap));
        boolean capped = height < fullHeight;
        int devW = (int) Math.round(width * dpr);
        int devH = (int) Math.round(height * dpr);
        int tile = settings.tileHeight();
        if (height <= tile || type == ImageType.WEBP) {
            Integer quality = type == ImageType.PNG ? null : request.quality();
            page.session().send(Commands.captureScreenshot(type.id(), quality, new Commands.Region(0, 0, width, height),
                    true, settings.optimizeForSpeed()), out, page.deadline().cap(settings.commandTimeout()));
            return new Shot(out.finish(devW, devH), 1, capped);
        }
        Tiles tiles = new Tiles(page, request.viewport(), height);
        Shot shot;
        if (type == ImageType.PNG) {
            shot = new Shot(splicePng(tiles, devH, out), tiles.count(), capped);
        } else {
            try (TiledImage image = new TiledImage(devW, devH, tiles.count(), i -> tiles.decode(i))) {
                JpegStreamWriter.write(image, out, request.quality());
                shot = new Shot(out.finish(devW, devH), image.tilesFetched(), capped);
            }
        }
        tiles.finish();
        return shot;
    }

    /**
     * The tiles of one full page: {@code count()} bands of {@code tile} CSS px from the top, the last one shorter.
     * Scroll tiles are one viewport tall; clip tiles (the setting, or a viewport too short to scroll by) are
     * {@link CaptureSettings#tileHeight()}. Tile buffers (MBs each, so the JVM would put them straight into the
     * old generation) are recycled: at most two are in use at once, the one being encoded and the one being fetched.
     */
    private final class Tiles {
        private final java.util.ArrayDeque<Bytes> spare = new java.util.ArrayDeque<>(2);
        private final PageCapture page;
        private final int width;
        private final int height;
        private final int tile;
        private final ScrollTiles scroll;

        Tiles(PageCapture page, Viewport viewport, int height) {
            boolean scrolls = settings.tileMethod() == TileMethod.SCROLL && viewport.height() >= ScrollTiles.MIN_VIEWPORT_HEIGHT;
            this.page = page;
            this.width = viewport.width();
            this.height = height;
            this.tile = scrolls ? viewport.height() : settings.tileHeight();
            this.scroll = scrolls ? new ScrollTiles(page, settings.commandTimeout()) : null;
        }

        int count() {
            return (height + tile - 1) / tile;
        }

        /** Tile {@code i} as lossless PNG, in Chromium's fast mode: it is re-compressed or decoded right away. */
        Bytes fetch(int i) throws IOException {
            int y = i * tile;
            int h = Math.min(tile, height - y);
            Bytes png = buffer();
            tileStep(() -> {
                boolean inView = scroll != null && scroll.show(y, h, i == 0);
                page.session().send(Commands.captureScreenshot("png", null, new Commands.Region(0, y, width, h), !inView, true),
                        png, page.deadline().cap(settings.commandTimeout()));
            });
            return png;
        }

        private Bytes buffer() {
            Bytes b;
            synchronized (spare) {
                b = spare.poll();
            }
            if (b == null) return new Bytes();
            b.reset();
            return b;
        }

        /** Hands a tile's buffer back once its bytes have been used. */
        void recycle(Bytes png) {
            synchronized (spare) {
                if (spare.size() < 2) spare.push(png);
            }
        }

        BufferedImage decode(int i) throws IOException {
            Bytes png = fetch(i);
            try {
                return ScreenshotWriter.decode(png, i);
            } finally {
                recycle(png);
            }
        }

        /** After the last tile: the page's own styles and scroll position back, for the formats captured next. */
        void finish() throws IOException {
            if (scroll != null) tileStep(scroll::restore);
        }
    }

    /** A DevTools step of the tiling. */
    @FunctionalInterface
    private interface TileStep {
        void run() throws CdpException, InterruptedException;
    }

    /** Runs a step inside the row-pulling encoders, which only throw IOException. */
    private static void tileStep(TileStep step) throws TileException {
        try {
            step.run();
        } catch (CdpException e) {
            throw new TileException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TileException(e);
        }
    }

    /**
     * PNG tiles joined by {@link PngSplicer}: zlib work only, no pixel decoding. The output width is the first
     * tile's, so a fractional device scale factor cannot make tiles and header disagree.
     */
    private Artifact splicePng(Tiles tiles, int devH, ArtifactStream out) throws IOException {
        PngSplicer splicer = null;
        try (TilePrefetcher<Bytes> pngs = new TilePrefetcher<>(tiles.count(), tiles::fetch)) {
            while (pngs.hasNext()) {
                Bytes png = pngs.next();
                if (splicer == null) splicer = new PngSplicer(out, PngSplicer.widthOf(png.buffer()), devH, settings.pngLevel());
                splicer.add(png.buffer(), png.size());
                tiles.recycle(png);
            }
        }
        splicer.finish();
        copiedTiles.increment(splicer.copiedTiles());
        recompressedTiles.increment(tiles.count() - splicer.copiedTiles());
        return out.finish(splicer.width(), devH);
    }

    private static BufferedImage decode(Bytes png, int index) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.buffer(), 0, png.size()));
        if (img == null) throw new IOException("Chromium returned an unreadable tile (#" + index + ")");
        return img;
    }

    /** A ByteArrayOutputStream whose buffer can be read without a copy. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(512 * 1024);
        }

        byte[] buffer() {
            return buf;
        }
    }

    /** Carries a CDP failure (or interrupt) out of the row-pulling encoders, which only throw IOException. */
    static final class TileException extends IOException {
        TileException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
