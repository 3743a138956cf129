package io.pagelens.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.pagelens.json.Jackson;

/**
 * The JSON columns (report, metadata, links) in and out, with failures as {@link StoreException}s. Read leniently
 * ({@link Jackson#LENIENT}): unknown fields are ignored so rows written by a newer version stay readable.
 */
final class JsonColumns {
    private JsonColumns() {
    }

    static String write(Object value) {
        if (value == null) return null;
        try {
            return Jackson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        if (json == null) return null;
        try {
            return Jackson.LENIENT.forType(type).readValue(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored " + type.getSimpleName() + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        if (json == null) return null;
        try {
            return Jackson.LENIENT.forType(type).readValue(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored JSON is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
