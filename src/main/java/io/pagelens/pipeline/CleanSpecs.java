package io.pagelens.pipeline;

import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.CleanOptions;
import io.pagelens.capture.Device;
import io.pagelens.capture.EmulationOptions;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.capture.PageAction;
import io.pagelens.capture.Urls;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Validates the {@code clean} and {@code emulate} objects of a {@link CaptureSpec} into the request's options. */
final class CleanSpecs {
    static final int MAX_ACTIONS = 50;
    static final int MAX_URLS = 10;
    /** Cap on the css and script strings, in characters: they travel in every stored order. */
    static final int MAX_INLINE_CHARS = 100_000;
    private static final Set<String> COLOR_SCHEMES = Set.of("light", "dark", "no-preference");
    private static final Set<String> REDUCED_MOTION = Set.of("reduce", "no-preference");
    private static final Set<String> MEDIA = Set.of("screen", "print");

    private CleanSpecs() {
    }

    /** Sets the builder's clean and emulation options (and a device's viewport) from the spec. */
    static void apply(CaptureSpec spec, CaptureRequest.Builder b) {
        if (spec.clean() != null) b.clean(clean(spec.clean()));
        if (spec.emulate() != null) {
            EmulationOptions e = emulation(spec.emulate());
            if (e.device() != null) {
                if (spec.viewport() != null || spec.deviceScaleFactor() != null) {
                    throw new InvalidRequestException("emulate.device", "cannot be combined with viewport or deviceScaleFactor (the preset sets them)");
                }
                b.viewport(e.device().viewport());
            }
            if (e.colorScheme() != null && Boolean.TRUE.equals(spec.darkMode()) && !e.colorScheme().equals("dark")) {
                throw new InvalidRequestException("emulate.colorScheme", "is " + e.colorScheme() + " but darkMode is true");
            }
            b.emulation(e);
        }
    }

    static CleanOptions clean(CleanSpec c) {
        List<PageAction> actions = new ArrayList<>();
        if (c.actions() != null) {
            if (c.actions().size() > MAX_ACTIONS) throw new InvalidRequestException("clean.actions", "at most " + MAX_ACTIONS + " actions, was " + c.actions().size());
            for (int i = 0; i < c.actions().size(); i++) {
                CleanSpec.ActionSpec a = c.actions().get(i);
                String at = "clean.actions[" + i + "]";
                if (a == null) throw new InvalidRequestException(at, "must be an object");
                actions.add(PageAction.of(at, a.type(), a.selector(), a.y(), a.key(), a.ms(), a.text(), a.script(), a.optional()));
            }
        }
        inline("clean.css", c.css());
        inline("clean.script", c.script());
        return new CleanOptions(on(c.blockCookieBanners()), on(c.blockAds()), on(c.blockTrackers()), on(c.blockChats()),
                on(c.blockSocial()), actions, on(c.failOnMissingSelector()), c.css(), c.script(),
                urls("clean.styles", c.styles()), urls("clean.scripts", c.scripts()));
    }

    static EmulationOptions emulation(EmulateSpec e) {
        Device device = e.device() == null ? null : CaptureSpec.field("emulate.device", () -> Device.named(e.device()));
        EmulationOptions.Geolocation geo = null;
        if (e.geolocation() != null) {
            EmulateSpec.GeolocationSpec g = e.geolocation();
            if (g.latitude() == null || g.longitude() == null) throw new InvalidRequestException("emulate.geolocation", "needs latitude and longitude");
            geo = CaptureSpec.field("emulate.geolocation", () -> new EmulationOptions.Geolocation(g.latitude(), g.longitude(),
                    g.accuracy() == null ? 10 : g.accuracy()));
        }
        if (e.timezone() != null) {
            try {
                ZoneId.of(e.timezone());
            } catch (DateTimeException ex) {
                throw new InvalidRequestException("emulate.timezone", "unknown time zone '" + e.timezone() + "' (an IANA id such as Europe/Berlin)");
            }
        }
        String locale = null;
        if (e.locale() != null) {
            try {
                locale = new Locale.Builder().setLanguageTag(e.locale()).build().toLanguageTag();
            } catch (IllformedLocaleException ex) {
                throw new InvalidRequestException("emulate.locale", "is not a BCP 47 language tag such as de-DE: " + ex.getMessage());
            }
        }
        return new EmulationOptions(device, geo, e.timezone(), locale, oneOf("emulate.colorScheme", e.colorScheme(), COLOR_SCHEMES),
                oneOf("emulate.reducedMotion", e.reducedMotion(), REDUCED_MOTION), oneOf("emulate.media", e.media(), MEDIA));
    }

    private static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static void inline(String field, String s) {
        if (s != null && s.length() > MAX_INLINE_CHARS) throw new InvalidRequestException(field, "at most " + MAX_INLINE_CHARS + " characters, was " + s.length());
    }

    private static List<URI> urls(String field, List<String> raw) {
        if (raw == null) return List.of();
        if (raw.size() > MAX_URLS) throw new InvalidRequestException(field, "at most " + MAX_URLS + " URLs, was " + raw.size());
        List<URI> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) out.add(Urls.parseWebUrl(raw.get(i), field + "[" + i + "]").toUri());
        return out;
    }

    private static String oneOf(String field, String v, Set<String> allowed) {
        if (v == null) return null;
        String lower = v.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) throw new InvalidRequestException(field, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ", was '" + v + "'");
        return lower;
    }
}
