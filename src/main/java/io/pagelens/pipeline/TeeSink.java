package io.pagelens.pipeline;

import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.Format;

import java.io.IOException;
import java.io.OutputStream;

/** Writes every artifact to two sinks at once: the files the user asked for and the store. */
final class TeeSink implements ArtifactSink {
    private final ArtifactSink first;
    private final ArtifactSink second;

    TeeSink(ArtifactSink first, ArtifactSink second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public OutputStream open(Format format, String contentType) throws IOException {
        OutputStream a = first.open(format, contentType);
        OutputStream b;
        try {
            b = second.open(format, contentType);
        } catch (IOException | RuntimeException e) {
            a.close();
            throw e;
        }
        return new OutputStream() {
            @Override
            public void write(int v) throws IOException {
                a.write(v);
                b.write(v);
            }

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                a.write(buf, off, len);
                b.write(buf, off, len);
            }

            @Override
            public void flush() throws IOException {
                a.flush();
                b.flush();
            }

            @Override
            public void close() throws IOException {
                try {
                    b.close();
                } finally {
                    a.close();
                }
            }
        };
    }

    @Override
    public void discard() {
        try {
            second.discard();
        } finally {
            first.discard();
        }
    }
}
