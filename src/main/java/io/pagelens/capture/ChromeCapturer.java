package io.pagelens.capture;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pagelens.browser.BrowserSupervisor;
import io.pagelens.browser.BrowserUnavailableException;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Commands;
import io.pagelens.content.ContentExtractor;
import io.pagelens.content.Link;
import io.pagelens.content.PageContent;
import io.pagelens.content.PageMetadata;
import io.pagelens.egress.Decision;
import io.pagelens.egress.EgressEvent;
import io.pagelens.egress.EgressGuard;
import io.pagelens.json.Jackson;
import io.pagelens.memory.Admission;
import io.pagelens.memory.CaptureKind;
import io.pagelens.observe.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Capturer} on supervised Chromium: takes an admission permit, opens a page in a fresh browser
 * context, navigates once and writes every format asked for into the sink. A capture that fails because
 * the renderer crashed or the browser died or hung is retried once on a fresh page (and browser, when it was
 * the browser), provided nothing was written yet.
 */
public final class ChromeCapturer implements Capturer {
    private static final Logger log = LoggerFactory.getLogger(ChromeCapturer.class);
    private static final Set<Format> CONTENT_FORMATS = EnumSet.of(Format.MARKDOWN, Format.TEXT, Format.LINKS, Format.METADATA);
    /** The least of a caller's deadline a capture needs beyond its delay to be worth starting (a fast page's load). */
    static final Duration MIN_TO_START = Duration.ofMillis(250);

    private final BrowserSupervisor browsers;
    private final Admission admission;
    private final ContentExtractor extractor;
    private final CaptureSettings settings;
    private final MeterRegistry registry;
    private final ScreenshotWriter screenshots;
    private final PageStepFactory steps;
    private final EgressGuard egress;

    /**
     * @param extractor makes markdown, text, links and metadata from the rendered HTML; null when the engine
     *                  has none (requests for those formats then fail with a clear error)
     */
    public ChromeCapturer(BrowserSupervisor browsers, Admission admission, ContentExtractor extractor,
                          CaptureSettings settings, MeterRegistry registry, EgressGuard egress) {
        this(browsers, admission, extractor, settings, registry, egress, PageStepFactory.STANDARD);
    }

    /**
     * @param egress the guard every request of this capturer's Chromium goes through
     * @param steps  chooses the {@link PageStep}s each capture runs
     */
    public ChromeCapturer(BrowserSupervisor browsers, Admission admission, ContentExtractor extractor,
                          CaptureSettings settings, MeterRegistry registry, EgressGuard egress, PageStepFactory steps) {
        this.steps = steps;
        this.browsers = browsers;
        this.egress = egress;
        this.admission = admission;
        this.extractor = extractor;
        this.settings = settings;
        this.registry = registry;
        this.screenshots = new ScreenshotWriter(settings, registry);
    }

    static CaptureKind kindOf(CaptureRequest r) {
        if (r.wants(Format.SCREENSHOT) && r.fullPage()) return CaptureKind.FULL_PAGE;
        if (r.wants(Format.PDF)) return CaptureKind.PDF;
        return CaptureKind.VIEWPORT;
    }

