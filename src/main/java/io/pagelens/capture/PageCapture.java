package io.pagelens.capture;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.CdpSession;
import io.pagelens.cdp.Command;
import io.pagelens.cdp.Commands;
import io.pagelens.cdp.Events;
import io.pagelens.cdp.EventType;
import io.pagelens.cdp.Subscription;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One navigation in one page: sets the page up from the request, navigates, and offers the page to the
 * {@link PageStep}s (as their {@link PageContext}) and to the output writers. Failures surface as
 * {@link CaptureException}; CDP failures are left to the caller, which knows whether the browser must be replaced.
 */
final class PageCapture implements PageContext, AutoCloseable {
    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    /** Limit on a command sent without waiting (from an event handler). */
    private static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(5);

    private final CdpSession session;
    private final CaptureRequest request;
    private final Deadline deadline;
    private final CaptureSettings settings;
    private final PageEvents events;
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** Dialogs the page opened (and that were dismissed). */
    final java.util.concurrent.atomic.AtomicInteger dialogs = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * In every frame before the page's scripts: window.open opens nothing. A popup flood otherwise fills the capture's
     * browser context with pages that open more pages (HostileZooIT: 500 window.open calls never reach 'load').
     */
    static final String NO_POPUPS = "Object.defineProperty(window, 'open', {value: function () { return null; }, writable: false, configurable: false});";
    /**
     * In every frame: a canvas holds at most 4096 x 4096 pixels (64 MB), shrunk to that area when it is sized or its
     * context is taken. A 16384 x 16384 canvas is 1 GB of pixels outside the JS heap cap; in a 512 MB cgroup the kernel
     * killed its renderer (bench/zoo: 2 OOM kills) before pagelens' memory governor could act.
     */
    static final String CANVAS_CAP = "(() => { const MAX = 16777216; const C = HTMLCanvasElement.prototype;"
            + " const fit = (c) => { const a = c.width * c.height; if (a > MAX) { const f = Math.sqrt(MAX / a);"
            + " W.set.call(c, Math.max(1, Math.floor(c.width * f))); H.set.call(c, Math.max(1, Math.floor(c.height * f))); } };"
            + " const W = Object.getOwnPropertyDescriptor(C, 'width'), H = Object.getOwnPropertyDescriptor(C, 'height');"
            + " Object.defineProperty(C, 'width', {get: W.get, set(v) { W.set.call(this, v); fit(this); }, configurable: false});"
            + " Object.defineProperty(C, 'height', {get: H.get, set(v) { H.set.call(this, v); fit(this); }, configurable: false});"
            + " const g = C.getContext; Object.defineProperty(C, 'getContext', {value: function (...a) { fit(this); return g.apply(this, a); },"
            + " writable: false, configurable: false});"
            + " if (window.OffscreenCanvas) { const O = OffscreenCanvas; window.OffscreenCanvas = function (w, h) {"
            + " const a = w * h, f = a > MAX ? Math.sqrt(MAX / a) : 1; return new O(Math.max(1, Math.floor(w * f)), Math.max(1, Math.floor(h * f))); };"
            + " window.OffscreenCanvas.prototype = O.prototype; } })();";
    private final Map<String, Object> stepReports = new LinkedHashMap<>();

    PageCapture(CdpSession session, String mainFrameId, CaptureRequest request, Deadline deadline, CaptureSettings settings) {
        this.session = session;
        this.request = request;
        this.deadline = deadline;
        this.settings = settings;
        this.events = new PageEvents(session, mainFrameId);
    }

    PageEvents events() {
        return events;
    }

    CdpSession session() {
        return session;
    }

    @Override
    public CaptureRequest request() {
        return request;
    }

    @Override
    public Deadline deadline() {
        return deadline;
    }

    @Override
    public <T> T send(Command<T> cmd) throws CdpException, InterruptedException {
        return session.send(cmd, deadline.cap(settings.commandTimeout()));
    }

    @Override
    public <T> T send(Command<T> cmd, java.io.OutputStream binary) throws CdpException, InterruptedException {
        return session.send(cmd, binary, deadline.cap(settings.commandTimeout()));
    }

    @Override
    public <T> CompletableFuture<T> sendAsync(Command<T> cmd) {
        return session.sendAsync(cmd, ASYNC_TIMEOUT);
    }

    @Override
    public synchronized <E> void on(EventType<E> type, Consumer<E> handler) {
        subscriptions.add(session.on(type, handler));
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        events.sleep(Math.min(d.toMillis(), deadline.remaining().toMillis()));
    }

    @Override
    public synchronized void report(String key, Object value) {
        stepReports.put(key, value);
    }

    /** What the steps reported, in the order they first did. */
    synchronized Map<String, Object> stepReports() {
        Map<String, Object> out = new LinkedHashMap<>(stepReports);
        if (dialogs.get() > 0) out.put("dialogs", Map.of("dismissed", dialogs.get()));
        return out;
    }

