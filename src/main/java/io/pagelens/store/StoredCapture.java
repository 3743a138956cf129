package io.pagelens.store;

import io.pagelens.capture.CaptureReport;
import io.pagelens.capture.Format;
import io.pagelens.content.PageMetadata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One stored version of a capture. Links are not loaded with it (they can be thousands); get them with
 * {@link Storage#links(String)}.
 *
 * @param id           unique id of this version ({@code cap_...})
 * @param url          the normalised URL of the key
 * @param requestedUrl the URL as requested
 * @param version      1 for the first save of the key, +1 for each save after
 * @param current      whether this is the key's current version (false: history)
 * @param optionsJson  the output-affecting options, canonical JSON with secrets redacted
 * @param metadata     what the page said about itself; {@link PageMetadata#EMPTY} if none was extracted
 */
public record StoredCapture(String id, String projectId, String project, String pageId, String pageType, String url,
                            String requestedUrl, String optionsHash, String variant, int version, boolean current,
                            Instant capturedAt, CaptureReport report, PageMetadata metadata, String optionsJson,
                            List<StoredArtifact> artifacts) {
    public StoredCapture {
        artifacts = List.copyOf(artifacts);
        if (metadata == null) metadata = PageMetadata.EMPTY;
    }

    /** The key this version was saved under. */
    public CaptureKey key() {
        return new CaptureKey(project, pageType, url, optionsHash, variant);
    }

    /** The first artifact of this format, if the capture made one. */
    public Optional<StoredArtifact> artifact(Format format) {
        return artifacts.stream().filter(a -> a.format() == format).findFirst();
    }

    public Duration age(Clock clock) {
        // whole milliseconds, as stored
        long ms = clock.millis() - capturedAt.toEpochMilli();
        return Duration.ofMillis(Math.max(0, ms));
    }
}
