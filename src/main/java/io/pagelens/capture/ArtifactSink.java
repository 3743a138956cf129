package io.pagelens.capture;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a capture streams its outputs (screenshot, HTML, Markdown, PDF, ...). Implementations write to
 * files (CLI) or the blob store. An artifact counts as written once its stream is closed without error;
 * a capture that fails calls {@link #discard()} so nothing half-written is kept.
 */
public interface ArtifactSink {
    OutputStream open(Format format, String contentType) throws IOException;

    /** Drops every artifact of this capture; called on failure. */
    default void discard() {
    }
}
