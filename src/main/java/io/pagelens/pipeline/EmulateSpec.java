package io.pagelens.pipeline;

/**
 * The {@code emulate} object of a capture body: device preset, geolocation, time zone, locale, media features.
 * Every field is optional; {@link CleanSpecs} validates it into {@link io.pagelens.capture.EmulationOptions},
 * naming {@code emulate.FIELD}.
 *
 * @param device iphone-15, pixel-8, ipad, desktop-1280, desktop-1440 or desktop-1920 (README: "Device presets")
 */
public record EmulateSpec(String device, GeolocationSpec geolocation, String timezone, String locale, String colorScheme,
                          String reducedMotion, String media) {

    /** @param accuracy metres, default 10 */
    public record GeolocationSpec(Double latitude, Double longitude, Double accuracy) {
    }
}
