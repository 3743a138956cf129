package io.pagelens.analysis.diff;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One changed area of a diff.
 *
 * @param box           bounding box in pixels of image A (the same as B's inside the compared area)
 * @param changedPixels pixels inside the box counted as changed; for the extra rows or columns of the larger image,
 *                      the box's area
 * @param kind          {@code changed} inside the compared area; {@code onlyInA} / {@code onlyInB} for rows or
 *                      columns that only one image has (a height or width difference)
 */
public record DiffRegion(@JsonUnwrapped Box box, long changedPixels, RegionKind kind) {
    public enum RegionKind {
        @JsonProperty("changed") CHANGED,
        @JsonProperty("onlyInA") ONLY_IN_A,
        @JsonProperty("onlyInB") ONLY_IN_B
    }
}
