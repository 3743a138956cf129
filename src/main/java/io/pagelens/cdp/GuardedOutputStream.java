package io.pagelens.cdp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Wraps a caller's stream on the reader thread: the first write error is kept for the caller instead of
 * killing the reader, and once the caller gave up waiting ({@link #detach()}) later bytes are dropped.
 */
final class GuardedOutputStream extends OutputStream {
    private final OutputStream out;
    private volatile IOException failure;
    private volatile boolean detached;

    GuardedOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (detached || failure != null) return;
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            failure = e;
        }
    }

    void detach() {
        detached = true;
    }

    IOException failure() {
        return failure;
    }
}
