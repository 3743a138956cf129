package io.pagelens.analysis.diff;

import java.util.List;

/**
 * What a visual diff found. Pixels are compared over the area both images have ({@code comparedWidth} x
 * {@code comparedHeight}); rows or columns that only the larger image has are reported as {@code onlyInA} /
 * {@code onlyInB} regions and by {@code heightDifference} / {@code widthDifference}, not counted as changed pixels.
 *
 * @param changedPixels     pixels over the threshold that are neither anti-aliasing nor a sub-pixel shift, outside masks
 *                          and outside noise regions (see {@code minRegionPixels}): the meaningful change
 * @param changedPercent    changedPixels as a percentage of the compared, unmasked pixels (3 decimals)
 * @param antiAliasedPixels pixels over the threshold that were taken for anti-aliasing, not counted
 * @param shiftedPixels     pixels over the threshold whose colour sits within {@code shiftTolerance} px in the other
 *                          image both ways (sub-pixel displacement), not counted
 * @param maskedPixels      compared-area pixels inside masks, not compared
 * @param noisePixels       changed pixels of regions under {@code minRegionPixels}, not in {@code changedPixels}
 * @param heightDifference  height of B minus height of A
 * @param widthDifference   width of B minus width of A
 * @param regions           changed regions, top to bottom, then the size regions
 * @param regionsTruncated  more regions were found than {@code maxRegions}; the ones with fewest changed pixels are left out
 * @param identical         same size and no meaningful change ({@code changedPixels} 0)
 */
public record DiffResult(int widthA, int heightA, int widthB, int heightB, int comparedWidth, int comparedHeight,
                         long changedPixels, double changedPercent, long antiAliasedPixels, long shiftedPixels, long maskedPixels,
                         long noisePixels, int heightDifference, int widthDifference, List<DiffRegion> regions,
                         boolean regionsTruncated, boolean identical, double threshold) {
    public DiffResult {
        regions = List.copyOf(regions);
    }

    /** The regions of kind {@code changed}. */
    public List<DiffRegion> changedRegions() {
        return regions.stream().filter(r -> r.kind() == DiffRegion.RegionKind.CHANGED).toList();
    }
}
