package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.CaptureReport;
import io.pagelens.capture.Format;
import io.pagelens.content.PageMetadata;
import io.pagelens.json.Jackson;
import io.pagelens.store.StoredArtifact;
import io.pagelens.store.StoredCapture;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A stored capture as clients see it, with a download link per artifact. */
public record CaptureView(String id, String project, String pageType, String url, String requestedUrl, String variant,
                          int version, boolean current, String capturedAt, Boolean cached, Long ageMs, String jobId,
                          CaptureReport report, PageMetadata metadata, JsonNode options, List<ArtifactView> artifacts,
                          Map<String, String> links) {

    public record ArtifactView(String format, String contentType, long bytes, int width, int height, String etag, String url) {
    }

    /** Artifacts a client can download, by the path segment that names them. */
    static final List<Format> DOWNLOADABLE = List.of(Format.SCREENSHOT, Format.HTML, Format.MARKDOWN, Format.TEXT, Format.PDF);

    public static CaptureView of(StoredCapture c, Boolean cached, Long ageMs, String jobId) {
        List<ArtifactView> artifacts = c.artifacts().stream()
                .map(a -> new ArtifactView(a.format().id(), a.contentType(), a.bytes(), a.width(), a.height(), a.etag(), link(c, a)))
                .toList();
        return new CaptureView(c.id(), c.project(), c.pageType(), c.url(), c.requestedUrl(), c.variant().isEmpty() ? null : c.variant(),
                c.version(), c.current(), c.capturedAt().toString(), cached, ageMs, jobId, c.report(), c.metadata(),
                parse(c.optionsJson()), artifacts, Map.of("self", "/v1/captures/" + c.id()));
    }

    private static String link(StoredCapture c, StoredArtifact a) {
        return DOWNLOADABLE.contains(a.format()) ? "/v1/captures/" + c.id() + "/" + a.format().id() : null;
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : Jackson.LENIENT.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
