package io.pagelens.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer to one crawler GET: status, headers and a body stream that stops at {@link FetchLimits#maxBytes()}.
 * Close it (or read it to the end) to release the connection.
 */
public final class FetchResponse implements AutoCloseable {
    private final URI url;
    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream raw;
    private final long maxBytes;
    private long read;
    private boolean truncated;

    /** Header names compare case-insensitively. */
    public FetchResponse(URI url, int status, Map<String, List<String>> headers, InputStream body, long maxBytes) {
        this.url = url;
        this.status = status;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        this.headers = h;
        this.raw = body == null ? InputStream.nullInputStream() : body;
        this.maxBytes = maxBytes;
    }

    public URI url() {
        return url;
    }

    public int status() {
        return status;
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.getFirst());
    }

    /** The media type without parameters, lower case ({@code text/html}), or "" when the server sent none. */
    public String mediaType() {
        String ct = header("Content-Type").orElse("");
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    public boolean isRedirect() {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) && header("Location").isPresent();
    }

    /** The redirect target resolved against this URL, when this is a redirect with a usable Location. */
    public Optional<URI> location() {
        if (!isRedirect()) return Optional.empty();
        try {
            return Optional.of(url.resolve(URI.create(header("Location").orElseThrow().strip().replace(" ", "%20"))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The body, cut at the limit. */
    public InputStream body() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read >= maxBytes) {
                    if (!truncated && raw.read() >= 0) truncated = true;
                    return -1;
                }
                int n = raw.read(b, off, (int) Math.min(len, maxBytes - read));
                if (n > 0) read += n;
                return n;
            }
        };
    }

    /** Reads the (bounded) body whole; for robots.txt, sitemaps and plain-HTTP pages. */
    public byte[] readBody() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, 64 * 1024));
        body().transferTo(out);
        return out.toByteArray();
    }

    /** Whether the body went on past the limit (known once the body was read up to it). */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
