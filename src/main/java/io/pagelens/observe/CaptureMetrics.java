package io.pagelens.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;

/**
 * What the engine reports about the browser and captures. Methods are no-op defaults and {@link #NONE}
 * is the null object, so hot paths never branch on "metrics enabled".
 */
public interface CaptureMetrics {
    CaptureMetrics NONE = new CaptureMetrics() {
    };

    default void browserLaunched() {
    }

    /** @param reason why: captures, memory, pressure, idle, crash */
    default void browserRecycled(String reason) {
    }

    default void browserCrashed() {
    }

    /**
     * @param kind    viewport, full_page or pdf
     * @param outcome "ok" or the CaptureError name
     */
    default void captureFinished(String kind, String outcome, Duration took) {
    }

    /** Meters in {@code registry} under {@link MeterNames}. */
    static CaptureMetrics micrometer(MeterRegistry registry) {
        return new CaptureMetrics() {
            private final Counter launches = Counter.builder(MeterNames.BROWSER_LAUNCHES).register(registry);
            private final Counter crashes = Counter.builder(MeterNames.BROWSER_CRASHES).register(registry);

            @Override
            public void browserLaunched() {
                launches.increment();
            }

            @Override
            public void browserRecycled(String reason) {
                Counter.builder(MeterNames.BROWSER_RECYCLES).tag("reason", reason).register(registry).increment();
            }

            @Override
            public void browserCrashed() {
                crashes.increment();
            }

            @Override
            public void captureFinished(String kind, String outcome, Duration took) {
                Timer.builder(MeterNames.CAPTURE_DURATION)
                        .tag("kind", kind.toLowerCase(Locale.ROOT)).tag("outcome", outcome.toLowerCase(Locale.ROOT))
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(50)).maximumExpectedValue(Duration.ofMinutes(2))
                        .register(registry).record(took);
            }
        };
    }
}
