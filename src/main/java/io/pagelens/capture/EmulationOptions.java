package io.pagelens.capture;

/**
 * Device and locale emulation ({@code emulate}): a device preset, geolocation, time zone, locale, and the media
 * features the page sees. Immutable; validated by the pipeline (errors name {@code emulate.FIELD}). The default
 * changes nothing.
 *
 * @param device        a preset (its viewport is the request's; its UA is used unless userAgent is given); null: none
 * @param geolocation   position reported to navigator.geolocation (the permission is granted); null: none
 * @param timezone      IANA time zone id ("Europe/Berlin"); null: the browser's
 * @param locale        BCP 47 tag ("de-DE"): navigator.language, Intl and the Accept-Language header; null: the browser's
 * @param colorScheme   prefers-color-scheme: light, dark or no-preference; null: as darkMode says
 * @param reducedMotion prefers-reduced-motion: reduce or no-preference; null: the browser's
 * @param media         CSS media type: screen or print; null: screen
 */
public record EmulationOptions(Device device, Geolocation geolocation, String timezone, String locale, String colorScheme,
                               String reducedMotion, String media) {
    public static final EmulationOptions NONE = new EmulationOptions(null, null, null, null, null, null, null);

    /** @param accuracy metres */
    public record Geolocation(double latitude, double longitude, double accuracy) {
        public Geolocation {
            if (latitude < -90 || latitude > 90) throw new IllegalArgumentException("latitude must be between -90 and 90, was " + latitude);
            if (longitude < -180 || longitude > 180) throw new IllegalArgumentException("longitude must be between -180 and 180, was " + longitude);
            if (accuracy < 0) throw new IllegalArgumentException("accuracy must not be negative, was " + accuracy);
        }
    }

    public boolean changesNothing() {
        return equals(NONE);
    }
}
