package io.pagelens.analysis.render;

import io.pagelens.analysis.PageScriptException;
import io.pagelens.analysis.PageScripts;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.CdpSession;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.time.Duration;

/**
 * Stable renders for diff captures, so that two captures of an unchanged page diff to 0 changed pixels. Two parts,
 * for the capture's page steps:
 * <ol>
 *   <li>{@link #initScript()}, before navigation ({@code Page.addScriptToEvaluateOnNewDocument}): hides the caret
 *       and makes transitions instant from the first paint;</li>
 *   <li>{@link #afterLoadExpression(Duration)}, after the load waits and before any output ({@code Runtime.evaluate}
 *       with {@code awaitPromise}): waits for web fonts, then finishes finite animations and transitions, cancels
 *       infinite ones, holds later ones at their start, pauses SVG animations and videos on their first frame, and
 *       replaces GIFs by their first frame. It returns a {@link StableRenderReport}. It also works alone (without
 *       the init script), minus transitions that ran during load.</li>
 * </ol>
 * Not frozen: animation driven by JavaScript timers or canvas drawing, CSS background GIFs, cross-origin GIFs
 * without CORS (counted in {@code gifsNotFrozen}).
 *
 * <pre>{@code
 * session.send(PageScripts.initScript(StableRender.initScript()), timeout);   // before Page.navigate
 * ... navigate, wait for load ...
 * StableRenderReport frozen = StableRender.apply(session, StableRender.DEFAULT_TIMEOUT);  // then capture
 * }</pre>
 */
public final class StableRender {
    /** Time allowed for fonts, video seeks and GIF decoding after load. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final String INIT = PageScripts.resource(StableRender.class, "stable-render-init.js");
    private static final String AFTER_LOAD = PageScripts.function(StableRender.class, "stable-render-after-load.js");

    private StableRender() {
    }

    /** The init script's source. */
    public static String initScript() {
        return INIT;
    }

    /** The after-load expression: a promise of the report's JSON, settling within {@code timeout}. */
    public static String afterLoadExpression(Duration timeout) {
        return "(" + AFTER_LOAD + ")(" + Math.max(0, timeout.toMillis()) + ")";
    }

    /** Registers the init script on the tab; call before navigating. */
    public static void install(CdpSession session, Duration commandTimeout) throws CdpException, InterruptedException {
        session.send(PageScripts.initScript(INIT), commandTimeout);
    }

    /** Runs the after-load part and reads its report. */
    public static StableRenderReport apply(CdpSession session, Duration timeout)
            throws CdpException, InterruptedException, PageScriptException {
        var value = PageScripts.evaluate(session, afterLoadExpression(timeout), timeout.plusSeconds(5), "stable render");
        try {
            return Jackson.LENIENT.treeToValue(value, StableRenderReport.class);
        } catch (IOException e) {
            throw new PageScriptException("the stable render script returned " + value + ": " + e.getMessage());
        }
    }
}
