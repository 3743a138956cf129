package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.CaptureReport;
import io.pagelens.capture.Format;
import io.pagelens.content.Link;
import io.pagelens.content.PageMetadata;
import io.pagelens.json.Jackson;
import io.pagelens.store.StoredArtifact;
import io.pagelens.store.StoredCapture;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored capture as clients see it, with a download link per artifact and, in the single-capture answers
 * ({@code GET /v1/captures/{id}}, a synchronous {@code POST}), the links found on the page inline as {@code pageLinks}
 * (lists leave them out; they can be thousands).
 */
public record CaptureView(String id, String project, String pageType, String url, String requestedUrl, String variant,
                          int version, boolean current, String capturedAt, Boolean cached, Long ageMs, String jobId,
                          CaptureReport report, PageMetadata metadata, List<Link> pageLinks, JsonNode options,
                          List<ArtifactView> artifacts, Map<String, String> links) {

    public record ArtifactView(String format, String contentType, long bytes, int width, int height, String etag, String url) {
    }

    /**
     * Artifacts a client can download from {@code /v1/captures/{id}/{artifact}}, by the path segment that names them;
     * {@code links} has a route of its own ({@code /v1/captures/{id}/links}, from the record).
     */
    static final List<Format> DOWNLOADABLE = List.of(Format.SCREENSHOT, Format.HTML, Format.MARKDOWN, Format.TEXT, Format.METADATA, Format.PDF);

    /** For lists: no page links inline. */
    public static CaptureView of(StoredCapture c, Boolean cached, Long ageMs, String jobId) {
        return of(c, cached, ageMs, jobId, null);
    }

    /** @param pageLinks the page's links to show inline, or null to leave them out */
    public static CaptureView of(StoredCapture c, Boolean cached, Long ageMs, String jobId, List<Link> pageLinks) {
        String self = "/v1/captures/" + c.id();
        List<ArtifactView> artifacts = c.artifacts().stream()
                .map(a -> new ArtifactView(a.format().id(), a.contentType(), a.bytes(), a.width(), a.height(), a.etag(), link(self, a)))
                .toList();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        if (c.artifact(Format.LINKS).isPresent()) links.put("pageLinks", self + "/links");
        return new CaptureView(c.id(), c.project(), c.pageType(), c.url(), c.requestedUrl(), c.variant().isEmpty() ? null : c.variant(),
                c.version(), c.current(), c.capturedAt().toString(), cached, ageMs, jobId, c.report(), c.metadata(), pageLinks,
                parse(c.optionsJson()), artifacts, links);
    }

    private static String link(String self, StoredArtifact a) {
        if (a.format() == Format.LINKS) return self + "/links";
        return DOWNLOADABLE.contains(a.format()) ? self + "/" + a.format().id() : null;
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : Jackson.LENIENT.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
