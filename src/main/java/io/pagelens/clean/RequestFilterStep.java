package io.pagelens.clean;

import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.PageContext;
import io.pagelens.capture.PageStep;
import io.pagelens.capture.Urls;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Commands;
import io.pagelens.cdp.Events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code blockAds}, {@code blockTrackers}, {@code blockChats}, {@code blockSocial}: every request of the page is paused
 * by Fetch at its request stage, inside Chromium, before it reaches the egress proxy and so before any DNS lookup or
 * connection, and failed when a list's rule blocks it. The page's own documents are never blocked. It also does the
 * request's {@code blockResources} (the engine's own step stands back, as two Fetch.enable would replace each other).
 * After load it hides EasyList's generic selectors (blockAds) and reports the blocked requests by list under
 * {@code blocking}.
 */
final class RequestFilterStep implements PageStep {
    private static final int MAX_LISTED = 20;
    /** Selectors per CSS rule: a selector Chromium cannot parse drops only its own rule. */
    private static final int SELECTORS_PER_RULE = 200;

    private final Map<String, AtomicInteger> counts = new LinkedHashMap<>();
    private final List<String> examples = new ArrayList<>();

    @Override
    public String name() {
        return "blocking";
    }

    @Override
    public void beforeNavigation(PageContext page) throws CdpException, InterruptedException {
        CaptureRequest r = page.request();
        List<NetworkFilter> lists = FilterLists.forOptions(r.clean());
        for (NetworkFilter l : lists) counts.put(l.name, new AtomicInteger());
        Set<String> types = r.blockResourceTypes().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String pageDomain = RegistrableDomain.of(Urls.host(r.url()).toLowerCase(Locale.ROOT));
        page.on(Events.REQUEST_PAUSED, p -> {
            if (types.contains(p.resourceType().toLowerCase(Locale.ROOT))) {
                page.sendAsync(Commands.fetchFail(p.requestId()));
                return;
            }
            String rule = null;
            NetworkFilter by = null;
            FilterRequest fr = FilterRequest.of(p.url(), p.resourceType(), pageDomain);
            boolean ownDocument = p.resourceType().equals("Document") && !fr.thirdParty();
            if (!ownDocument && fr.url().startsWith("http")) {
                for (NetworkFilter l : lists) {
                    rule = l.match(fr);
                    if (rule != null) {
                        by = l;
                        break;
                    }
                }
            }
            if (by == null) {
                page.sendAsync(Cdp.command("Fetch.continueRequest", Cdp.params().put("requestId", p.requestId())));
                return;
            }
            page.sendAsync(Commands.fetchFail(p.requestId()));
            counts.get(by.name).incrementAndGet();
            synchronized (examples) {
                if (examples.size() < MAX_LISTED) examples.add(by.name + ": " + p.url() + " (" + rule + ")");
            }
        });
        com.fasterxml.jackson.databind.node.ObjectNode every = Cdp.params();
        every.putArray("patterns").addObject().put("urlPattern", "*").put("requestStage", "Request");
        page.send(Cdp.command("Fetch.enable", every));
    }

    @Override
    public void afterLoad(PageContext page) throws CdpException, InterruptedException, CaptureException {
        if (page.request().clean().blockAds()) hideAds(page);
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Integer> blocked = new LinkedHashMap<>();
        counts.forEach((k, v) -> blocked.put(k, v.get()));
        report.put("blocked", blocked);
        synchronized (examples) {
            report.put("requests", List.copyOf(examples));
        }
        page.report(name(), report);
    }

    /** EasyList's generic element hiding as one style element, in chunks of rules. */
    private static void hideAds(PageContext page) throws CdpException, InterruptedException, CaptureException {
        page.evaluate("((chunks) => { const s = document.createElement('style'); s.dataset.pagelens = 'cosmetic';"
                + " (document.head || document.documentElement).appendChild(s); let ok = 0;"
                + " for (const c of chunks) { try { s.sheet.insertRule(c.join(',') + '{display:none !important}', s.sheet.cssRules.length); ok++; }"
                + " catch (e) { for (const one of c) { try { s.sheet.insertRule(one + '{display:none !important}', s.sheet.cssRules.length); } catch (e2) {} } } }"
                + " return ok; })(" + CosmeticCss.chunksJson(SELECTORS_PER_RULE) + ")", "blockAds");
    }
}
