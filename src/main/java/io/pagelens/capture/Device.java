package io.pagelens.capture;

import java.util.List;
import java.util.Locale;

/**
 * A device preset ({@code emulate.device}): viewport, device pixel ratio, mobile and touch emulation and user agent.
 * The table is documented in README ("Device presets"); the values are the devices' CSS viewports as browsers
 * report them.
 */
public record Device(String name, int width, int height, double deviceScaleFactor, boolean mobile, boolean touch,
                     String userAgent) {
    private static final String CHROME_DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/156.0.0.0 Safari/537.36";

    public static final List<Device> PRESETS = List.of(
            new Device("iphone-15", 393, 852, 3, true, true, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) "
                    + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"),
            new Device("pixel-8", 412, 915, 2.625, true, true, "Mozilla/5.0 (Linux; Android 14; Pixel 8) "
                    + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36"),
            new Device("ipad", 820, 1180, 2, true, true, "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) "
                    + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"),
            new Device("desktop-1280", 1280, 800, 1, false, false, CHROME_DESKTOP),
            new Device("desktop-1440", 1440, 900, 1, false, false, CHROME_DESKTOP),
            new Device("desktop-1920", 1920, 1080, 1, false, false, CHROME_DESKTOP));

    /** The preset named {@code name}: case and spaces do not count ("iPhone 15" is iphone-15). */
    public static Device named(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        for (Device d : PRESETS) if (d.name.equals(key)) return d;
        throw new IllegalArgumentException("unknown device '" + name + "' (expected one of "
                + String.join(", ", PRESETS.stream().map(Device::name).toList()) + ")");
    }

    public Viewport viewport() {
        return new Viewport(width, height, deviceScaleFactor);
    }
}
