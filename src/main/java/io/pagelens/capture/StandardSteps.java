package io.pagelens.capture;

import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Commands;
import io.pagelens.cdp.Events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps of {@link PageStepFactory#STANDARD}, each only when the request asks for it: resource-type blocking before
 * navigation, then the waits after it (selector, fonts, auto-scroll for lazy images, the extra delay).
 */
final class StandardSteps {
    private static final Map<String, String> CDP_RESOURCE_TYPES = Map.ofEntries(
            Map.entry("document", "Document"), Map.entry("stylesheet", "Stylesheet"), Map.entry("image", "Image"),
            Map.entry("media", "Media"), Map.entry("font", "Font"), Map.entry("script", "Script"),
            Map.entry("texttrack", "TextTrack"), Map.entry("xhr", "XHR"), Map.entry("fetch", "Fetch"),
            Map.entry("eventsource", "EventSource"), Map.entry("websocket", "WebSocket"),
            Map.entry("manifest", "Manifest"), Map.entry("other", "Other"));
    /** Time kept back from a selector wait so its failure is reported before the deadline, not as a timeout. */
    private static final long SELECTOR_MARGIN_MS = 200;

    private StandardSteps() {
    }

    static List<PageStep> forRequest(CaptureRequest r) {
        List<PageStep> steps = new ArrayList<>();
        // with list blocking (clean.*) its request filter intercepts every request and does the types too
        if (!r.blockResourceTypes().isEmpty() && !r.clean().blocksRequests()) steps.add(PageStep.beforeNavigation("blockResources", StandardSteps::blockResourceTypes));
        if (r.waitForSelector() != null) steps.add(PageStep.afterLoad("waitForSelector", StandardSteps::waitForSelector));
        if (r.waitForFonts()) steps.add(PageStep.afterLoad("fonts", StandardSteps::fonts));
        if (r.autoScroll()) steps.add(PageStep.afterLoad("autoScroll", StandardSteps::autoScroll));
        if (!r.delay().isZero()) steps.add(PageStep.afterLoad("delay", p -> p.sleep(p.request().delay())));
        return steps;
    }

    /** Requests of those types are paused by Fetch and failed at once; requests of other types are never paused. */
    private static void blockResourceTypes(PageContext page) throws CdpException, InterruptedException {
        Set<String> types = page.request().blockResourceTypes().stream()
                .map(t -> CDP_RESOURCE_TYPES.get(t.toLowerCase(Locale.ROOT))).collect(Collectors.toSet());
        page.on(Events.REQUEST_PAUSED, p -> page.sendAsync(Commands.fetchFail(p.requestId())));
        page.send(Commands.fetchEnable(types));
    }

    private static void waitForSelector(PageContext page) throws CdpException, InterruptedException, CaptureException {
        String selector = page.request().waitForSelector();
        long ms = Math.max(0, page.deadline().remaining().toMillis() - SELECTOR_MARGIN_MS);
        boolean found = page.evaluate("(async (sel, ms) => { const end = Date.now() + ms;"
                + " while (true) { if (document.querySelector(sel)) return true;"
                + " if (Date.now() >= end) return false; await new Promise(r => setTimeout(r, 100)); } })("
                + page.js(selector) + ", " + ms + ")", "waitForSelector").asBoolean();
        if (!found) {
            throw new CaptureException(CaptureError.SELECTOR_NOT_FOUND, "no element matched waitForSelector '" + selector
                    + "' within " + ms + " ms");
        }
    }

    private static void fonts(PageContext page) throws CdpException, InterruptedException, CaptureException {
        page.evaluate("document.fonts ? document.fonts.ready.then(() => true) : true", "fonts");
    }

    /** A viewport at a time so lazy images load, up to the full-page cap, then back to the top. */
    private static void autoScroll(PageContext page) throws CdpException, InterruptedException, CaptureException {
        page.evaluate("(async (maxH) => { const sleep = ms => new Promise(r => setTimeout(r, ms)); let y = 0;"
                + " for (let i = 0; i < 500; i++) { const h = Math.min(document.documentElement.scrollHeight, maxH);"
                + " if (y + innerHeight >= h) break; y += innerHeight; window.scrollTo(0, y); await sleep(100); }"
                + " window.scrollTo(0, 0); await sleep(50); return y; })(" + page.request().maxHeight() + ")", "autoScroll");
    }
}
