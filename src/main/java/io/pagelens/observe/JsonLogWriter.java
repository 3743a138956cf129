package io.pagelens.observe;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes log fields as one flat JSON object per line: every key at the top level, numbers as JSON numbers,
 * booleans as booleans, anything else as its string (non-finite doubles too, which JSON cannot hold).
 */
final class JsonLogWriter {
    private JsonLogWriter() {
    }

    static String line(Map<String, Object> fields) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = Jackson.MAPPER.getFactory().createGenerator(w)) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                g.writeFieldName(e.getKey());
                Object v = e.getValue();
                String number = number(v);
                if (v == null) g.writeNull();
                else if (v instanceof Boolean bool) g.writeBoolean(bool);
                else if (number != null) g.writeNumber(number);
                else g.writeString(String.valueOf(v));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.append('\n').toString();
    }

    /** The JSON spelling of a finite number, or null when {@code v} is not one. */
    static String number(Object v) {
        return switch (v) {
            case Integer _, Long _, Short _, Byte _, BigInteger _, AtomicInteger _, AtomicLong _ -> v.toString();
            case BigDecimal d -> d.toString();
            case Double d when Double.isFinite(d) -> d.toString();
            case Float f when Float.isFinite(f) -> f.toString();
            case null, default -> null;
        };
    }
}
