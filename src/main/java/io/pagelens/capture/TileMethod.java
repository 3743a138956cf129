package io.pagelens.capture;

/**
 * How a full page taller than one tile is photographed. Measured on the corpus's 60,625 px article (20,000 px
 * cap, 512 MB cgroup): clip tiles cost +57..+76 MB over a viewport capture, scroll tiles about +30 MB, at the same
 * speed and with pixel-identical output on that page.
 */
public enum TileMethod {
    /**
     * Scroll the page one viewport at a time and shoot what is visible; the viewport never changes, so the layout
     * is the one a visitor sees. Fixed elements show once (in the first tile), sticky ones stay where the flow
     * puts them. A tile the scroll cannot bring into view falls back to a clip tile.
     */
    SCROLL,
    /**
     * {@code captureBeyondViewport} clips of {@link CaptureSettings#tileHeight()} px with no scrolling; Chromium
     * grows the view for each shot, which raises its memory and fires resize events in the page.
     */
    CLIP
}
