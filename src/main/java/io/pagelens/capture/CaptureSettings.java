package io.pagelens.capture;

import io.pagelens.config.Env;

import java.time.Duration;

/**
 * Engine-wide capture settings (not per request), from {@code PAGELENS_CAPTURE_*} variables.
 *
 * @param tileHeight       CSS pixels per full-page clip tile (and per shot of a page no taller than this); measured:
 *                         2,000 px clip tiles cost +113 MB on a 60k px page, one piece +1.2 GB
 * @param tileMethod       how tall pages are tiled: scrolling the viewport (default, lighter) or clips
 * @param optimizeForSpeed Chromium's faster, larger PNG/JPEG encoding for direct shots (96 vs 71 captures/min)
 * @param pngLevel         deflate level, 1 (fast) to 9 (small), of the stitched full-page PNG's parts pagelens compresses itself
 *                         (tiles it cannot copy as Chromium made them, padding rows); when every tile was re-compressed,
 *                         measured on the full-page
 *                         corpus (bench/breakdown), level 1 costs the JVM 15.9 CPU-s instead of 26.6 s at level 4
 *                         (bench/run: 65.7 -> 72.1 captures/min), for files 6.7 % larger
 * @param commandTimeout   cap on one CDP command; longer means the browser is checked for a hang
 * @param queueTimeout     how long a capture may wait for admission before its own timeout starts
 * @param webpMaxDevicePx  cap on a full-page WebP's height in device px: WebP is encoded by Chromium in one piece,
 *                         measured at ~22 MB of Chromium memory per 1,000 px (16,383 px peaked at 520 MB)
 */
public record CaptureSettings(int tileHeight, TileMethod tileMethod, boolean optimizeForSpeed, int pngLevel, Duration commandTimeout,
                              Duration queueTimeout, int webpMaxDevicePx) {
    public static final int DEFAULT_TILE_HEIGHT = 2_000;
    public static final int DEFAULT_PNG_LEVEL = 1;
    public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_WEBP_MAX_DEVICE_PX = 4_000;
    /** WebP's own limit on either side. */
    public static final int WEBP_MAX_DIMENSION = 16_383;
    public static final CaptureSettings DEFAULTS = new CaptureSettings(DEFAULT_TILE_HEIGHT, TileMethod.SCROLL, true, DEFAULT_PNG_LEVEL,
            Duration.ofSeconds(30), DEFAULT_QUEUE_TIMEOUT, DEFAULT_WEBP_MAX_DEVICE_PX);

    public CaptureSettings {
        if (tileHeight < 256 || tileHeight > 16_000) throw new IllegalArgumentException("tileHeight must be 256..16000");
        java.util.Objects.requireNonNull(tileMethod, "tileMethod");
        if (pngLevel < 1 || pngLevel > 9) throw new IllegalArgumentException("pngLevel must be 1..9");
        if (webpMaxDevicePx < 100 || webpMaxDevicePx > WEBP_MAX_DIMENSION) {
            throw new IllegalArgumentException("webpMaxDevicePx must be 100.." + WEBP_MAX_DIMENSION);
        }
    }

    public CaptureSettings withTileHeight(int px) {
        return new CaptureSettings(px, tileMethod, optimizeForSpeed, pngLevel, commandTimeout, queueTimeout, webpMaxDevicePx);
    }

    public CaptureSettings withTileMethod(TileMethod method) {
        return new CaptureSettings(tileHeight, method, optimizeForSpeed, pngLevel, commandTimeout, queueTimeout, webpMaxDevicePx);
    }

    public CaptureSettings withOptimizeForSpeed(boolean fast) {
        return new CaptureSettings(tileHeight, tileMethod, fast, pngLevel, commandTimeout, queueTimeout, webpMaxDevicePx);
    }

    public static CaptureSettings fromEnv(Env env) {
        String method = env.string("PAGELENS_CAPTURE_TILE_METHOD", "scroll");
        TileMethod tileMethod = switch (method.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "scroll" -> TileMethod.SCROLL;
            case "clip" -> TileMethod.CLIP;
            default -> throw new io.pagelens.config.ConfigException("PAGELENS_CAPTURE_TILE_METHOD", method, "must be scroll or clip");
        };
        return new CaptureSettings(
                env.integer("PAGELENS_CAPTURE_TILE_HEIGHT", DEFAULT_TILE_HEIGHT, 256, 16_000), tileMethod,
                env.bool("PAGELENS_CAPTURE_OPTIMIZE_FOR_SPEED", true),
                env.integer("PAGELENS_CAPTURE_PNG_LEVEL", DEFAULT_PNG_LEVEL, 1, 9),
                env.duration("PAGELENS_BROWSER_COMMAND_TIMEOUT", Duration.ofSeconds(30)),
                env.duration("PAGELENS_CAPTURE_QUEUE_TIMEOUT", DEFAULT_QUEUE_TIMEOUT),
                env.integer("PAGELENS_CAPTURE_WEBP_MAX_HEIGHT", DEFAULT_WEBP_MAX_DEVICE_PX, 100, WEBP_MAX_DIMENSION));
    }
}
