package io.pagelens.capture;

/** The emulated window, in CSS pixels, and the device scale factor (1 to 4). */
public record Viewport(int width, int height, double deviceScaleFactor) {
    public static final Viewport DESKTOP = new Viewport(1280, 800, 1);
    public static final Viewport MOBILE = new Viewport(390, 844, 3);

    public Viewport {
        if (width < 100 || width > 4096) throw new IllegalArgumentException("viewport.width must be between 100 and 4096, was " + width);
        if (height < 100 || height > 4096) throw new IllegalArgumentException("viewport.height must be between 100 and 4096, was " + height);
        if (deviceScaleFactor < 0.5 || deviceScaleFactor > 4) throw new IllegalArgumentException("deviceScaleFactor must be between 0.5 and 4, was " + deviceScaleFactor);
    }
}
