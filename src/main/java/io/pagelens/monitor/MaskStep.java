package io.pagelens.monitor;

import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.PageContext;
import io.pagelens.capture.PageStep;
import io.pagelens.cdp.CdpException;

import java.util.List;

/**
 * Hides the elements of {@link io.pagelens.capture.MaskOptions} after load, before the outputs: {@code visibility:
 * hidden !important} keeps their box in the layout, so a changing clock or ad masked this way leaves the rest of the
 * page where it was and the visual diff sees the same pixels. Reports how many elements each selector hid; a selector
 * that matches nothing is not an error (the element may come and go).
 */
public final class MaskStep implements PageStep {
    private final List<String> selectors;

    private MaskStep(List<String> selectors) {
        this.selectors = selectors;
    }

    /** The step of a request that masks something; none otherwise. For {@code server.FeatureSteps}. */
    public static List<PageStep> forRequest(CaptureRequest r) {
        return r.mask().isEmpty() ? List.of() : List.of(new MaskStep(r.mask().selectors()));
    }

    @Override
    public String name() {
        return "mask";
    }

    @Override
    public void afterLoad(PageContext page) throws CdpException, InterruptedException, CaptureException {
        StringBuilder list = new StringBuilder("[");
        for (String s : selectors) list.append(list.length() > 1 ? "," : "").append(page.js(s));
        list.append(']');
        var counts = page.evaluate("(() => " + list + ".map(s => { let n = 0;"
                + " try { document.querySelectorAll(s).forEach(e => { e.style.setProperty('visibility', 'hidden', 'important'); n++; }); }"
                + " catch (err) { return -1; } return n; }))()", name());
        java.util.Map<String, Integer> hidden = new java.util.LinkedHashMap<>();
        for (int i = 0; i < selectors.size(); i++) hidden.put(selectors.get(i), counts.get(i).asInt());
        page.report(name(), java.util.Map.of("hidden", hidden));
    }
}
