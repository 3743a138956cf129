package io.pagelens.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureSpec;

import java.net.URI;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The capture options of a crawl's pages: the crawl's {@code capture} object as a {@link CaptureSpec}. The crawl
 * decides where pages are stored and when, so the per-capture storage and job fields are refused; the formats default
 * to screenshot, html and markdown (as the pages of a project are kept), and html is always added (the engine reads
 * the rendered DOM from it). HTTP error pages are rendered so the core sees their status (they are never stored).
 */
public final class CrawlCaptureSpec {
    /** Fields a crawl sets itself, refused in {@code capture}. */
    static final Set<String> REFUSED = Set.of("url", "projectId", "pageType", "variantId", "maxAge", "async", "webhook", "priority", "deadline");
    static final List<String> DEFAULT_FORMATS = List.of("screenshot", "html", "markdown");

    private CrawlCaptureSpec() {
    }

    /**
     * The spec of the crawl's pages in {@code project}; every error is an {@link InvalidRequestException} naming
     * {@code capture.FIELD}. The whole spec is validated here once, on the seed.
     */
    public static CaptureSpec of(JsonNode capture, String project, URI seed) {
        ObjectNode n = capture == null || capture.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) capture.deepCopy();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (REFUSED.contains(f)) throw new InvalidRequestException("capture." + f, "is set by the crawl itself");
        }
        if (!n.has("formats")) {
            ArrayNode a = n.putArray("formats");
            DEFAULT_FORMATS.forEach(a::add);
        } else if (n.get("formats").isArray()) {
            boolean html = false;
            for (JsonNode f : n.get("formats")) html |= "html".equalsIgnoreCase(f.asText().strip());
            if (!html) ((ArrayNode) n.get("formats")).add("html");
        }
        n.put("allowHttpErrors", true); // the core fails HTTP errors itself (never stored); it needs their status
        if (project != null) n.put("projectId", project);
        n.put("url", seed.toString());
        CaptureSpec spec;
        try {
            spec = Jackson.STRICT.treeToValue(n, CaptureSpec.class);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw new InvalidRequestException("capture." + e.getPropertyName(), "unknown capture option");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRequestException("capture", "is not a valid capture request: " + e.getOriginalMessage());
        }
        try {
            CaptureOrder.from(spec).build(Instant.now());
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(e.field().startsWith("capture") ? e.field() : "capture." + e.field(),
                    e.getMessage().substring(Math.min(e.getMessage().length(), e.field().length() + 2)));
        }
        return spec;
    }
}
