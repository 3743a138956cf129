package io.pagelens.observe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both log formats over the lines that broke them: newlines, quotes, exceptions, numbers. */
class LogLineEncoderTest {
    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(String msg, Throwable t) {
        LoggingEvent e = new LoggingEvent("test", context.getLogger("io.pagelens.api.ApiServer"), Level.WARN, msg, t, null);
        e.setTimeStamp(Instant.parse("2026-11-29T10:40:00.123Z").toEpochMilli());
        e.setThreadName("virtual-42");
        e.setMDCPropertyMap(Map.of(LogContext.REQUEST_ID, "req-\"1\"", LogContext.JOB, "job_9"));
        e.addKeyValuePair(new KeyValuePair("path", "/v1/x y\nz"));
        e.addKeyValuePair(new KeyValuePair("status", 503));
        e.addKeyValuePair(new KeyValuePair("ratio", 0.25));
        e.addKeyValuePair(new KeyValuePair("huge", Double.NaN));
        e.addKeyValuePair(new KeyValuePair("ok", false));
        e.addKeyValuePair(new KeyValuePair("absent", null));
        e.addKeyValuePair(new KeyValuePair("msg", "a key-value named like a fixed field"));
        e.addKeyValuePair(new KeyValuePair("tab\tkey", "v"));
        return e;
    }

    private static String encode(String format, LoggingEvent e) {
        LogLineEncoder enc = new LogLineEncoder();
        enc.setFormat(format);
        enc.start();
        return new String(enc.encode(e), StandardCharsets.UTF_8);
    }

    private static IllegalStateException failure() {
        IllegalStateException e = new IllegalStateException("outer \"quoted\"\nsecond line");
        e.initCause(new IOException("inner cause"));
        return e;
    }

    @Test
    void text_isOneValidLogfmtLine_withEscapedValues_bareNumbers_andTheStackFolded() {
        String line = encode("text", event("capture failed: \"slow\"\npage", failure()));
        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n").doesNotContain("\r");
        Map<String, Logfmt.Value> f = Logfmt.parse(line.substring(0, line.length() - 1));
        assertThat(f.keySet()).startsWith("ts", "level", "logger", "thread", "msg");
        assertThat(f.get("ts")).isEqualTo(new Logfmt.Value("2026-11-29T10:40:00.123Z", false));
        assertThat(f.get("level")).isEqualTo(new Logfmt.Value("WARN", false));
        assertThat(f.get("msg").text()).isEqualTo("capture failed: \"slow\"\npage");
        assertThat(f.get("requestId").text()).isEqualTo("req-\"1\"");
        assertThat(f.get("job").text()).isEqualTo("job_9");
        assertThat(f.get("path").text()).isEqualTo("/v1/x y\nz");
        assertThat(f.get("status")).as("numbers are bare").isEqualTo(new Logfmt.Value("503", false));
        assertThat(f.get("ratio")).isEqualTo(new Logfmt.Value("0.25", false));
        assertThat(f.get("huge")).as("NaN is no number").isEqualTo(new Logfmt.Value("NaN", true));
        assertThat(f.get("ok")).isEqualTo(new Logfmt.Value("false", false));
        assertThat(f.get("absent")).isEqualTo(new Logfmt.Value("null", false));
        assertThat(f.get("kv.msg").text()).isEqualTo("a key-value named like a fixed field");
        assertThat(f).containsKey("tab_key");
        assertThat(f.get("error.type").text()).isEqualTo("java.lang.IllegalStateException");
        assertThat(f.get("error.message").text()).isEqualTo("outer \"quoted\"\nsecond line");
        assertThat(f.get("error.stack").text()).contains("java.lang.IllegalStateException: outer")
                .contains("\tat io.pagelens.observe.LogLineEncoderTest.failure").contains("Caused by: java.io.IOException: inner cause");
    }

    @Test
    void json_isOneFlatObjectPerLine_isoTimestamp_numbersAsNumbers_errorFields() throws Exception {
        String line = encode("json", event("capture failed: \"slow\"\npage", failure()));
        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        JsonNode n = Jackson.STRICT.readTree(line);
        assertThat(n.path("ts").asText()).isEqualTo("2026-11-29T10:40:00.123Z");
        assertThat(n.path("level").asText()).isEqualTo("WARN");
        assertThat(n.path("logger").asText()).isEqualTo("io.pagelens.api.ApiServer");
        assertThat(n.path("msg").asText()).isEqualTo("capture failed: \"slow\"\npage");
        assertThat(n.path("requestId").asText()).isEqualTo("req-\"1\"");
        assertThat(n.path("status").isInt()).as("numbers are numbers").isTrue();
        assertThat(n.path("status").asInt()).isEqualTo(503);
        assertThat(n.path("ratio").isDouble()).isTrue();
        assertThat(n.path("huge").asText()).isEqualTo("NaN");
        assertThat(n.path("ok").isBoolean()).isTrue();
        assertThat(n.path("absent").isNull()).isTrue();
        assertThat(n.path("kv.msg").asText()).isEqualTo("a key-value named like a fixed field");
        assertThat(n.path("error.type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(n.path("error.message").asText()).isEqualTo("outer \"quoted\"\nsecond line");
        assertThat(n.path("error.stack").asText()).contains("Caused by: java.io.IOException: inner cause");
        n.fields().forEachRemaining(e -> assertThat(e.getValue().isContainerNode()).as("flat: %s", e.getKey()).isFalse());
    }

    @Test
    void aLineWithoutKeyValuesOrMdc_hasTheFixedFieldsOnly() throws Exception {
        LoggingEvent e = new LoggingEvent("test", context.getLogger("x"), Level.INFO, "started on {}", null, new Object[]{8080});
        e.setMDCPropertyMap(Map.of());
        assertThat(Logfmt.parse(encode("text", e).trim()).keySet()).containsExactly("ts", "level", "logger", "thread", "msg");
        assertThat(Jackson.STRICT.readTree(encode("json", e)).path("msg").asText()).isEqualTo("started on 8080");
    }
}
