package io.pagelens.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import io.pagelens.memory.Admission;
import io.pagelens.memory.CaptureKind;
import io.pagelens.observe.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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

    private final BrowserSupervisor browsers;
    private final Admission admission;
    private final ContentExtractor extractor;
    private final CaptureSettings settings;
    private final MeterRegistry registry;
    private final ScreenshotWriter screenshots;
    private final EgressGuard egress;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param extractor makes markdown, text, links and metadata from the rendered HTML; null when the engine
     *                  has none (requests for those formats then fail with a clear error)
     */
    public ChromeCapturer(BrowserSupervisor browsers, Admission admission, ContentExtractor extractor,
                          CaptureSettings settings, MeterRegistry registry, EgressGuard egress) {
        this.browsers = browsers;
        this.egress = egress;
        this.admission = admission;
        this.extractor = extractor;
        this.settings = settings;
        this.registry = registry;
        this.screenshots = new ScreenshotWriter(settings);
    }

    static CaptureKind kindOf(CaptureRequest r) {
        if (r.wants(Format.SCREENSHOT) && r.fullPage()) return CaptureKind.FULL_PAGE;
        if (r.wants(Format.PDF)) return CaptureKind.PDF;
        return CaptureKind.VIEWPORT;
    }

    @Override
    public CaptureResult capture(CaptureRequest request, ArtifactSink sink) throws CaptureException, InterruptedException {
        if (extractor == null && request.formats().stream().anyMatch(CONTENT_FORMATS::contains)) {
            sink.discard(); // nothing was written, but every failed capture tells its sink
            throw new CaptureException(CaptureError.INVALID_REQUEST, "formats markdown, text, links and metadata need a content extractor, and this engine has none");
        }
        // Before a queue slot or a tab: schemes, IP literals and deny-listed names need no DNS. A name is resolved
        // and judged once, by the proxy, when Chromium connects (see refusal()).
        Decision pre = egress.checkNavigation(request.url());
        if (!pre.isAllowed()) {
            sink.discard();
            throw new CaptureException(CaptureError.BLOCKED, refused(request.url().toString(), pre.explained()));
        }
        long start = System.nanoTime();
        CaptureKind kind = kindOf(request);
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        java.time.Instant queueDeadline = java.time.Instant.now().plus(settings.queueTimeout());
        try (Admission.Permit permit = admission.admit(kind, Urls.host(request.url()), queueDeadline)) {
            long queueMs = (System.nanoTime() - start) / 1_000_000;
            Deadline deadline = Deadline.after(request.timeout()); // the request's timeout starts once admitted
            Attempt first = new Attempt(request, sink, deadline, queueMs, start);
            try {
                CaptureResult r = first.run();
                outcome = "ok";
                return r;
            } catch (CaptureException e) {
                if (!e.error().retryable() || first.wroteOutput() || deadline.expired()) throw e;
                log.atWarn().addKeyValue("url", request.url().toString()).addKeyValue("error", e.error().name()).addKeyValue("message", e.getMessage())
                        .log("capture retry");
                registry.counter(MeterNames.CAPTURE_RETRIES).increment();
                CaptureResult r = new Attempt(request, sink, deadline, queueMs, start).run();
                outcome = "ok";
                return r;
            }
        } catch (Admission.AdmissionException e) {
            throw new CaptureException(CaptureError.MEMORY_PRESSURE, "no capacity for this capture: " + e.getMessage(), e);
        } catch (CaptureException e) {
            outcome = e.error().name().toLowerCase();
            sink.discard();
            throw e;
        } catch (InterruptedException | RuntimeException e) {
            sink.discard();
            throw e;
        } finally {
            sample.stop(registry.timer(MeterNames.CAPTURE_DURATION, "kind", kind.name().toLowerCase(), "outcome", outcome));
        }
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
                return new CaptureException(CaptureError.TIMEOUT, "the capture exceeded its timeout of " + request.timeout().toMillis() + " ms", e);
            }
            if (browsers.reportFailure(tab, e)) {
                return new CaptureException(CaptureError.BROWSER_UNAVAILABLE, "the browser died or stopped responding (" + e.getMessage() + ")", e);
            }
            if (e.kind() == CdpException.Kind.TIMEOUT) {
                return new CaptureException(CaptureError.TIMEOUT, "the page stopped responding: " + e.getMessage(), e);
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
            page.setUp();
            long navStart = System.nanoTime();
            try {
                page.navigate();
            } catch (CaptureException e) {
                throw refusal(tab, page, true).orElse(e);
            }
            Optional<CaptureException> refused = refusal(tab, page, false);
            if (refused.isPresent()) throw refused.get();
            long renderStart = System.nanoTime();
            page.settle();
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
                    shot == null ? 0 : shot.tiles(), timings, bytes);
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
            json.writeValue(new NonClosing(s), value);
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
