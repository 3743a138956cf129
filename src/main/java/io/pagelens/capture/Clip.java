package io.pagelens.capture;

/** A rectangle of the page in CSS pixels, from the top-left of the document. */
public record Clip(double x, double y, double width, double height) {
    public Clip {
        if (x < 0 || y < 0) throw new IllegalArgumentException("clip.x and clip.y must not be negative");
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("clip.width and clip.height must be positive");
    }
}