    @Override
    public CaptureResult capture(CaptureRequest request, ArtifactSink sink, Deadline deadline) throws CaptureException, InterruptedException {
        long start = System.nanoTime();
        CaptureKind kind = kindOf(request);
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            if (extractor == null && request.formats().stream().anyMatch(CONTENT_FORMATS::contains)) {
                throw new CaptureException(CaptureError.INVALID_REQUEST, "formats markdown, text, links and metadata need a content extractor, and this engine has none");
            }
            // Before a queue slot or a tab: schemes, IP literals and deny-listed names need no DNS. A name is resolved
            // and judged once, by the proxy, when Chromium connects (see refusal()).
            Decision pre = egress.checkNavigation(request.url());
            if (!pre.isAllowed()) throw new CaptureException(CaptureError.BLOCKED, refused(request.url().toString(), pre.explained()));
            refuseIfTooLate(request, deadline, 0);
            CaptureResult r = admitted(request, sink, deadline, kind, start);
            outcome = "ok";
            return r;
        } catch (CaptureException e) {
            outcome = e.error().code();
            sink.discard(); // every failed capture tells its sink, even when nothing was written
            throw e;
        } catch (InterruptedException | RuntimeException e) {
            sink.discard();
            throw e;
        } finally {
            sample.stop(registry.timer(MeterNames.CAPTURE_DURATION, "kind", kind.name().toLowerCase(Locale.ROOT), "outcome", outcome));
        }
    }

    /** Waits for admission (at most until the caller's deadline or the queue timeout), then captures, retrying once. */
    private CaptureResult admitted(CaptureRequest request, ArtifactSink sink, Deadline deadline, CaptureKind kind, long start)
            throws CaptureException, InterruptedException {
        Deadline queue = Deadline.after(settings.queueTimeout()).earlier(deadline);
        try (Admission.Permit permit = admission.admit(kind, Urls.host(request.url()), queue.instant())) {
            long queueMs = ms(System.nanoTime() - start);
            refuseIfTooLate(request, deadline, queueMs);
            Deadline page = Deadline.timeout(request.timeout()).earlier(deadline); // the timeout starts once admitted
            Attempt first = new Attempt(request, sink, page, queueMs, start);
            try {
                return first.run();
            } catch (CaptureException e) {
                if (!e.error().retryable() || first.wroteOutput() || page.expired()) throw e;
                log.atWarn().addKeyValue("url", request.url().toString()).addKeyValue("error", e.error().code())
                        .addKeyValue("message", e.getMessage()).log("capture retry");
                registry.counter(MeterNames.CAPTURE_RETRIES).increment();
                return new Attempt(request, sink, page, queueMs, start).run();
            }
        } catch (Admission.AdmissionException e) {
            long waited = ms(System.nanoTime() - start);
            if (deadline.expired() || deadline.remaining().compareTo(MIN_TO_START) < 0) {
                throw new CaptureException(CaptureError.DEADLINE_EXCEEDED, "the " + deadline.describe() + " passed after "
                        + waited + " ms waiting for capacity (" + e.getMessage() + "); the capture was not started", e);
            }
            throw new CaptureException(CaptureError.MEMORY_PRESSURE, "no capacity for this capture: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses, before any work, a capture whose caller's deadline leaves less than it needs at the least: its delay
     * plus {@link #MIN_TO_START}. Started anyway it would only fail later, having used a browser slot.
     */
    private static void refuseIfTooLate(CaptureRequest request, Deadline deadline, long waitedMs) throws CaptureException {
        if (!deadline.isSet()) return;
        Duration left = deadline.remaining();
        if (left.compareTo(request.delay().plus(MIN_TO_START)) >= 0) return;
        String waited = waitedMs > 0 ? " after " + waitedMs + " ms in the queue" : "";
        throw new CaptureException(CaptureError.DEADLINE_EXCEEDED, "only " + left.toMillis() + " ms of the "
                + deadline.describe() + " were left" + waited + ", too little to capture"
                + (request.delay().isZero() ? "" : " with a delay of " + request.delay().toMillis() + " ms")
                + "; the capture was not started");
    }

    /** One try at a capture, on one tab. */
    private final class Attempt {
        private final CaptureRequest request;
        private final ArtifactSink sink;
        private final Deadline deadline;
        private final long queueMs;
        private final long start;
        private final List<ArtifactStream> streams = new ArrayList<>();

        Attempt(CaptureRequest request, ArtifactSink sink, Deadline deadline, long queueMs, long start) {
            this.request = request;
            this.sink = sink;
            this.deadline = deadline;
            this.queueMs = queueMs;
            this.start = start;
        }

        boolean wroteOutput() {
            return streams.stream().anyMatch(ArtifactStream::opened);
        }

        private ArtifactStream stream(Format f, String contentType) {
            ArtifactStream s = new ArtifactStream(sink, f, contentType);
            streams.add(s);
            return s;
        }

        CaptureResult run() throws CaptureException, InterruptedException {
            BrowserSupervisor.Tab tab;
            try {
                tab = browsers.openTab(deadline.instant());
            } catch (BrowserUnavailableException e) {
                throw new CaptureException(CaptureError.BROWSER_UNAVAILABLE, e.getMessage(), e);
            }
            PageCapture page = null;
            try (tab) {
                page = new PageCapture(tab.session(), tab.targetId(), request, deadline, settings);
                try (PageCapture p = page) {
                    return capture(p, tab);
                }
            } catch (CdpException e) {
                throw mapCdp(e, tab, page);
            } catch (ScreenshotWriter.TileException e) {
                if (e.getCause() instanceof CdpException c) throw mapCdp(c, tab, page);
                throw new InterruptedException("capture interrupted while taking tiles");
            } catch (IOException e) {
                throw new CaptureException(CaptureError.INTERNAL, "writing the capture's output failed: " + e.getMessage(), e);
            } finally {
                closeQuietly();
            }
        }

        private void closeQuietly() {
            for (ArtifactStream s : streams) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the capture failed already; discard() drops it
                }
            }
        }

        private CaptureException mapCdp(CdpException e, BrowserSupervisor.Tab tab, PageCapture page) throws InterruptedException {
            if (tab.abortReason() != null) {
                return new CaptureException(CaptureError.MEMORY_PRESSURE, "capture aborted to relieve memory pressure: " + tab.abortReason(), e);
            }
            if (e.kind() == CdpException.Kind.TARGET_CRASHED || (page != null && page.events().crashed())) {
                return new CaptureException(CaptureError.RENDERER_CRASHED, "the page's renderer crashed while capturing " + request.url(), e);
            }
            if (e.kind() == CdpException.Kind.IO) {
                return new CaptureException(CaptureError.INTERNAL, "writing the capture's output failed: " + e.getMessage(), e);
            }
            if (e.kind() == CdpException.Kind.TIMEOUT && deadline.expired()) {
                return new CaptureException(deadline.error(), "the capture did not finish within its " + deadline.describe(), e);
            }
            if (browsers.reportFailure(tab, e)) {
                return new CaptureException(CaptureError.BROWSER_UNAVAILABLE, "the browser died or stopped responding (" + e.getMessage() + ")", e);
            }
            if (e.kind() == CdpException.Kind.TIMEOUT) {
                return new CaptureException(CaptureError.TIMEOUT, "the page stopped responding: " + e.getMessage(), e);
            }
            String m = String.valueOf(e.getMessage());
            if (m.contains("Not attached to an active page") || m.contains("navigated or closed")) {
                // the document went away under the capture: a meta refresh or script redirect loop (HostileZooIT)
                return new CaptureException(CaptureError.CONNECTION_FAILED, "the page navigated away while it was being captured "
                        + "(a meta refresh or script redirect that never settles): " + m, e);
            }
            return new CaptureException(CaptureError.INTERNAL, "Chromium refused a command: " + e.getMessage(), e);
        }

        /**
         * The main document's request refused by the egress proxy, as the capture's error. Looked up when the
         * navigation failed, or when it "succeeded" with a 403/502 that the proxy itself answered (plain http).
         */
        private Optional<CaptureException> refusal(BrowserSupervisor.Tab tab, PageCapture page, boolean navigationFailed) {
            int status = page.events().status();
            if (!navigationFailed && status != 403 && status != 502) return Optional.empty();
            List<URI> chain = page.events().redirectChain();
            URI doc = chain.isEmpty() ? request.url() : chain.getLast();
            Optional<EgressEvent> e = tab.egress().failureFor(doc);
            if (e.isEmpty()) return Optional.empty();
            boolean redirected = !doc.equals(request.url()) && chain.size() > 1;
            String where = redirected ? "the redirect to " + doc + " was refused: " : "";
            return Optional.of(switch (e.get().outcome()) {
                case BLOCKED -> new CaptureException(CaptureError.BLOCKED,
                        refused((redirected ? "the redirect to " : "") + doc, e.get().explained()));
                case UNRESOLVED -> new CaptureException(CaptureError.DNS_FAILURE, where + e.get().reason());
                case UNREACHABLE -> new CaptureException(CaptureError.CONNECTION_FAILED, where + "loading " + doc + " failed: " + e.get().reason());
            });
        }

        private CaptureResult capture(PageCapture page, BrowserSupervisor.Tab tab) throws CdpException, InterruptedException, CaptureException, IOException {
            List<PageStep> pageSteps = steps.steps(request);
            page.setUp();
            for (PageStep s : pageSteps) s.beforeNavigation(page);
            long navStart = System.nanoTime();
            try {
                page.navigate();
            } catch (CaptureException e) {
                throw refusal(tab, page, true).orElse(e);
            }
            Optional<CaptureException> refused = refusal(tab, page, false);
            if (refused.isPresent()) throw refused.get();
            long renderStart = System.nanoTime();
            for (PageStep s : pageSteps) {
                s.afterLoad(page);
                if (page.events().crashed()) throw page.crashed();
            }
            if (page.events().crashed()) throw page.crashed();
            long encodeStart = System.nanoTime();
            Commands.LayoutMetrics metrics = page.send(Commands.getLayoutMetrics());
            List<Artifact> artifacts = new ArrayList<>();
            ScreenshotWriter.Shot shot = null;
            if (request.wants(Format.SCREENSHOT)) {
                shot = screenshots.take(page, request, metrics.contentHeight(),
                        stream(Format.SCREENSHOT, request.imageType().contentType()));
                artifacts.add(shot.artifact());
            }
            if (request.wants(Format.PDF)) {
                artifacts.add(PdfWriter.print(page, request.pdf(), stream(Format.PDF, "application/pdf"), settings.commandTimeout()));
            }
            URI finalUrl = Urls.fromBrowser(page.evaluate("location.href", "finalUrl").asText(""), request.url());
            PageMetadata metadata = null;
            List<Link> links = List.of();
            boolean wantsContent = request.formats().stream().anyMatch(CONTENT_FORMATS::contains);
            if (request.wants(Format.HTML) || wantsContent) {
                String html = page.evaluate("(document.doctype ? new XMLSerializer().serializeToString(document.doctype) + '\\n' : '')"
                        + " + document.documentElement.outerHTML", "html").asText("");
                if (request.wants(Format.HTML)) artifacts.add(text(Format.HTML, "text/html; charset=utf-8", html));
                if (wantsContent) {
                    PageContent content = extract(html, finalUrl);
                    if (request.wants(Format.MARKDOWN)) artifacts.add(text(Format.MARKDOWN, "text/markdown; charset=utf-8", content.markdown()));
                    if (request.wants(Format.TEXT)) artifacts.add(text(Format.TEXT, "text/plain; charset=utf-8", content.text()));
                    if (request.wants(Format.LINKS)) {
                        links = content.links();
                        artifacts.add(jsonArtifact(Format.LINKS, links));
                    }
                    if (request.wants(Format.METADATA)) {
                        metadata = content.metadata();
                        artifacts.add(jsonArtifact(Format.METADATA, metadata));
                    }
                }
            }
            long end = System.nanoTime();
            PageEvents ev = page.events();
            List<URI> chain = ev.redirectChain().isEmpty() ? List.of(request.url()) : ev.redirectChain();
            long bytes = artifacts.stream().mapToLong(Artifact::bytes).sum();
            CaptureReport.Timings timings = new CaptureReport.Timings(queueMs, ms(renderStart - navStart),
                    ms(encodeStart - renderStart), ms(end - encodeStart), ms(end - start));
            EgressOutcomes.Merged net = EgressOutcomes.merge(ev.failedRequests(), tab.egress().events(), PageEvents.MAX_MESSAGES);
            CaptureReport report = new CaptureReport(finalUrl, chain, ev.status(), ev.consoleErrors(), net.failed(), net.blocked(),
                    (int) Math.ceil(metrics.contentHeight()), shot != null && shot.heightCapped(),
                    shot == null ? 0 : shot.tiles(), timings, bytes, page.stepReports());
            log.atInfo().addKeyValue("url", request.url().toString()).addKeyValue("status", ev.status())
                    .addKeyValue("formats", request.formats().toString()).addKeyValue("bytes", bytes).addKeyValue("totalMs", timings.totalMs())
                    .addKeyValue("tiles", report.tiles()).log("capture");
            return new CaptureResult(request, report, artifacts, metadata, links);
        }

        /** The extractor's own failures (a page over its size limit, a bad includeTags selector) become clear errors. */
        private PageContent extract(String html, URI finalUrl) throws CaptureException {
            try {
                return extractor.extract(html, finalUrl, request.content());
            } catch (io.pagelens.content.ContentTooLargeException e) {
                throw new CaptureException(CaptureError.INVALID_REQUEST, "the rendered page is too large for markdown, text, links"
                        + " or metadata: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new CaptureException(CaptureError.INTERNAL, "content extraction failed: " + e.getMessage(), e);
            }
        }

        private Artifact text(Format f, String contentType, String body) throws IOException {
            ArtifactStream s = stream(f, contentType);
            s.write((body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
            return s.finish(0, 0);
        }

        private Artifact jsonArtifact(Format f, Object value) throws IOException {
            ArtifactStream s = stream(f, "application/json");
            Jackson.PRETTY.writeValue(new NonClosing(s), value);
            return s.finish(0, 0);
        }
    }

    /** "the egress guard refused URL: 127.0.0.2 is loopback (127.0.0.0/8) (to allow it, ...)": the error names the rule. */
    static String refused(String what, String explained) {
        String why = explained.startsWith("blocked: ") ? explained.substring("blocked: ".length()) : explained;
        return "the egress guard refused " + what + ": " + why;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** Keeps Jackson from closing the artifact before it is described. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
