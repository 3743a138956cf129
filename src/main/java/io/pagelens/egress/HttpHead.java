package io.pagelens.egress;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The start line and header fields of one HTTP/1.x message, read with hard limits (a page controls what arrives).
 * Only what a forward proxy needs: framing, hop-by-hop fields, writing the head on.
 */
final class HttpHead {
    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEAD = 64 * 1024;
    static final int MAX_FIELDS = 200;
    /**
     * Fields that belong to one connection and are not forwarded (RFC 9110 7.6.1), plus the proxy's own.
     * Transfer-Encoding stays: bodies are relayed byte for byte as they were framed.
     */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "proxy-connection", "keep-alive", "te", "trailer",
            "upgrade", "proxy-authorization", "proxy-authenticate");

    /** What tells where a body ends. */
    enum Framing { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    final String startLine;
    final List<String[]> fields;

    private HttpHead(String startLine, List<String[]> fields) {
        this.startLine = startLine;
        this.fields = fields;
    }

    /** Reads a head; null on a clean end of stream before any byte. */
    static HttpHead read(InputStream in) throws IOException {
        String start = line(in, true);
        if (start == null) return null;
        while (start.isEmpty()) { // tolerate a stray CRLF between messages (RFC 9112 2.2)
            start = line(in, false);
        }
        List<String[]> fields = new ArrayList<>();
        int total = start.length();
        while (true) {
            String l = line(in, false);
            if (l.isEmpty()) break;
            total += l.length();
            if (total > MAX_HEAD) throw new ProtocolException("header section larger than " + MAX_HEAD + " bytes");
            if (fields.size() >= MAX_FIELDS) throw new ProtocolException("more than " + MAX_FIELDS + " header fields");
            if (l.charAt(0) == ' ' || l.charAt(0) == '\t') throw new ProtocolException("obsolete line folding");
            int colon = l.indexOf(':');
            if (colon <= 0) throw new ProtocolException("malformed header field");
            String name = l.substring(0, colon);
            if (!name.chars().allMatch(HttpHead::tokenChar)) throw new ProtocolException("malformed header field name");
            fields.add(new String[]{name, l.substring(colon + 1).strip()});
        }
        return new HttpHead(start, fields);
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1; null at end of stream only when {@code eofOk} and nothing was read. */
    static String line(InputStream in, boolean eofOk) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofOk && sb.isEmpty()) return null;
                throw new EOFException("connection closed in the middle of a message head");
            }
            if (b == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
                return sb.toString();
            }
            if (b == 0) throw new ProtocolException("NUL byte in a message head");
            sb.append((char) b);
            if (sb.length() > MAX_LINE) throw new ProtocolException("line longer than " + MAX_LINE + " bytes");
            eofOk = false;
        }
    }

    private static boolean tokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    /** The value of the first field called {@code name}, or null. */
    String get(String name) {
        for (String[] f : fields) if (f[0].equalsIgnoreCase(name)) return f[1];
        return null;
    }

    /** Whether any field called {@code name} lists {@code token} (comma-separated, case-insensitive). */
    boolean hasToken(String name, String token) {
        for (String[] f : fields) {
            if (!f[0].equalsIgnoreCase(name)) continue;
            for (String t : f[1].split(",")) if (t.strip().equalsIgnoreCase(token)) return true;
        }
        return false;
    }

    /** How the body that follows this head is framed (RFC 9112 6.3); smuggling-prone combinations are refused. */
    Framing framing(boolean request) throws ProtocolException {
        List<String> lengths = new ArrayList<>();
        String te = null;
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase("content-length")) lengths.add(f[1]);
            if (f[0].equalsIgnoreCase("transfer-encoding")) te = te == null ? f[1] : te + "," + f[1];
        }
        if (te != null) {
            if (!lengths.isEmpty()) throw new ProtocolException("both Transfer-Encoding and Content-Length");
            String[] codings = te.toLowerCase(Locale.ROOT).split(",");
            if (!codings[codings.length - 1].strip().equals("chunked")) {
                if (request) throw new ProtocolException("a request body not ending in chunked coding");
                return Framing.UNTIL_CLOSE;
            }
            return Framing.CHUNKED;
        }
        if (!lengths.isEmpty()) {
            long n = -1;
            for (String l : lengths) {
                for (String part : l.split(",")) {
                    long v = parseLength(part.strip());
                    if (n >= 0 && v != n) throw new ProtocolException("conflicting Content-Length values");
                    n = v;
                }
            }
            return n == 0 ? Framing.NONE : Framing.LENGTH;
        }
        return request ? Framing.NONE : Framing.UNTIL_CLOSE;
    }

    long contentLength() throws ProtocolException {
        String l = get("content-length");
        return l == null ? 0 : parseLength(l.split(",")[0].strip());
    }

    private static long parseLength(String s) throws ProtocolException {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            throw new ProtocolException("invalid Content-Length");
        }
        return Long.parseLong(s);
    }

    /**
     * Writes {@code startLine} and the end-to-end fields (hop-by-hop ones and those named in Connection dropped),
     * then {@code extra} fields, then the blank line.
     */
    void writeForwarded(OutputStream out, String startLine, List<String[]> extra) throws IOException {
        Set<String> drop = new java.util.HashSet<>(HOP_BY_HOP);
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase("connection") || f[0].equalsIgnoreCase("proxy-connection")) {
                for (String t : f[1].split(",")) drop.add(t.strip().toLowerCase(Locale.ROOT));
            }
        }
        drop.remove("transfer-encoding");
        StringBuilder sb = new StringBuilder(startLine).append("\r\n");
        for (String[] f : fields) {
            if (!drop.contains(f[0].toLowerCase(Locale.ROOT))) sb.append(f[0]).append(": ").append(f[1]).append("\r\n");
        }
        for (String[] f : extra) sb.append(f[0]).append(": ").append(f[1]).append("\r\n");
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A request or response the proxy cannot handle safely. */
    static final class ProtocolException extends IOException {
        ProtocolException(String message) {
            super(message);
        }
    }
}
