package io.pagelens.capture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Commands;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.memory.FixedAdmission;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page-step hook on real Chromium: both phases run in order, their changes reach the outputs, their entries the report. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageStepIT {
    CorpusServer site;
    CaptureEngine engine;
    final List<String> calls = new ArrayList<>();

    /** Marks the document before its scripts run, then stamps the DOM after load and reports what it saw. */
    final class Stamp implements PageStep {
        @Override
        public String name() {
            return "stamp";
        }

        @Override
        public void beforeNavigation(PageContext page) throws CdpException, InterruptedException {
            calls.add("before");
            page.send(Commands.addScriptOnNewDocument("window.__mark = 'set before navigation'"));
        }

        @Override
        public void afterLoad(PageContext page) throws CdpException, InterruptedException, CaptureException {
            calls.add("after");
            String mark = page.evaluate("window.__mark", name()).asText();
            page.evaluate("(() => { const p = document.createElement('p'); p.id = 'stamped'; p.textContent = 'stamped by a step';"
                    + " document.body.appendChild(p); return true; })()", name());
            page.report(name(), Map.of("mark", mark, "title", page.evaluate("document.title", name()).asText()));
        }
    }

    @BeforeAll
    void start() throws Exception {
        site = new CorpusServer();
        PageStepFactory steps = PageStepFactory.STANDARD.and(r -> r.darkMode()
                ? List.of(new Stamp(), PageStep.afterLoad("fail", p -> {
                    throw new CaptureException(CaptureError.SELECTOR_NOT_FOUND, "fail: the step found nothing");
                }))
                : List.of(new Stamp()));
        engine = new CaptureEngine(Engines.browserConfig(), CaptureSettings.DEFAULTS, b -> new FixedAdmission(1), new SimpleMeterRegistry(),
                new HtmlContentExtractor(), io.pagelens.testing.TestEgress.guard(), steps);
    }

    @AfterAll
    void stop() {
        if (engine != null) engine.close();
        if (site != null) site.close();
    }

    @Test
    void steps_runAroundNavigation_changeTheOutput_andReport() throws Exception {
        calls.clear();
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = engine.capture(CaptureRequest.builder(site.url("blog/about.html")).formats(Set.of(Format.HTML)).build(), sink);
        assertThat(calls).containsExactly("before", "after");
        assertThat(sink.text(Format.HTML)).contains("stamped by a step");
        @SuppressWarnings("unchecked")
        Map<String, Object> stamp = (Map<String, Object>) r.report().steps().get("stamp");
        assertThat(stamp).containsEntry("mark", "set before navigation");
        assertThat((String) stamp.get("title")).isNotBlank();
    }

    @Test
    void aFailingStep_failsTheCapture_withItsError_andWritesNothing() {
        Engines.MemorySink sink = new Engines.MemorySink();
        assertThatThrownBy(() -> engine.capture(CaptureRequest.builder(site.url("blog/about.html")).darkMode(true).build(), sink))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.error()).isEqualTo(CaptureError.SELECTOR_NOT_FOUND))
                .hasMessageStartingWith("fail: ");
        assertThat(sink.opened).isEmpty();
        assertThat(sink.discarded).isTrue();
    }
}
