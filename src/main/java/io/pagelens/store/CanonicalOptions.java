package io.pagelens.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pagelens.capture.AnalysisOptions;
import io.pagelens.capture.Clip;
import io.pagelens.capture.Cookie;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Format;
import io.pagelens.capture.PdfOptions;
import io.pagelens.capture.Viewport;
import io.pagelens.content.ContentOptions;
import io.pagelens.content.MarkdownOptions;
import io.pagelens.json.Jackson;
import io.pagelens.store.blob.Sha256;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The options of a capture request that change its output, as canonical JSON (keys sorted, sets sorted, absent
 * values left out) and its SHA-256: the options part of a capture key. Options that do not change the output are
 * left out (the URL, which is a key part of its own, and the timeout). Options of a format nobody asked for are left
 * out too (PDF paper when no PDF is made), so they do not split the cache.
 *
 * <p>Header and cookie values count for the hash (another login renders another page) but are redacted in
 * {@link #json()}, which is stored and shown.
 *
 * @param json   canonical JSON with secret values replaced by {@code "****"}
 * @param sha256 hash of the canonical JSON with the real values
 */
public record CanonicalOptions(String json, String sha256) {
    /** Bumped when the canonical form changes, so old and new hashes never collide. */
    static final int CANONICAL_VERSION = 1;
    private static final String REDACTED = "****";

    /** Computed once per order (at the edge) and carried to the save, which only compares the hash with the key's. */
    public static CanonicalOptions of(CaptureRequest r) {
        String full = write(canonical(r, Function.identity()));
        String shown = write(canonical(r, v -> REDACTED));
        return new CanonicalOptions(shown, Sha256.of(full));
    }

    private static Map<String, Object> canonical(CaptureRequest r, Function<String, String> secret) {
        Map<String, Object> m = new TreeMap<>();
        m.put("v", CANONICAL_VERSION);
        m.put("formats", r.formats().stream().map(Format::id).sorted().toList());
        m.put("viewport", viewport(r.viewport()));
        m.put("darkMode", r.darkMode());
        m.put("waitUntil", r.waitUntil().name().toLowerCase(Locale.ROOT));
        put(m, "waitForSelector", r.waitForSelector());
        m.put("delayMs", r.delay().toMillis());
        m.put("waitForFonts", r.waitForFonts());
        m.put("autoScroll", r.autoScroll());
        m.put("blockResourceTypes", r.blockResourceTypes().stream().map(s -> s.toLowerCase(Locale.ROOT)).sorted().toList());
        m.put("blockUrlPatterns", r.blockUrlPatterns().stream().sorted().toList());
        Map<String, Object> headers = new TreeMap<>();
        r.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), secret.apply(v)));
        m.put("headers", headers);
        put(m, "userAgent", r.userAgent());
        m.put("cookies", cookies(r.cookies(), secret));
        m.put("allowHttpErrors", r.allowHttpErrors());
        if (r.wants(Format.SCREENSHOT)) {
            m.put("imageType", r.imageType().id());
            m.put("quality", r.quality());
            m.put("fullPage", r.fullPage());
            m.put("maxHeight", r.maxHeight());
            put(m, "selector", r.selector());
            if (r.clip() != null) m.put("clip", clip(r.clip()));
            m.put("omitBackground", r.omitBackground());
            if (!r.mask().isEmpty()) m.put("mask", r.mask().selectors()); // only when set: older keys stay valid
        }
        if (r.wants(Format.MARKDOWN) || r.wants(Format.TEXT) || r.wants(Format.LINKS)) m.put("content", content(r.content()));
        if (r.wants(Format.PDF)) m.put("pdf", pdf(r.pdf()));
        // only when asked: captures made without analysis keep the hashes they had before it existed
        if (r.analysis().any()) m.put("analysis", analysis(r.analysis()));
        // only when set, so the keys of captures without them stay as they were
        if (!r.clean().changesNothing()) m.put("clean", sorted(r.clean()));
        if (!r.emulation().changesNothing()) m.put("emulation", sorted(r.emulation()));
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) m.put(key, value);
    }

    private static Map<String, Object> viewport(Viewport v) {
        return new TreeMap<>(Map.of("width", v.width(), "height", v.height(), "deviceScaleFactor", v.deviceScaleFactor()));
    }

    private static Map<String, Object> clip(Clip c) {
        return new TreeMap<>(Map.of("x", c.x(), "y", c.y(), "width", c.width(), "height", c.height()));
    }

    private static List<Map<String, Object>> cookies(List<Cookie> cookies, Function<String, String> secret) {
        List<Map<String, Object>> out = new ArrayList<>();
        cookies.stream()
                .sorted(Comparator.comparing(Cookie::name)
                        .thenComparing(c -> c.domain() == null ? "" : c.domain())
                        .thenComparing(c -> c.path() == null ? "" : c.path()))
                .forEach(c -> {
                    Map<String, Object> m = new TreeMap<>();
                    m.put("name", c.name());
                    m.put("value", secret.apply(c.value()));
                    put(m, "domain", c.domain());
                    put(m, "path", c.path());
                    out.add(m);
                });
        return out;
    }

    private static Map<String, Object> content(ContentOptions c) {
        Map<String, Object> m = new TreeMap<>();
        m.put("onlyMainContent", c.onlyMainContent());
        m.put("includeTags", c.includeTags().stream().sorted().toList());
        m.put("excludeTags", c.excludeTags().stream().sorted().toList());
        MarkdownOptions md = c.markdown();
        Map<String, Object> mdm = new TreeMap<>();
        put(mdm, "headingStyle", md.headingStyle());
        put(mdm, "hr", md.hr());
        put(mdm, "bulletListMarker", md.bulletListMarker());
        put(mdm, "codeBlockStyle", md.codeBlockStyle());
        put(mdm, "fence", md.fence());
        put(mdm, "emDelimiter", md.emDelimiter());
        put(mdm, "strongDelimiter", md.strongDelimiter());
        put(mdm, "linkStyle", md.linkStyle());
        put(mdm, "linkReferenceStyle", md.linkReferenceStyle());
        put(mdm, "br", md.br());
        m.put("markdown", mdm);
        return m;
    }

    private static Map<String, Object> pdf(PdfOptions p) {
        Map<String, Object> m = new TreeMap<>();
        m.put("paperWidth", p.paperWidth());
        m.put("paperHeight", p.paperHeight());
        m.put("marginTop", p.marginTop());
        m.put("marginBottom", p.marginBottom());
        m.put("marginLeft", p.marginLeft());
        m.put("marginRight", p.marginRight());
        m.put("landscape", p.landscape());
        m.put("printBackground", p.printBackground());
        return m;
    }

    /** failOnMissingSelector is left out: it decides whether a capture is stored, not what it shows. */
    private static Map<String, Object> analysis(AnalysisOptions a) {
        Map<String, Object> m = new TreeMap<>();
        m.put("stableRender", a.stableRender());
        m.put("brand", a.brand());
        // the variant's name is a key part of its own; its mutations' hash tells a re-created variant from the old one
        if (a.hasVariant()) m.put("mutationsSha256", Sha256.of(a.mutations().toString()));
        return m;
    }

    /** A record as a key-sorted map (nulls left out; nested records keep their component order, which is fixed). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sorted(Record options) {
        return new TreeMap<>(Jackson.MAPPER.convertValue(options, Map.class));
    }

    private static String write(Map<String, Object> m) {
        try {
            return Jackson.MAPPER.writeValueAsString(m); // every map is a TreeMap: keys come out sorted
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write capture options as JSON", e);
        }
    }
}
