package io.pagelens.cdp;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits the pipe's byte stream into messages separated by NUL bytes. {@link #next()} returns a stream that
 * ends at the next NUL, so a JSON parser reading it cannot run into the following message.
 */
final class NulFramedInput {
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;

    NulFramedInput(InputStream in) {
        this.in = in;
    }

    /** The next message, or null at the end of the pipe. */
    InputStream next() throws IOException {
        if (!fill()) return null;
        return new Message();
    }

    private boolean fill() throws IOException {
        while (pos >= limit) {
            if (eof) return false;
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return false;
            }
            pos = 0;
            limit = n;
        }
        return true;
    }

    private final class Message extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) return -1;
            if (len == 0) return 0;
            if (!fill()) {
                done = true;
                return -1;
            }
            int end = Math.min(limit, pos + len);
            for (int i = pos; i < end; i++) {
                if (buf[i] == 0) {
                    int n = i - pos;
                    System.arraycopy(buf, pos, b, off, n);
                    pos = i + 1; // consume the separator
                    done = true;
                    return n == 0 ? -1 : n;
                }
            }
            int n = end - pos;
            System.arraycopy(buf, pos, b, off, n);
            pos = end;
            return n;
        }

        /** Skips whatever the parser left of this message, up to and including its NUL. */
        void drain() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // discard
            }
        }

        @Override
        public void close() throws IOException {
            drain();
        }
    }
}
