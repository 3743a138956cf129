package io.pagelens.capture;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One artifact on its way to the sink. The sink's stream is opened on the first byte, so a capture that
 * fails before writing anything has nothing to discard (and may be retried); bytes are counted.
 */
final class ArtifactStream extends OutputStream {
    private final ArtifactSink sink;
    private final Format format;
    private final String contentType;
    private OutputStream out;
    private long bytes;
    private boolean closed;

    ArtifactStream(ArtifactSink sink, Format format, String contentType) {
        this.sink = sink;
        this.format = format;
        this.contentType = contentType;
    }

    private OutputStream out() throws IOException {
        if (out == null) out = sink.open(format, contentType);
        return out;
    }

    boolean opened() {
        return out != null;
    }

    @Override
    public void write(int b) throws IOException {
        out().write(b);
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) return;
        out().write(b, off, len);
        bytes += len;
    }

    @Override
    public void flush() throws IOException {
        if (out != null) out.flush();
    }

    /** Closes the sink's stream (creating an empty artifact if nothing was written) and describes it. */
    Artifact finish(int width, int height) throws IOException {
        close();
        return new Artifact(format, contentType, bytes, width, height);
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        out().close();
    }
}
