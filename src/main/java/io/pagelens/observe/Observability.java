package io.pagelens.observe;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one metrics registry of a pagelens process: Prometheus, with the JVM binders, and joined to
 * {@link Metrics#globalRegistry} so components built with the global registry are exported too.
 * {@link #scrape()} is the body of {@code GET /metrics}.
 *
 * <pre>{@code
 * Observability obs = Observability.start();
 * MeterRegistry registry = obs.registry();   // hand to every component
 * String body = obs.scrape();                // text/plain; version=0.0.4
 * }</pre>
 */
public final class Observability implements AutoCloseable {
    /** Content type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Observability(PrometheusMeterRegistry registry) {
        this.registry = registry;
        registry.config().commonTags("app", "pagelens").meterFilter(latencyHistograms());
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        this.gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * Capture, admission and HTTP request timers get Prometheus histogram buckets (5 ms to 2 min) however their
     * owner registered them, so latency can be aggregated across dynos.
     */
    static MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER) return config;
                String n = id.getName();
                if (!n.equals(MeterNames.CAPTURE_DURATION) && !n.equals(MeterNames.ADMISSION_WAIT) && !n.equals(MeterNames.HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(n.equals(MeterNames.HTTP_SERVER_REQUESTS) ? 5 : 50).toNanos())
                        .maximumExpectedValue((double) Duration.ofMinutes(2).toNanos())
                        .build().merge(config);
            }
        };
    }

    /** A new registry with the JVM binders, added to the global registry. */
    public static Observability start() {
        Observability o = new Observability(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        Metrics.addRegistry(o.registry);
        return o;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) return;
        Metrics.removeRegistry(registry);
        gc.close();
        registry.close();
    }
}