    /**
     * Everything that must be set before navigation: domains, emulation, headers, cookies, URL blocking. Sent as
     * one pipelined batch (the page handles them in order) instead of a round trip each. Resource-type blocking is a
     * {@link PageStep} (it intercepts requests).
     */
    void setUp() throws CdpException, InterruptedException {
        // a dialog halts the page's scripts and its load until answered (HostileZooIT): every one is dismissed at once,
        // beforeunload accepted so the page can always be left
        on(Events.DIALOG_OPENING, type -> {
            dialogs.incrementAndGet();
            sendAsync(Commands.handleDialog(type.equals("beforeunload")));
        });
        List<Command<Void>> batch = new ArrayList<>(List.of(Commands.pageEnable(), Commands.setLifecycleEventsEnabled(),
                Commands.networkEnable(), Commands.runtimeEnable(), Commands.initScript(NO_POPUPS), Commands.initScript(CANVAS_CAP)));
        Viewport v = request.viewport();
        batch.add(Commands.setDeviceMetrics(v.width(), v.height(), v.deviceScaleFactor(), false));
        if (request.darkMode()) batch.add(Commands.setColorScheme("dark"));
        if (request.omitBackground()) batch.add(Commands.transparentBackground());
        if (request.userAgent() != null) batch.add(Commands.setUserAgent(request.userAgent()));
        if (!request.headers().isEmpty()) batch.add(Commands.setExtraHttpHeaders(request.headers()));
        if (!request.cookies().isEmpty()) {
            List<Commands.CookieParam> cookies = request.cookies().stream()
                    .map(c -> new Commands.CookieParam(c.name(), c.value(),
                            c.domain() == null ? request.url().toString() : null, c.domain(), c.path() == null ? "/" : c.path()))
                    .toList();
            batch.add(Commands.setCookies(cookies));
        }
        if (!request.blockUrlPatterns().isEmpty()) batch.add(Commands.setBlockedUrls(request.blockUrlPatterns()));
        session.sendAll(batch, deadline.cap(settings.commandTimeout()));
    }

    /** Navigates and waits as asked; afterwards the page is ready to be captured. */
    void navigate() throws CdpException, InterruptedException, CaptureException {
        Commands.Navigation nav = send(Commands.navigate(request.url().toString()));
        if (nav.errorText() != null && !nav.errorText().isEmpty()) throw navigationError(nav);
        String event = switch (request.waitUntil()) {
            case DOM_CONTENT_LOADED -> "DOMContentLoaded";
            case LOAD -> "load";
            case NETWORK_IDLE -> "networkIdle";
        };
        if (!events.await(event, deadline)) {
            if (events.crashed()) throw crashed();
            throw new CaptureException(deadline.error(), "the page did not reach '" + event + "' within the "
                    + deadline.describe());
        }
        checkResponse();
    }

    private CaptureException navigationError(Commands.Navigation nav) {
        String err = nav.errorText();
        String url = request.url().toString();
        if (nav.isDownload() || (err.contains("ERR_ABORTED") && !events.mimeType().isEmpty() && !isHtml(events.mimeType()))) {
            return new CaptureException(CaptureError.NOT_HTML, url + " is not an HTML page (" + describeType() + ")");
        }
        if (err.contains("ERR_NAME_NOT_RESOLVED") || err.contains("ERR_NAME_RESOLUTION_FAILED")) {
            return new CaptureException(CaptureError.DNS_FAILURE, "the host " + Urls.host(request.url()) + " could not be resolved (" + err + ")");
        }
        if (err.contains("ERR_TIMED_OUT")) {
            return new CaptureException(CaptureError.TIMEOUT, "loading " + url + " timed out (" + err + ")");
        }
        if (err.contains("ERR_BLOCKED_BY_CLIENT")) {
            return new CaptureException(CaptureError.BLOCKED, "loading " + url + " was blocked by the capture's blocking rules");
        }
        if (err.contains("ERR_HTTP_RESPONSE_CODE_FAILURE") && events.status() >= 400) {
            return new CaptureException(CaptureError.HTTP_ERROR, url + " answered HTTP " + events.status());
        }
        return new CaptureException(CaptureError.CONNECTION_FAILED, "loading " + url + " failed: " + err);
    }

    private void checkResponse() throws CaptureException {
        int status = events.status();
        if (status >= 400 && !request.allowHttpErrors()) {
            throw new CaptureException(CaptureError.HTTP_ERROR, request.url() + " answered HTTP " + status
                    + " (allowHttpErrors captures such pages anyway)");
        }
        String mime = events.mimeType();
        if (status != 0 && !mime.isEmpty() && !isHtml(mime)) {
            throw new CaptureException(CaptureError.NOT_HTML, request.url() + " is not an HTML page (" + describeType() + ")");
        }
    }

    private String describeType() {
        String m = events.mimeType();
        return m.isEmpty() ? "a download" : "Content-Type " + m;
    }

    private static boolean isHtml(String mime) {
        return HTML_TYPES.contains(mime.toLowerCase(Locale.ROOT));
    }

    CaptureException crashed() {
        return new CaptureException(CaptureError.RENDERER_CRASHED, "the page's renderer crashed while capturing " + request.url());
    }

    /** Runs an expression in the page; an exception in the page becomes a clear error naming the step. */
    @Override
    public JsonNode evaluate(String expression, String step) throws CdpException, InterruptedException, CaptureException {
        Commands.Evaluation ev = send(Commands.evaluate(expression));
        if (ev.failed()) {
            if (ev.exception().contains("is not a valid selector")) {
                throw new CaptureException(CaptureError.INVALID_REQUEST, step + ": invalid CSS selector (" + firstLine(ev.exception()) + ")");
            }
            throw new CaptureException(CaptureError.INTERNAL, step + " failed in the page: " + firstLine(ev.exception()));
        }
        return ev.value();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public String js(String s) {
        try {
            return Jackson.MAPPER.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            subscriptions.forEach(Subscription::close);
        }
        events.close();
    }
}
