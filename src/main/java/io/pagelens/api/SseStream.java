package io.pagelens.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A Server-Sent Events response body. {@link #send} fails with IOException once the client has gone. */
public final class SseStream implements AutoCloseable {
    private final OutputStream out;

    SseStream(OutputStream out) {
        this.out = out;
    }

    public void send(String event, String jsonData) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("event: ").append(event).append('\n');
        for (String line : jsonData.split("\n", -1)) sb.append("data: ").append(line).append('\n');
        sb.append('\n');
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A comment line that keeps proxies from closing an idle stream and detects a gone client. */
    public void keepAlive() throws IOException {
        out.write(":\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
