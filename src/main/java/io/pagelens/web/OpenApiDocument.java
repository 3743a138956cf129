package io.pagelens.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.json.Jackson;
import io.pagelens.observe.BuildInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /openapi.json}: the base document ({@code web/openapi.json}: info, security, shared schemas, the pages'
 * own routes) with the fragment of every registered route group merged in. A path or schema defined twice is a
 * build mistake and fails loudly rather than one copy silently winning.
 */
public final class OpenApiDocument {
    static final String BASE = "openapi.json";

    private OpenApiDocument() {
    }

    /** The whole document for the given fragments, as compact JSON bytes. */
    public static byte[] assemble(List<URL> fragments) {
        ObjectNode doc = (ObjectNode) read(OpenApiDocument.class.getResource(BASE));
        ((ObjectNode) doc.path("info")).put("version", BuildInfo.current().version()); // the build's, not a copy
        for (URL f : fragments) merge(doc, read(f), f);
        try {
            return Jackson.MAPPER.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode doc, JsonNode fragment, URL from) {
        putAll(doc.with("paths"), fragment.path("paths"), "path", from);
        putAll(doc.with("components").with("schemas"), fragment.path("components").path("schemas"), "schema", from);
        ArrayNode tags = doc.withArray("tags");
        Set<String> known = new HashSet<>();
        tags.forEach(t -> known.add(t.path("name").asText()));
        for (JsonNode t : fragment.path("tags")) {
            if (known.add(t.path("name").asText())) tags.add(t);
        }
    }

    private static void putAll(ObjectNode into, JsonNode from, String what, URL source) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (into.has(e.getKey())) throw new IllegalStateException(what + " " + e.getKey() + " is defined twice (again in " + source + ")");
            into.set(e.getKey(), e.getValue());
        }
    }

    private static JsonNode read(URL url) {
        if (url == null) throw new IllegalStateException("OpenAPI base document missing from the build");
        try (InputStream in = url.openStream()) {
            return Jackson.STRICT.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable OpenAPI fragment " + url, e);
        }
    }
}
