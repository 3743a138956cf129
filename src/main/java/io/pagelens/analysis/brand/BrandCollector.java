package io.pagelens.analysis.brand;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.analysis.PageScriptException;
import io.pagelens.analysis.PageScripts;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.CdpSession;

import java.time.Duration;
import java.util.Map;

/**
 * Runs {@code brand-collector.js} in a loaded page: a JSON snapshot of painted backgrounds (area-weighted), text
 * colours and fonts (weighted by text area), CSS custom properties, {@code @font-face} sources and
 * {@code document.fonts} status, h1/h2/body typography, headline/tagline candidates, buttons and links styled as
 * buttons, logo candidates, favicons and og:image. {@link BrandProfiler} turns it into a {@link BrandProfile}.
 *
 * <pre>{@code
 * JsonNode snapshot = BrandCollector.collect(session, Duration.ofSeconds(10));   // after load (and stable render)
 * BrandProfile profile = BrandProfiler.profile(snapshot, PixelPalette.of(viewportPng));
 * }</pre>
 */
public final class BrandCollector {
    /** How far down the collector looks, in viewport heights; elements it walks; inline SVG logo markup kept. */
    public static final int VIEWPORTS = 2;
    public static final int MAX_ELEMENTS = 4_000;
    public static final int MAX_SVG_CHARS = 20_000;
    private static final String SCRIPT = PageScripts.function(BrandCollector.class, "brand-collector.js");

    private BrandCollector() {
    }

    public static String expression() {
        return "(" + SCRIPT + ")(" + PageScripts.json(Map.of("viewports", VIEWPORTS, "maxElements", MAX_ELEMENTS,
                "maxSvgChars", MAX_SVG_CHARS)) + ")";
    }

    public static JsonNode collect(CdpSession session, Duration timeout) throws CdpException, InterruptedException, PageScriptException {
        JsonNode snapshot = PageScripts.evaluate(session, expression(), timeout, "brand collector");
        if (snapshot == null || !snapshot.isObject()) throw new PageScriptException("the brand collector returned " + snapshot);
        return snapshot;
    }
}
