package io.pagelens.capture;

import io.pagelens.content.Link;
import io.pagelens.content.PageMetadata;

import java.util.List;

/** The outcome of a successful capture: the report, the artifacts written, and small structured outputs. */
public record CaptureResult(CaptureRequest request, CaptureReport report, List<Artifact> artifacts,
                            PageMetadata metadata, List<Link> links) {
    public CaptureResult {
        artifacts = List.copyOf(artifacts);
        links = links == null ? List.of() : List.copyOf(links);
    }
}
