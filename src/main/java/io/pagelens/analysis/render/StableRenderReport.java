package io.pagelens.analysis.render;

/**
 * What {@link StableRender} froze in a page, for the capture report.
 *
 * @param animationsFinished  finite CSS animations, transitions and Web Animations jumped to their end
 * @param animationsCancelled infinite ones, cancelled back to their start
 * @param gifsNotFrozen       GIF images that could not be fetched again (cross-origin without CORS) and still move
 * @param fontsFailed         web fonts that failed to load (the page shows a fallback font)
 * @param timeouts            what did not settle within the time allowed: {@code fonts}, {@code videos}, {@code gifs},
 *                            {@code paint}; empty when everything did
 */
public record StableRenderReport(int animationsFinished, int animationsCancelled, int videosPaused, int gifsFrozen,
                                 int gifsNotFrozen, int svgsPaused, int fontsLoaded, int fontsFailed,
                                 java.util.List<String> timeouts) {
    public StableRenderReport {
        timeouts = timeouts == null ? java.util.List.of() : java.util.List.copyOf(timeouts);
    }
}
