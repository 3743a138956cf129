package io.pagelens.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one configured Jackson mapper of pagelens, and the readers and writers derived from it. Readers and
 * writers are immutable and thread-safe, so one of each serves the whole process.
 * <ul>
 *   <li>{@link #STRICT}: input from users (API bodies, job payloads, mutation lists): an unknown field fails,
 *       since it is usually a typo of a real option.</li>
 *   <li>{@link #LENIENT}: data pagelens wrote earlier (stored JSON columns, reports): unknown fields are
 *       ignored, so rows written by a newer version stay readable.</li>
 *   <li>{@link #PARTS}: one value out of a larger stream (CDP messages, JSON-LD).</li>
 *   <li>{@link #MAPPER}: writes compact JSON with nulls left out; {@link #PRETTY} indents (CLI reports).</li>
 * </ul>
 */
public final class Jackson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // java.time as ISO-8601 text ("PT30S", "2026-11-29T10:40:00Z"), readable in a job row
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    public static final ObjectReader STRICT = MAPPER.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    public static final ObjectReader LENIENT = MAPPER.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /**
     * Reads one value where more may follow (a field of a CDP message read with the streaming parser, the first value
     * of a page's JSON-LD script): trailing tokens are not an error.
     */
    public static final ObjectReader PARTS = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Jackson() {
    }
}
