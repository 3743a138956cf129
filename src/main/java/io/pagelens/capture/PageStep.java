package io.pagelens.capture;

import io.pagelens.cdp.CdpException;

/**
 * One step a capture runs on its page, in two phases around the standard work:
 * <ol>
 *   <li>{@link #beforeNavigation}: after the page is set up (viewport, headers, cookies, URL blocking), before it
 *       navigates: emulation, init scripts ({@code Page.addScriptToEvaluateOnNewDocument}), request interception;</li>
 *   <li>{@link #afterLoad}: once navigation reached the request's {@code waitUntil} event, before any output is
 *       written: waits, DOM changes, dismissing banners, page actions.</li>
 * </ol>
 * The steps of one capture come from the engine's {@link PageStepFactory}, in its order: first the
 * {@link PageStepFactory#STANDARD} ones (resource-type blocking, then the waits: selector, fonts, auto-scroll, delay),
 * then those of the features the request asks for. A step object serves one page (a retried capture gets new ones),
 * so it may keep state between its phases. A step reports what it did with {@link PageContext#report}; it fails the
 * capture by throwing a {@link CaptureException} (CDP failures are mapped by the engine).
 * <pre>{@code
 * final class RemoveBanners implements PageStep {
 *     public String name() { return "banners"; }
 *     public void afterLoad(PageContext page) throws CdpException, InterruptedException, CaptureException {
 *         int n = page.evaluate("(() => { const b = document.querySelectorAll('[id*=cookie]');"
 *                 + " b.forEach(e => e.remove()); return b.length; })()", name()).asInt();
 *         page.report(name(), java.util.Map.of("removed", n));
 *     }
 * }
 * // the factory picks steps from the request (features add one sub-record each to CaptureRequest):
 * PageStepFactory steps = PageStepFactory.STANDARD.and(r -> r.fullPage() ? List.of(new RemoveBanners()) : List.of());
 * CaptureEngine engine = new CaptureEngine(browser, settings, admission, registry, extractor, steps);
 * }</pre>
 */
public interface PageStep {
    /** A short name for errors, logs and the report, e.g. {@code "consent"}. */
    String name();

    /** Runs after the page is set up and before it navigates. */
    default void beforeNavigation(PageContext page) throws CdpException, InterruptedException, CaptureException {
    }

    /** Runs after navigation and the steps before this one, before any output is written. */
    default void afterLoad(PageContext page) throws CdpException, InterruptedException, CaptureException {
    }

    /** The work of one phase, for {@link #beforeNavigation(String, Action)} and {@link #afterLoad(String, Action)}. */
    @FunctionalInterface
    interface Action {
        void run(PageContext page) throws CdpException, InterruptedException, CaptureException;
    }

    /** A step that only acts before navigation. */
    static PageStep beforeNavigation(String name, Action action) {
        return new OnePhase(name, true, action);
    }

    /** A step that only acts after load. */
    static PageStep afterLoad(String name, Action action) {
        return new OnePhase(name, false, action);
    }

    /** A step made of one action in one phase ({@code before}: before navigation, else after load). */
    record OnePhase(String name, boolean before, Action action) implements PageStep {
        @Override
        public void beforeNavigation(PageContext page) throws CdpException, InterruptedException, CaptureException {
            if (before) action.run(page);
        }

        @Override
        public void afterLoad(PageContext page) throws CdpException, InterruptedException, CaptureException {
            if (!before) action.run(page);
        }
    }
}
