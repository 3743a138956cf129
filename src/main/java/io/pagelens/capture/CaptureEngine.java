package io.pagelens.capture;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.browser.BrowserControl;
import io.pagelens.browser.BrowserSupervisor;
import io.pagelens.config.Env;
import io.pagelens.content.ContentExtractor;
import io.pagelens.egress.EgressGuard;
import io.pagelens.memory.Admission;
import io.pagelens.memory.FixedAdmission;

import java.util.function.Function;

/**
 * The capture engine as the CLI, API and benchmark use it: one supervised Chromium behind a {@link Capturer}.
 * <pre>{@code
 * try (CaptureEngine engine = CaptureEngine.create(Env.system(), admission, registry, extractor)) {
 *     CaptureResult r = engine.capture(CaptureRequest.builder(url).build(), sink, Deadline.after(Duration.ofSeconds(60)));
 * }
 * }</pre>
 * Chromium starts on the first capture and stops after the idle timeout, on {@link #close()} or at JVM exit.
 */
public final class CaptureEngine implements Capturer, AutoCloseable {
    public static final int DEFAULT_CONCURRENCY = 2;

    private final BrowserSupervisor browsers;
    private final ChromeCapturer capturer;
    private final Admission admission;
    private final EgressGuard egress;

    /** With the egress guard configured from the process environment (on unless PAGELENS_EGRESS=off). */
    public CaptureEngine(BrowserConfig browser, CaptureSettings settings, Admission admission, MeterRegistry registry,
                         ContentExtractor extractor) {
        this(browser, settings, b -> admission, registry, extractor);
    }

    /** As above, behind {@code egress}, which the engine then owns and closes. */
    public CaptureEngine(BrowserConfig browser, CaptureSettings settings, Admission admission, MeterRegistry registry,
                         ContentExtractor extractor, EgressGuard egress) {
        this(browser, settings, b -> admission, registry, extractor, egress);
    }

    /**
     * For an admission that needs the browser (the memory governor watches Chromium's processes and may ask it
     * to free memory): {@code admission} receives the engine's {@link BrowserControl}.
     */
    public CaptureEngine(BrowserConfig browser, CaptureSettings settings, Function<BrowserControl, Admission> admission,
                         MeterRegistry registry, ContentExtractor extractor) {
        this(browser, settings, admission, registry, extractor, EgressGuard.fromEnv(Env.system(), browser.extraArgs(), registry));
    }

    /** Behind {@code egress} (owned and closed here), with the standard page steps. */
    public CaptureEngine(BrowserConfig browser, CaptureSettings settings, Function<BrowserControl, Admission> admission,
                         MeterRegistry registry, ContentExtractor extractor, EgressGuard egress) {
        this(browser, settings, admission, registry, extractor, egress, PageStepFactory.STANDARD);
    }

    /**
     * The full form: every request of the engine's Chromium goes through {@code egress}, owned and closed here, and the
     * {@link PageStep}s each capture runs are chosen by {@code steps}.
     */
    public CaptureEngine(BrowserConfig browser, CaptureSettings settings, Function<BrowserControl, Admission> admission,
                         MeterRegistry registry, ContentExtractor extractor, EgressGuard egress, PageStepFactory steps) {
        this.egress = egress;
        this.browsers = new BrowserSupervisor(browser, registry, egress);
        this.admission = admission.apply(browsers);
        this.capturer = new ChromeCapturer(browsers, this.admission, extractor, settings, registry, egress, steps);
    }

    /**
     * From environment variables. {@code admission} null: a fixed number of concurrent captures
     * ({@code PAGELENS_CAPTURE_CONCURRENCY}, default 2); {@code registry} null: a private SimpleMeterRegistry;
     * {@code extractor} null: markdown/text/links/metadata are refused.
     */
    public static CaptureEngine create(Env env, Admission admission, MeterRegistry registry, ContentExtractor extractor) {
        return create(env, admission == null ? null : b -> admission, registry, extractor);
    }

    /** As {@link #create(Env, Admission, MeterRegistry, ContentExtractor)}, for an admission built on the browser. */
    public static CaptureEngine create(Env env, Function<BrowserControl, Admission> admission, MeterRegistry registry,
                                       ContentExtractor extractor) {
        return create(env, admission, registry, extractor, PageStepFactory.STANDARD);
    }

    /** As {@link #create(Env, Function, MeterRegistry, ContentExtractor)}, running the page steps of {@code steps}. */
    public static CaptureEngine create(Env env, Function<BrowserControl, Admission> admission, MeterRegistry registry,
                                       ContentExtractor extractor, PageStepFactory steps) {
        Function<BrowserControl, Admission> a = admission != null ? admission
                : b -> new FixedAdmission(env.integer("PAGELENS_CAPTURE_CONCURRENCY", DEFAULT_CONCURRENCY, 1, 64));
        BrowserConfig browser = BrowserConfig.fromEnv(env);
        MeterRegistry r = registry != null ? registry : new SimpleMeterRegistry();
        return new CaptureEngine(browser, CaptureSettings.fromEnv(env), a, r, extractor,
                EgressGuard.fromEnv(env, browser.extraArgs(), r), steps);
    }

    @Override
    public CaptureResult capture(CaptureRequest request, ArtifactSink sink, Deadline deadline) throws CaptureException, InterruptedException {
        return capturer.capture(request, sink, deadline);
    }

    /** What the memory governor may ask of the browser. */
    public BrowserControl browser() {
        return browsers;
    }

    public Admission admission() {
        return admission;
    }

    /** The egress guard in front of the engine's Chromium; the webhook sender and the crawler's fetcher use it too. */
    public EgressGuard egress() {
        return egress;
    }

    /** Stops Chromium (its whole process tree), then the egress proxy. Idempotent. */
    @Override
    public void close() {
        browsers.close();
        egress.close();
    }
}
