package io.pagelens.capture;

import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Commands;

import java.time.Duration;

/**
 * Brings full-page tiles into view by scrolling, for {@link TileMethod#SCROLL}. Before each shot it scrolls
 * instantly (a page's {@code scroll-behavior: smooth} would still be moving), waits one frame so the page's scroll
 * handlers run, then pins what scrolling would repeat (the screenshot itself waits for the next frame, which shows
 * the change, so one wait is enough): sticky elements go back to their place in the flow, and fixed elements
 * (also those a scroll handler has just made fixed) are hidden after the first tile. Inline styles are saved
 * first and put back by {@link #restore}, so the HTML captured afterwards is the page's own.
 */
final class ScrollTiles {
    /** Below this viewport height, scroll tiles would be too many; clip tiles are used instead. */
    static final int MIN_VIEWPORT_HEIGHT = 200;

    private static final String KEY = "Symbol.for('pagelens.scrollTiles')";

    private static final String SHOW = """
            (async (y, h, first) => {
              const saved = window[%1$s] || (window[%1$s] = new Map());
              const set = (e, prop, value) => {
                if (!saved.has(e)) saved.set(e, e.getAttribute('style'));
                e.style.setProperty(prop, value, 'important');
              };
              const frame = () => new Promise(r => { requestAnimationFrame(() => r()); setTimeout(r, 100); });
              window.scrollTo({top: y, left: 0, behavior: 'instant'});
              await frame();
              for (const e of document.querySelectorAll('*')) {
                const position = getComputedStyle(e).position;
                if (position === 'sticky') {
                  set(e, 'position', 'relative'); set(e, 'top', 'auto'); set(e, 'bottom', 'auto');
                } else if (position === 'fixed' && !first) {
                  set(e, 'opacity', '0');
                }
              }
              return y >= scrollY - 0.5 && y + h <= scrollY + innerHeight + 0.5;
            })(%2$s, %3$s, %4$s)""";

    private static final String RESTORE = """
            (() => {
              const saved = window[%1$s];
              if (saved) {
                for (const [e, style] of saved) {
                  if (style === null) e.removeAttribute('style'); else e.setAttribute('style', style);
                }
                delete window[%1$s];
              }
              window.scrollTo({top: 0, left: 0, behavior: 'instant'});
              return true;
            })()""";

    private final PageCapture page;
    private final Duration commandTimeout;

    ScrollTiles(PageCapture page, Duration commandTimeout) {
        this.page = page;
        this.commandTimeout = commandTimeout;
    }

    /**
     * Scrolls so that CSS rows [y, y + height) are in the viewport. False when the page would not scroll there
     * (too short now, scrolling locked, script errors): that tile is then clipped instead.
     */
    boolean show(int y, int height, boolean first) throws CdpException, InterruptedException {
        Commands.Evaluation ev = page.session().send(Commands.evaluate(SHOW.formatted(KEY, y, height, first)),
                page.deadline().cap(commandTimeout));
        return !ev.failed() && ev.value() != null && ev.value().asBoolean(false);
    }

    /** Puts back the inline styles changed and scrolls to the top. */
    void restore() throws CdpException, InterruptedException {
        page.session().send(Commands.evaluate(RESTORE.formatted(KEY)), page.deadline().cap(commandTimeout));
    }
}
