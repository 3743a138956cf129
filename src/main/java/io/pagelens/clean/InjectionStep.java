package io.pagelens.clean;

import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CleanOptions;
import io.pagelens.capture.PageContext;
import io.pagelens.capture.PageStep;
import io.pagelens.cdp.CdpException;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's {@code css} and {@code script} strings and {@code styles}/{@code scripts} by URL, after load. URLs are
 * loaded by the page itself (a link or script element), so every byte passes the egress guard like any sub-request;
 * each one's outcome is in the report under {@code injection}.
 */
final class InjectionStep implements PageStep {
    /** How long one injected URL may take to load before it counts as failed (the capture goes on). */
    private static final long URL_LOAD_MS = 5_000;

    @Override
    public String name() {
        return "injection";
    }

    @Override
    public void afterLoad(PageContext page) throws CdpException, InterruptedException, CaptureException {
        CleanOptions c = page.request().clean();
        Map<String, Object> report = new LinkedHashMap<>();
        if (c.css() != null) {
            page.evaluate("(() => { const s = document.createElement('style'); s.dataset.pagelens = 'css'; s.textContent = "
                    + page.js(c.css()) + "; (document.head || document.documentElement).appendChild(s); return true; })()", "clean.css");
            report.put("css", true);
        }
        if (!c.styles().isEmpty()) report.put("styles", load(page, c.styles(), "link"));
        if (c.script() != null) {
            page.evaluate(c.script(), "clean.script");
            report.put("script", true);
        }
        if (!c.scripts().isEmpty()) report.put("scripts", load(page, c.scripts(), "script"));
        page.report(name(), report);
    }

    /** Adds one element per URL, in order, each awaited: [{url, loaded}]. */
    private static List<Map<String, Object>> load(PageContext page, List<URI> urls, String tag)
            throws CdpException, InterruptedException, CaptureException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (URI u : urls) {
            String make = tag.equals("link")
                    ? "const e = document.createElement('link'); e.rel = 'stylesheet'; e.href = url;"
                    : "const e = document.createElement('script'); e.src = url; e.async = false;";
            boolean loaded = page.evaluate("((url) => new Promise(done => { " + make
                    + " e.onload = () => done(true); e.onerror = () => done(false); setTimeout(() => done(false), " + URL_LOAD_MS + ");"
                    + " (document.head || document.documentElement).appendChild(e); }))(" + page.js(u.toString()) + ")",
                    "clean." + (tag.equals("link") ? "styles" : "scripts")).asBoolean();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", u.toString());
            m.put("loaded", loaded);
            out.add(m);
        }
        return out;
    }
}
