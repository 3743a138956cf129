package io.pagelens.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.PageAction;
import io.pagelens.capture.PageContext;
import io.pagelens.capture.PageStep;
import io.pagelens.cdp.CdpException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code clean.actions} in order after load and reports each one's outcome under {@code actions}:
 * {@code done}, {@code missing} (its selector matched nothing), {@code skipped} (missing, but optional). Clicks, key
 * presses and typing go through CDP's Input domain, so the page gets trusted events as from a user.
 */
final class ActionsStep implements PageStep {
    /** Time for a page to react to a click or key before the next action (a menu opening, a banner closing). */
    private static final Duration SETTLE = Duration.ofMillis(100);
    /** Longest evaluate result kept in the report. */
    private static final int MAX_VALUE_CHARS = 500;

    @Override
    public String name() {
        return "actions";
    }

    @Override
    public void afterLoad(PageContext page) throws CdpException, InterruptedException, CaptureException {
        List<PageAction> actions = page.request().clean().actions();
        boolean strict = page.request().clean().failOnMissingSelector();
        List<Map<String, Object>> report = new ArrayList<>();
        try {
            for (int i = 0; i < actions.size(); i++) {
                PageAction a = actions.get(i);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("action", a.describe());
                report.add(entry);
                Object value = run(page, a);
                if (value == Missing.MISSING) {
                    if (strict && !a.optional()) {
                        entry.put("outcome", "missing");
                        throw new CaptureException(CaptureError.SELECTOR_NOT_FOUND, "clean.actions[" + i + "] (" + a.describe()
                                + "): no element matched (failOnMissingSelector is on; \"optional\": true skips it)");
                    }
                    entry.put("outcome", a.optional() ? "skipped" : "missing");
                } else {
                    entry.put("outcome", "done");
                    if (value != null) entry.put(a.type() == PageAction.Type.EVALUATE ? "value" : "elements", value);
                }
            }
        } finally {
            page.report(name(), report);
        }
    }

    private enum Missing { MISSING }

    /** Runs one action; {@link Missing#MISSING} when its selector matched nothing, else what to report (or null). */
    private static Object run(PageContext page, PageAction a) throws CdpException, InterruptedException, CaptureException {
        String step = "clean.actions (" + a.describe() + ")";
        switch (a.type()) {
            case CLICK -> {
                JsonNode at = page.evaluate("(() => { const e = document.querySelector(" + page.js(a.selector()) + "); if (!e) return null;"
                        + " e.scrollIntoView({block: 'center', inline: 'center'}); const r = e.getBoundingClientRect();"
                        + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()", step);
                if (at == null || at.isNull()) return Missing.MISSING;
                double x = at.path("x").asDouble(), y = at.path("y").asDouble();
                for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
                    ObjectNode p = Cdp.params().put("type", type).put("x", x).put("y", y);
                    if (!type.equals("mouseMoved")) p.put("button", "left").put("clickCount", 1);
                    page.send(Cdp.command("Input.dispatchMouseEvent", p));
                }
                page.sleep(SETTLE);
                return null;
            }
            case HIDE, REMOVE -> {
                String change = a.type() == PageAction.Type.HIDE ? "e.style.setProperty('visibility', 'hidden', 'important')" : "e.remove()";
                int n = page.evaluate("(() => { const all = document.querySelectorAll(" + page.js(a.selector()) + ");"
                        + " all.forEach(e => " + change + "); return all.length; })()", step).asInt();
                return n == 0 ? Missing.MISSING : n;
            }
            case SCROLL_TO -> {
                if (a.y() != null) {
                    page.evaluate("window.scrollTo(0, " + a.y() + ")", step);
                    return null;
                }
                boolean found = page.evaluate("(() => { const e = document.querySelector(" + page.js(a.selector()) + "); if (!e) return false;"
                        + " e.scrollIntoView({block: 'start'}); return true; })()", step).asBoolean();
                return found ? null : Missing.MISSING;
            }
            case PRESS -> {
                Keys.press(page, a.key());
                page.sleep(SETTLE);
                return null;
            }
            case WAIT -> {
                if (a.ms() != null) {
                    page.sleep(Duration.ofMillis(a.ms()));
                    return null;
                }
                long ms = Math.max(0, page.deadline().remaining().toMillis() - 500);
                boolean found = page.evaluate("(async (sel, ms) => { const end = Date.now() + ms;"
                        + " while (true) { if (document.querySelector(sel)) return true;"
                        + " if (Date.now() >= end) return false; await new Promise(r => setTimeout(r, 50)); } })("
                        + page.js(a.selector()) + ", " + ms + ")", step).asBoolean();
                return found ? null : Missing.MISSING;
            }
            case TYPE -> {
                boolean found = page.evaluate("(() => { const e = document.querySelector(" + page.js(a.selector()) + "); if (!e) return false;"
                        + " e.focus(); return true; })()", step).asBoolean();
                if (!found) return Missing.MISSING;
                page.send(Cdp.command("Input.insertText", Cdp.params().put("text", a.text())));
                return null;
            }
            case EVALUATE -> {
                JsonNode v = page.evaluate(a.script(), step);
                if (v == null || v.isNull() || v.isMissingNode()) return null;
                String s = v.isTextual() ? v.asText() : v.toString();
                return s.length() > MAX_VALUE_CHARS ? s.substring(0, MAX_VALUE_CHARS) + "…" : s;
            }
            default -> throw new IllegalStateException("unknown action " + a.type());
        }
    }
}
