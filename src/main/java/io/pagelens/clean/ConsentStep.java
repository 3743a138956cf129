package io.pagelens.clean;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.PageContext;
import io.pagelens.capture.PageStep;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Commands;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code blockCookieBanners}: DuckDuckGo's autoconsent (vendored rules for hundreds of consent platforms) runs in every
 * frame from the first script on, hides known banners early (prehide) and answers them with "reject all" where the
 * platform offers it, else hides them. After load this step waits for it to finish, within bounds, then hides the
 * generic cookie/consent overlays it missed and undoes scroll locks. Reported under {@code consent} as
 * {@code [{platform, action}]}, action being {@code rejected}, {@code hidden} or {@code failed}.
 */
final class ConsentStep implements PageStep {
    /**
     * How long after the waits a platform may take to show up (scripts that insert their banner late); the main cost
     * of the option on pages without a banner (bench/clean).
     */
    static final Duration DETECT = Duration.ofMillis(1_000);
    /** How long a detected platform may take to answer (some open a settings dialog, untick and save). */
    static final Duration ANSWER = Duration.ofSeconds(6);
    private static final Duration POLL = Duration.ofMillis(100);

    @Override
    public String name() {
        return "consent";
    }

    @Override
    public void beforeNavigation(PageContext page) throws CdpException, InterruptedException {
        page.send(Commands.addScriptOnNewDocument(ConsentScripts.bootstrap()));
    }

    @Override
    public void afterLoad(PageContext page) throws CdpException, InterruptedException, CaptureException {
        long start = System.nanoTime();
        List<JsonNode> log = List.of();
        while (true) {
            log = read(page);
            long ms = (System.nanoTime() - start) / 1_000_000;
            boolean detected = log.stream().anyMatch(m -> m.path("type").asText().equals("cmpDetected"));
            boolean popup = log.stream().anyMatch(m -> m.path("type").asText().equals("popupFound"));
            boolean done = log.stream().anyMatch(m -> m.path("type").asText().equals("autoconsentDone")
                    || m.path("type").asText().equals("optOutResult") && !m.path("result").asBoolean(false));
            if (done || page.deadline().remaining().toMillis() < 1_000) break;
            if (!detected && ms >= DETECT.toMillis()) break;
            if (detected && !popup && ms >= DETECT.toMillis() * 2) break; // a platform without a banner (already answered)
            if (ms >= ANSWER.toMillis()) break;
            page.sleep(POLL);
        }
        List<Map<String, Object>> report = outcomes(log);
        JsonNode h = page.evaluate("(" + ConsentScripts.heuristics() + ")(" + !report.isEmpty() + ")", name());
        if (!h.path("hidden").isEmpty()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("platform", "heuristic");
            e.put("action", "hidden");
            List<String> what = new ArrayList<>();
            h.path("hidden").forEach(n -> what.add(n.asText()));
            e.put("elements", what);
            report.add(e);
        }
        if (h.path("unlocked").asBoolean()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("platform", "page");
            e.put("action", "scrollUnlocked");
            report.add(e);
        }
        page.report(name(), report);
    }

    private List<JsonNode> read(PageContext page) throws CdpException, InterruptedException, CaptureException {
        String json = page.evaluate("JSON.stringify(window.__pagelensConsent || [])", name()).asText("[]");
        try {
            List<JsonNode> out = new ArrayList<>();
            Jackson.MAPPER.readTree(json).forEach(out::add);
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** One entry per platform: rejected (opt-out succeeded), hidden (cosmetic rule) or failed (opt-out did not work). */
    static List<Map<String, Object>> outcomes(List<JsonNode> log) {
        Map<String, String> byCmp = new LinkedHashMap<>();
        for (JsonNode m : log) {
            String cmp = m.path("cmp").asText(null);
            if (cmp == null) continue;
            switch (m.path("type").asText()) {
                case "popupFound" -> byCmp.putIfAbsent(cmp, "found");
                case "optOutResult" -> byCmp.put(cmp, m.path("result").asBoolean(false) ? "rejected" : "failed");
                case "autoconsentDone" -> byCmp.compute(cmp, (k, v) -> m.path("cosmetic").asBoolean() ? "hidden" : v == null || v.equals("found") ? "rejected" : v);
                default -> {
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byCmp.forEach((cmp, action) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("platform", cmp);
            e.put("action", action.equals("found") ? "failed" : action);
            out.add(e);
        });
        return out;
    }
}
