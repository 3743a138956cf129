package io.pagelens.capture;

import io.pagelens.content.ContentOptions;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one capture is asked for. Immutable; made by {@link #builder(String)}, which validates
 * once at the edge (CLI, API) and names the offending field in its error.
 * <p>Stored orders (job payloads) are this record as JSON, read back through the canonical constructor: an option
 * group added later is one sub-record (as {@link ContentOptions} and {@link PdfOptions} are) that the constructor
 * defaults when it is absent, so orders written before it stay readable.
 */
public record CaptureRequest(
        URI url,
        Set<Format> formats,
        ImageType imageType,
        int quality,
        Viewport viewport,
        boolean fullPage,
        int maxHeight,
        String selector,
        Clip clip,
        boolean darkMode,
        boolean omitBackground,
        WaitUntil waitUntil,
        String waitForSelector,
        Duration delay,
        boolean waitForFonts,
        boolean autoScroll,
        Duration timeout,
        Set<String> blockResourceTypes,
        List<String> blockUrlPatterns,
        Map<String, String> headers,
        String userAgent,
        List<Cookie> cookies,
        boolean allowHttpErrors,
        ContentOptions content,
        PdfOptions pdf,
        AnalysisOptions analysis,
        CleanOptions clean,
        EmulationOptions emulation,
        MaskOptions mask) {

    /** Default cap on a full-page screenshot, in CSS pixels. */
    public static final int DEFAULT_MAX_HEIGHT = 20_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    public static final Set<String> RESOURCE_TYPES = Set.of("document", "stylesheet", "image", "media", "font",
            "script", "texttrack", "xhr", "fetch", "eventsource", "websocket", "manifest", "other");

    public CaptureRequest {
        formats = Set.copyOf(formats);
        blockResourceTypes = Set.copyOf(blockResourceTypes);
        blockUrlPatterns = List.copyOf(blockUrlPatterns);
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
        if (content == null) content = ContentOptions.DEFAULTS;
        if (pdf == null) pdf = PdfOptions.A4;
        if (analysis == null) analysis = AnalysisOptions.NONE;
        if (clean == null) clean = CleanOptions.NONE;
        if (emulation == null) emulation = EmulationOptions.NONE;
        if (mask == null) mask = MaskOptions.NONE;
    }

    /**
     * This request with other headers and cookies and nothing else changed, for taking the secret parts out of a
     * stored order and putting them back (names and values are not checked again).
     */
    public CaptureRequest withHeadersAndCookies(Map<String, String> headers, List<Cookie> cookies) {
        return new CaptureRequest(url, formats, imageType, quality, viewport, fullPage, maxHeight, selector, clip, darkMode,
                omitBackground, waitUntil, waitForSelector, delay, waitForFonts, autoScroll, timeout, blockResourceTypes,
                blockUrlPatterns, headers, userAgent, cookies, allowHttpErrors, content, pdf, analysis, clean, emulation, mask);
    }

    public boolean wants(Format f) {
        return formats.contains(f);
    }

    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** A builder that starts from this request, for small changes. */
    public Builder toBuilder() {
        Builder b = new Builder(url.toString());
        b.formats = EnumSet.copyOf(formats);
        b.imageType = imageType;
        b.quality = quality;
        b.viewport = viewport;
        b.fullPage = fullPage;
        b.maxHeight = maxHeight;
        b.selector = selector;
        b.clip = clip;
        b.darkMode = darkMode;
        b.omitBackground = omitBackground;
        b.waitUntil = waitUntil;
        b.waitForSelector = waitForSelector;
        b.delay = delay;
        b.waitForFonts = waitForFonts;
        b.autoScroll = autoScroll;
        b.timeout = timeout;
        b.blockResourceTypes = Set.copyOf(blockResourceTypes);
        b.blockUrlPatterns = List.copyOf(blockUrlPatterns);
        b.headers = new LinkedHashMap<>(headers);
        b.userAgent = userAgent;
        b.cookies = List.copyOf(cookies);
        b.allowHttpErrors = allowHttpErrors;
        b.content = content;
        b.pdf = pdf;
        b.analysis = analysis;
        b.clean = clean;
        b.emulation = emulation;
        b.mask = mask;
        return b;
    }

    public static final class Builder {
        private final String rawUrl;
        private Set<Format> formats = EnumSet.of(Format.SCREENSHOT);
        private ImageType imageType = ImageType.PNG;
        private int quality = 80;
        private Viewport viewport = Viewport.DESKTOP;
        private boolean fullPage;
        private int maxHeight = DEFAULT_MAX_HEIGHT;
        private String selector;
        private Clip clip;
        private boolean darkMode;
        private boolean omitBackground;
        private WaitUntil waitUntil = WaitUntil.LOAD;
        private String waitForSelector;
        private Duration delay = Duration.ZERO;
        private boolean waitForFonts = true;
        private boolean autoScroll;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Set<String> blockResourceTypes = Set.of();
        private List<String> blockUrlPatterns = List.of();
        private Map<String, String> headers = new LinkedHashMap<>();
        private String userAgent;
        private List<Cookie> cookies = List.of();
        private boolean allowHttpErrors;
        private ContentOptions content = ContentOptions.DEFAULTS;
        private PdfOptions pdf = PdfOptions.A4;
        private AnalysisOptions analysis = AnalysisOptions.NONE;
        private CleanOptions clean = CleanOptions.NONE;
        private EmulationOptions emulation = EmulationOptions.NONE;
        private MaskOptions mask = MaskOptions.NONE;

        private Builder(String url) {
            this.rawUrl = url;
        }

        public Builder formats(Set<Format> v) { this.formats = v.isEmpty() ? EnumSet.noneOf(Format.class) : EnumSet.copyOf(v); return this; }
        public Builder imageType(ImageType v) { this.imageType = v; return this; }
        /** JPEG/WebP quality, 0 to 100; <b>80</b> by default; ignored for PNG. */
        public Builder quality(int v) { this.quality = v; return this; }
        public Builder viewport(Viewport v) { this.viewport = v; return this; }
        public Builder fullPage(boolean v) { this.fullPage = v; return this; }
        /** Cap on a full-page screenshot in CSS pixels; <b>20,000</b> by default. */
        public Builder maxHeight(int v) { this.maxHeight = v; return this; }
        public Builder selector(String v) { this.selector = v; return this; }
        public Builder clip(Clip v) { this.clip = v; return this; }
        public Builder darkMode(boolean v) { this.darkMode = v; return this; }
        public Builder omitBackground(boolean v) { this.omitBackground = v; return this; }
        public Builder waitUntil(WaitUntil v) { this.waitUntil = v; return this; }
        public Builder waitForSelector(String v) { this.waitForSelector = v; return this; }
        public Builder delay(Duration v) { this.delay = v; return this; }
        public Builder waitForFonts(boolean v) { this.waitForFonts = v; return this; }
        public Builder autoScroll(boolean v) { this.autoScroll = v; return this; }
        /** Hard limit on the whole capture, navigation to last byte; <b>30 s</b> by default, 5 min at most. */
        public Builder timeout(Duration v) { this.timeout = v; return this; }
        public Builder blockResourceTypes(Set<String> v) { this.blockResourceTypes = v; return this; }
        public Builder blockUrlPatterns(List<String> v) { this.blockUrlPatterns = v; return this; }
        public Builder header(String name, String value) { this.headers.put(name, value); return this; }
        public Builder headers(Map<String, String> v) { this.headers = new LinkedHashMap<>(v); return this; }
        public Builder userAgent(String v) { this.userAgent = v; return this; }
        public Builder cookies(List<Cookie> v) { this.cookies = v; return this; }
        /** Capture 4xx/5xx pages instead of failing with {@link CaptureError#HTTP_ERROR}. */
        public Builder allowHttpErrors(boolean v) { this.allowHttpErrors = v; return this; }
        public Builder content(ContentOptions v) { this.content = v; return this; }
        public Builder pdf(PdfOptions v) { this.pdf = v; return this; }
        /** Stable render, variant mutations, brand snapshot; {@link AnalysisOptions#NONE} by default. */
        public Builder analysis(AnalysisOptions v) { this.analysis = v == null ? AnalysisOptions.NONE : v; return this; }
        /** Banners, ads, actions and injection; <b>none</b> by default. */
        public Builder clean(CleanOptions v) { this.clean = v; return this; }
        /** Device, geolocation, locale and media emulation; <b>none</b> by default. */
        public Builder emulation(EmulationOptions v) { this.emulation = v; return this; }
        /** Elements hidden before the outputs (monitors' ignore selectors); <b>none</b> by default. */
        public Builder mask(MaskOptions v) { this.mask = v == null ? MaskOptions.NONE : v; return this; }

        /** Validates every field and returns the request; the exception names the field. */
        public CaptureRequest build() {
            URI uri = Urls.parseHttpUrl(rawUrl);
            if (quality < 0 || quality > 100) throw new InvalidRequestException("quality", "must be between 0 and 100, was " + quality);
            if (maxHeight < 100 || maxHeight > 200_000) throw new InvalidRequestException("maxHeight", "must be between 100 and 200000, was " + maxHeight);
            if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new InvalidRequestException("timeout", "must be between 1 ms and 5 minutes");
            }
            if (delay == null || delay.isNegative() || delay.compareTo(timeout) >= 0) {
                throw new InvalidRequestException("delay", "must be at least 0 and shorter than the timeout");
            }
            if (selector != null && clip != null) throw new InvalidRequestException("selector", "cannot be combined with clip");
            if (fullPage && (selector != null || clip != null)) throw new InvalidRequestException("fullPage", "cannot be combined with selector or clip");
            if (selector != null && selector.isBlank()) throw new InvalidRequestException("selector", "must not be blank");
            if (imageType == ImageType.PNG && quality != 80) {
                // quality is meaningless for PNG; reject so nobody believes it did something
                throw new InvalidRequestException("quality", "applies to jpeg and webp only");
            }
            if (omitBackground && imageType == ImageType.JPEG) throw new InvalidRequestException("omitBackground", "needs png or webp (jpeg has no transparency)");
            for (String t : blockResourceTypes) {
                if (!RESOURCE_TYPES.contains(t.toLowerCase(java.util.Locale.ROOT))) {
                    throw new InvalidRequestException("blockResources", "unknown resource type '" + t + "' (expected one of " + String.join(", ", new java.util.TreeSet<>(RESOURCE_TYPES)) + ")");
                }
            }
            if (formats.isEmpty()) throw new InvalidRequestException("formats", "must name at least one format");
            return new CaptureRequest(uri, formats, imageType, quality, viewport, fullPage, maxHeight, selector, clip,
                    darkMode, omitBackground, waitUntil, waitForSelector, delay, waitForFonts, autoScroll, timeout,
                    blockResourceTypes, blockUrlPatterns, headers, userAgent, cookies, allowHttpErrors, content, pdf, analysis, clean, emulation, mask);
        }
    }
}
