package io.pagelens.store;

import io.pagelens.capture.Artifact;
import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.CaptureReport;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Format;
import io.pagelens.content.Link;
import io.pagelens.content.PageMetadata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stands in for the capture engine: writes given bytes per format into a sink and reports them like a capture. */
public final class FakeCaptures {
    private FakeCaptures() {
    }

    public static CaptureRequest request(String url, Format... formats) {
        return CaptureRequest.builder(url).formats(Set.of(formats)).build();
    }

    /** Writes a screenshot and HTML whose bytes depend on {@code content}. */
    public static CaptureResult capture(CaptureRequest request, ArtifactSink sink, String content) {
        Map<Format, byte[]> outputs = new LinkedHashMap<>();
        for (Format f : request.formats().stream().sorted().toList()) {
            outputs.put(f, (f.id() + ":" + content).getBytes(StandardCharsets.UTF_8));
        }
        return capture(request, sink, outputs);
    }

    public static CaptureResult capture(CaptureRequest request, ArtifactSink sink, Map<Format, byte[]> outputs) {
        List<Artifact> artifacts = new ArrayList<>();
        long total = 0;
        try {
            for (Map.Entry<Format, byte[]> e : outputs.entrySet()) {
                String type = contentType(e.getKey());
                try (OutputStream out = sink.open(e.getKey(), type)) {
                    out.write(e.getValue());
                }
                boolean image = e.getKey() == Format.SCREENSHOT;
                artifacts.add(new Artifact(e.getKey(), type, e.getValue().length, image ? 1280 : 0, image ? 800 : 0));
                total += e.getValue().length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result(request, artifacts, total);
    }

    public static CaptureResult result(CaptureRequest request, List<Artifact> artifacts, long total) {
        URI url = request.url();
        CaptureReport report = new CaptureReport(url, List.of(url), 200, List.of(), List.of(), 1600, false, 1,
                new CaptureReport.Timings(0, 120, 30, 10, 160), total);
        PageMetadata meta = new PageMetadata("Title of " + url, "A page", null, null, "Site", null, "en", "ltr", true,
                url.toString(), Map.of("og:title", "OG"), List.of());
        return new CaptureResult(request, report, artifacts, meta, List.of(new Link(url + "next", "Next")));
    }

    public static String contentType(Format f) {
        return switch (f) {
            case SCREENSHOT -> "image/png";
            case HTML -> "text/html; charset=utf-8";
            case MARKDOWN -> "text/markdown; charset=utf-8";
            case PDF -> "application/pdf";
            default -> "application/json";
        };
    }
}
