package io.pagelens.observe;

import org.slf4j.MDC;

/**
 * The ids every log line of a unit of work carries, through slf4j's MDC (thread-local; set and cleared by the
 * code that starts the work). Both log formats write them as top-level keys.
 * <pre>{@code
 * try (LogContext.Scope s = LogContext.put(LogContext.JOB, job.id())) { ... }
 * }</pre>
 */
public final class LogContext {
    /** The request id: the incoming {@code X-Request-ID} (Heroku's router sets one) or a generated one. */
    public static final String REQUEST_ID = "requestId";
    /** The id of the job being run. */
    public static final String JOB = "job";
    /** The id of the capture being made or served, once known. */
    public static final String CAPTURE = "capture";

    private LogContext() {
    }

    /** Puts {@code key} for the current thread until the scope closes (then the previous value comes back). */
    public static Scope put(String key, String value) {
        String before = MDC.get(key);
        MDC.put(key, value);
        return () -> {
            if (before == null) MDC.remove(key);
            else MDC.put(key, before);
        };
    }

    /** Ends a {@link #put}; never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
