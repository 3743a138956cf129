package io.pagelens.analysis.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * How two images are compared. Made by {@link #builder()}; {@link #DEFAULTS} is pixelmatch's defaults.
 *
 * @param threshold           per-pixel colour distance (0..1) above which a pixel counts as changed, on pixelmatch's
 *                            scale: the YIQ distance divided by its maximum (35,215), square-rooted. Default
 *                            <b>0.1</b>; 0 counts every difference
 * @param includeAntiAliasing count pixels that look like anti-aliasing too (default <b>false</b>: they are
 *                            reported apart, as {@code antiAliasedPixels}, and drawn yellow)
 * @param masks               areas of image A's coordinates not compared (dates, ads, carousels); at most
 *                            {@value #MAX_MASKS}
 * @param mergeDistance       changed pixels whose bounding boxes come within this many px of each other on both axes
 *                            are one region. Default <b>16</b>; 0 merges only touching or overlapping boxes
 * @param minRegionPixels     regions with fewer changed pixels than this are noise: not listed, and their pixels counted
 *                            in {@code noisePixels} instead of {@code changedPixels}. Default <b>{@value #DEFAULT_MIN_REGION_PIXELS}</b>;
 *                            1 keeps every changed pixel
 * @param maxRegions          at most this many regions are listed, the ones with most changed pixels; the result
 *                            says when more were found. Default <b>100</b>
 * @param shiftTolerance      a changed pixel is a displacement, not a change, when each image's colour is a blend of
 *                            the other image's colour at that place and one of its pixels within this many px (what
 *                            moving an edge by a fraction of a pixel produces), both ways. Counted as
 *                            {@code shiftedPixels}. Default <b>1</b>; 0 turns it off (pixelmatch's behaviour); at most
 *                            {@value #MAX_SHIFT_TOLERANCE}
 * @param fade                opacity of image A under the highlights of the diff image (0..1, default <b>0.1</b>)
 * @param pngLevel            deflate level of the written images, 0-9 (default <b>1</b>: fast)
 */
public record DiffOptions(double threshold, boolean includeAntiAliasing, List<Box> masks, int mergeDistance,
                          int minRegionPixels, int maxRegions, int shiftTolerance, double fade, int pngLevel) {
    public static final int MAX_MASKS = 100;
    public static final int MAX_MERGE_DISTANCE = 512;
    /** Below this a region is noise: what sub-pixel text offsets leave after anti-aliasing and shift tolerance (measured: at most 16 px per region on the pairs' paragraph). */
    public static final int DEFAULT_MIN_REGION_PIXELS = 20;
    public static final int MAX_SHIFT_TOLERANCE = RowWindow.RADIUS;
    public static final DiffOptions DEFAULTS = builder().build();

    public DiffOptions {
        check(threshold >= 0 && threshold <= 1, "threshold", "must be between 0 and 1, was " + threshold);
        check(fade >= 0 && fade <= 1, "fade", "must be between 0 and 1, was " + fade);
        check(mergeDistance >= 0 && mergeDistance <= MAX_MERGE_DISTANCE, "mergeDistance",
                "must be between 0 and " + MAX_MERGE_DISTANCE + " px, was " + mergeDistance);
        check(minRegionPixels >= 1, "minRegionPixels", "must be at least 1, was " + minRegionPixels);
        check(maxRegions >= 1 && maxRegions <= 10_000, "maxRegions", "must be between 1 and 10000, was " + maxRegions);
        check(shiftTolerance >= 0 && shiftTolerance <= MAX_SHIFT_TOLERANCE, "shiftTolerance",
                "must be between 0 and " + MAX_SHIFT_TOLERANCE + " px, was " + shiftTolerance);
        check(pngLevel >= 0 && pngLevel <= 9, "pngLevel", "must be between 0 and 9, was " + pngLevel);
        masks = List.copyOf(masks);
        check(masks.size() <= MAX_MASKS, "masks", "at most " + MAX_MASKS + " masks, got " + masks.size());
    }

    private static void check(boolean ok, String field, String message) {
        if (!ok) throw new IllegalArgumentException(field + " " + message);
    }

    /** pixelmatch's squared-distance limit for {@link #threshold}: 35215 is the largest possible YIQ distance. */
    double maxDelta() {
        return 35215 * threshold * threshold;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Each option may be set once; {@link #build()} validates and names the field at fault. */
    public static final class Builder {
        private Double threshold;
        private Boolean includeAntiAliasing;
        private final List<Box> masks = new ArrayList<>();
        private Integer mergeDistance;
        private Integer minRegionPixels;
        private Integer maxRegions;
        private Double fade;
        private Integer pngLevel;
        private Integer shiftTolerance;

        private Builder() {
        }

        private static <T> T once(T current, T value, String field) {
            if (current != null) throw new IllegalStateException(field + " was already set to " + current);
            return value;
        }

        public Builder threshold(double t) {
            threshold = once(threshold, t, "threshold");
            return this;
        }

        public Builder includeAntiAliasing(boolean b) {
            includeAntiAliasing = once(includeAntiAliasing, b, "includeAntiAliasing");
            return this;
        }

        public Builder mask(Box box) {
            masks.add(box);
            return this;
        }

        public Builder masks(List<Box> boxes) {
            masks.addAll(boxes);
            return this;
        }

        public Builder mergeDistance(int px) {
            mergeDistance = once(mergeDistance, px, "mergeDistance");
            return this;
        }

        public Builder minRegionPixels(int n) {
            minRegionPixels = once(minRegionPixels, n, "minRegionPixels");
            return this;
        }

        public Builder maxRegions(int n) {
            maxRegions = once(maxRegions, n, "maxRegions");
            return this;
        }

        public Builder shiftTolerance(int px) {
            shiftTolerance = once(shiftTolerance, px, "shiftTolerance");
            return this;
        }

        public Builder fade(double alpha) {
            fade = once(fade, alpha, "fade");
            return this;
        }

        public Builder pngLevel(int level) {
            pngLevel = once(pngLevel, level, "pngLevel");
            return this;
        }

        public DiffOptions build() {
            return new DiffOptions(threshold == null ? 0.1 : threshold, includeAntiAliasing != null && includeAntiAliasing,
                    masks, mergeDistance == null ? 16 : mergeDistance,
                    minRegionPixels == null ? DEFAULT_MIN_REGION_PIXELS : minRegionPixels,
                    maxRegions == null ? 100 : maxRegions, shiftTolerance == null ? 1 : shiftTolerance,
                    fade == null ? 0.1 : fade, pngLevel == null ? 1 : pngLevel);
        }
    }
}
