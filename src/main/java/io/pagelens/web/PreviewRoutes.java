package io.pagelens.web;

import io.pagelens.api.ApiException;
import io.pagelens.api.Ctx;
import io.pagelens.api.RouteGroup;
import io.pagelens.api.Router;
import io.pagelens.capture.Format;
import io.pagelens.image.Downscaler;
import io.pagelens.image.PngReader;
import io.pagelens.jobs.JobService;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredArtifact;
import io.pagelens.store.StoredCapture;
import io.pagelens.store.blob.BlobContent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;

/**
 * Small images of stored screenshots, for the dashboard: a capture's thumbnail (the top of the page, 4:3, made once
 * and stored) and its preview tiles (bands of {@value #TILE_ROWS} source rows, downscaled to a requested width), so
 * the browser never gets a 20,000 px image. Both stream the PNG's rows through {@link Downscaler}; a screenshot that
 * is not a PNG has no thumbnail or preview (404 saying so).
 */
public final class PreviewRoutes implements RouteGroup {
    public static final int THUMB_WIDTH = 320;
    public static final int THUMB_HEIGHT = 240;
    public static final int TILE_ROWS = 2048;
    static final int DEFAULT_TILE_WIDTH = 640;
    static final int MIN_TILE_WIDTH = 64;

    private final Storage storage;
    private final ThumbnailStore thumbnails;

    public PreviewRoutes(Storage storage) {
        this.storage = storage;
        this.thumbnails = storage == null ? null : new ThumbnailStore(storage.database(), Clock.systemUTC());
    }

    @Override
    public void register(Router r, JobService jobs) {
        r.document(PreviewRoutes.class, "/io/pagelens/api/openapi/dashboard.json");
        r.path("/v1/captures/{id}", g -> g
                .get("/thumbnail", this::thumbnail)
                .get("/preview/{tile}", this::preview));
    }

    private void thumbnail(Ctx ctx) throws IOException {
        StoredCapture c = capture(ctx);
        byte[] png = thumbnails.find(c.id()).orElse(null);
        if (png == null) {
            StoredArtifact a = pngScreenshot(c);
            int rows = Math.min(a.height(), (int) Math.round(a.width() * (THUMB_HEIGHT / (double) THUMB_WIDTH)));
            png = scaled(c, a, 0, rows, THUMB_WIDTH);
            thumbnails.save(c.id(), Math.min(THUMB_WIDTH, a.width()), Downscaler.outputHeight(a.width(), rows, THUMB_WIDTH), png);
        }
        image(ctx, png);
    }

    private void preview(Ctx ctx) throws IOException {
        StoredCapture c = capture(ctx);
        StoredArtifact a = pngScreenshot(c);
        int tiles = (a.height() + TILE_ROWS - 1) / TILE_ROWS;
        int tile;
        try {
            tile = Integer.parseInt(ctx.param("tile"));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_type", "tile must be a whole number, was '" + ctx.param("tile") + "'", "tile");
        }
        if (tile < 0 || tile >= tiles) throw ApiException.invalid("tile", "tile must be between 0 and " + (tiles - 1) + " for this screenshot");
        int width = ctx.queryInt("width", Math.min(DEFAULT_TILE_WIDTH, a.width()), MIN_TILE_WIDTH, a.width());
        image(ctx, scaled(c, a, tile * TILE_ROWS, TILE_ROWS, width));
    }

    private byte[] scaled(StoredCapture c, StoredArtifact a, int top, int rows, int width) throws IOException {
        BlobContent blob = storage.open(a).orElseThrow(() -> new ApiException(500, "internal", "the screenshot of capture " + c.id() + " is missing from storage"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PngReader png = new PngReader(blob.stream(), "screenshot of " + c.id())) {
            Downscaler.write(png, top, rows, width, out);
        }
        return out.toByteArray();
    }

    private StoredCapture capture(Ctx ctx) {
        String id = ctx.param("id");
        return storage.capture(ctx.tenant(), id).orElseThrow(() -> ApiException.notFound("capture", id)); // another tenant's: 404
    }

    private static StoredArtifact pngScreenshot(StoredCapture c) {
        StoredArtifact a = c.artifact(Format.SCREENSHOT)
                .orElseThrow(() -> new ApiException(404, "not_found", "capture " + c.id() + " has no screenshot"));
        if (!a.contentType().equals("image/png") || a.width() < 1 || a.height() < 1) {
            throw new ApiException(404, "not_found", "capture " + c.id() + " has a " + a.contentType() + " screenshot; previews are made from PNG only");
        }
        return a;
    }

    private static void image(Ctx ctx, byte[] png) throws IOException {
        // a capture version never changes, so neither do its small images
        ctx.responseHeaders().set("Cache-Control", "private, max-age=31536000, immutable");
        ctx.send(200, "image/png", png);
    }
}
