package io.pagelens.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.capture.Urls;

import java.net.URI;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Where a crawl reports its events: Firecrawl's {@code webhook}, either a URL string or
 * {@code {"url", "events", "metadata"}}. Deliveries are signed ({@code X-Pagelens-Signature}), so the URL may
 * not carry credentials and custom {@code headers} are refused: they would sit in the crawl table in clear.
 *
 * @param metadata a JSON object echoed in every delivery (at most {@value #MAX_METADATA_CHARS} characters)
 */
public record CrawlWebhook(URI url, Set<CrawlEvent> events, JsonNode metadata) {
    static final int MAX_METADATA_CHARS = 4_096;

    public CrawlWebhook {
        events = events == null || events.isEmpty() ? EnumSet.allOf(CrawlEvent.class) : Set.copyOf(events);
        metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
    }

    static CrawlWebhook parse(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isTextual()) return new CrawlWebhook(url("webhook", node.asText()), null, null);
        if (!node.isObject()) throw new InvalidRequestException("webhook", "must be a URL or an object with url, events and metadata");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            switch (f) {
                case "url", "events", "metadata" -> {
                }
                case "headers" -> throw new InvalidRequestException("webhook.headers",
                        "is not supported: deliveries are signed (verify X-Pagelens-Signature) and headers would be stored in clear");
                default -> throw new InvalidRequestException("webhook." + f, "unknown field");
            }
        }
        JsonNode u = node.get("url");
        if (u == null || !u.isTextual()) throw new InvalidRequestException("webhook.url", "is required");
        Set<CrawlEvent> events = EnumSet.noneOf(CrawlEvent.class);
        JsonNode ev = node.get("events");
        if (ev != null && !ev.isNull()) {
            if (!ev.isArray() || ev.isEmpty()) throw new InvalidRequestException("webhook.events", "must be a non-empty list");
            for (int i = 0; i < ev.size(); i++) events.add(CrawlEvent.parse("webhook.events[" + i + "]", ev.get(i).asText()));
        }
        JsonNode md = node.get("metadata");
        if (md != null && !md.isNull()) {
            if (!md.isObject()) throw new InvalidRequestException("webhook.metadata", "must be an object");
            if (md.toString().length() > MAX_METADATA_CHARS) {
                throw new InvalidRequestException("webhook.metadata", "must be at most " + MAX_METADATA_CHARS + " characters of JSON");
            }
        }
        return new CrawlWebhook(url("webhook.url", u.asText()), events, md);
    }

    private static URI url(String field, String raw) {
        URI uri;
        try {
            uri = Urls.parseHttpUrl(raw);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(field, e.getMessage().substring(e.field().length() + 2));
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidRequestException(field, "must not contain credentials (user:password@); receivers verify the X-Pagelens-Signature header instead");
        }
        return uri;
    }

    public boolean wants(CrawlEvent e) {
        return events.contains(e);
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("url", url.toString());
        var arr = n.putArray("events");
        for (CrawlEvent e : CrawlEvent.values()) {
            if (events.contains(e)) arr.add(e.id());
        }
        n.set("metadata", metadata);
        return n;
    }
}
