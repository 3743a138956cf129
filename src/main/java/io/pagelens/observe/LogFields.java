package io.pagelens.observe;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import org.slf4j.event.KeyValuePair;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One log event as ordered top-level fields, shared by both formats: {@code ts} (ISO-8601, UTC, milliseconds),
 * {@code level}, {@code logger}, {@code thread}, {@code msg}, then the MDC ids (request, job, capture), then the
 * event's key-values (a later value of the same key wins), then {@code error.type}, {@code error.message} and
 * {@code error.stack} (the whole trace with its causes, as one string). A key-value named like a fixed field is
 * written as {@code kv.NAME} rather than overwrite it.
 */
final class LogFields {
    static final Set<String> FIXED = Set.of("ts", "level", "logger", "thread", "msg", "error.type", "error.message", "error.stack");

    private LogFields() {
    }

    static Map<String, Object> of(ILoggingEvent e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ts", Instant.ofEpochMilli(e.getTimeStamp()).toString());
        f.put("level", e.getLevel().toString());
        f.put("logger", e.getLoggerName());
        f.put("thread", e.getThreadName());
        f.put("msg", e.getFormattedMessage());
        Map<String, String> mdc = e.getMDCPropertyMap();
        if (mdc != null) mdc.forEach((k, v) -> put(f, k, v));
        List<KeyValuePair> kvs = e.getKeyValuePairs();
        if (kvs != null) for (KeyValuePair kv : kvs) put(f, kv.key, kv.value);
        IThrowableProxy t = e.getThrowableProxy();
        if (t != null) {
            f.put("error.type", t.getClassName());
            f.put("error.message", t.getMessage());
            f.put("error.stack", stack(t));
        }
        return f;
    }

    private static void put(Map<String, Object> f, String key, Object value) {
        String k = key == null || key.isEmpty() ? "_" : key;
        f.put(FIXED.contains(k) ? "kv." + k : k, value);
    }

    /** The trace as logback prints it (causes and suppressed included), without the trailing newline. */
    private static String stack(IThrowableProxy t) {
        String s = ThrowableProxyUtil.asString(t);
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
