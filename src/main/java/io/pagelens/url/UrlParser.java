package io.pagelens.url;

/**
 * The WHATWG "basic URL parser" for the special schemes http and https, state by state as the URL Standard writes
 * it (without state override, which only the URL setters use). Other schemes are recognised far enough to be
 * rejected by name. The href is written into one builder as the parse goes; the {@link WebUrl} keeps offsets into it.
 */
final class UrlParser {
    /** Chromium refuses longer URLs (url::kMaxURLChars), so nothing longer can be captured. */
    static final int MAX_LENGTH = 2 * 1024 * 1024;

    private static final int EOF = -1;

    private enum State {
        SCHEME_START, SCHEME, NO_SCHEME, SPECIAL_RELATIVE_OR_AUTHORITY, SPECIAL_AUTHORITY_SLASHES,
        SPECIAL_AUTHORITY_IGNORE_SLASHES, RELATIVE, RELATIVE_SLASH, AUTHORITY, HOST, PORT, PATH_START, PATH, QUERY, FRAGMENT
    }

    private final HostParser hosts;

    UrlParser(DomainToAscii idna) {
        this.hosts = new HostParser(idna);
    }

    WebUrl parse(String raw, WebUrl base) {
        if (raw == null) throw new UrlException(UrlPart.URL, "is missing");
        String in = clean(raw);
        if (in.length() > MAX_LENGTH) {
            throw new UrlException(UrlPart.URL, "is " + in.length() + " characters long, over the " + MAX_LENGTH + " a browser accepts");
        }
        return new Run(in, base).parse();
    }

    /**
     * Strips leading and trailing C0 controls and spaces, removes every tab and newline, and turns unpaired
     * surrogates into U+FFFD (the input is a USVString in the standard). Returns the input itself when it is clean.
     */
    static String clean(String s) {
        int start = 0, end = s.length();
        while (start < end && s.charAt(start) <= ' ') start++;
        while (end > start && s.charAt(end - 1) <= ' ') end--;
        boolean dirty = false;
        for (int i = start; i < end && !dirty; i++) {
            char c = s.charAt(i);
            dirty = c == '\t' || c == '\n' || c == '\r' || Character.isSurrogate(c);
        }
        if (!dirty) return start == 0 && end == s.length() ? s : s.substring(start, end);
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') continue;
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** One parse: the state machine's variables. */
    private final class Run {
        private final String in;
        private final int n;
        private final WebUrl base;
        private final StringBuilder out;
        private String scheme;
        private StringBuilder username;
        private StringBuilder password;
        private Host host;
        private int port = -1;
        private int hostStart, hostEnd, pathStart = -1, queryStart = -1, fragmentStart = -1;

        Run(String in, WebUrl base) {
            this.in = in;
            this.n = in.length();
            this.base = base;
            this.out = new StringBuilder(n + 16);
        }

        private int at(int p) {
            return p < n ? in.charAt(p) : EOF;
        }

        private boolean remainingStartsWith(int p, char c) {
            return p + 1 < n && in.charAt(p + 1) == c;
        }

        WebUrl parse() {
            State state = State.SCHEME_START;
            int mark = 0; // start of the buffer of the AUTHORITY, HOST and PORT states
            int segStart = -1; // in PATH: where the current segment starts in out, -1 between segments
            boolean atSignSeen = false, insideBrackets = false, passwordTokenSeen = false;
            for (int p = 0; ; p++) {
                int c = at(p);
                switch (state) {
                    case SCHEME_START -> {
                        if (isAlpha(c)) state = State.SCHEME;
                        else { state = State.NO_SCHEME; p--; }
                    }
                    case SCHEME -> {
                        if (isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') break;
                        if (c == ':') {
                            scheme = scheme(p);
                            if (base != null && base.scheme().equals(scheme)) state = State.SPECIAL_RELATIVE_OR_AUTHORITY;
                            else state = State.SPECIAL_AUTHORITY_SLASHES;
                        } else {
                            state = State.NO_SCHEME;
                            p = -1;
                        }
                    }
                    case NO_SCHEME -> {
                        if (base == null) throw missingScheme();
                        state = State.RELATIVE;
                        p--;
                    }
                    case SPECIAL_RELATIVE_OR_AUTHORITY -> {
                        if (c == '/' && remainingStartsWith(p, '/')) { state = State.SPECIAL_AUTHORITY_IGNORE_SLASHES; p++; }
                        else { state = State.RELATIVE; p--; }
                    }
                    case SPECIAL_AUTHORITY_SLASHES -> {
                        state = State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
                        if (c == '/' && remainingStartsWith(p, '/')) p++;
                        else p--;
                    }
                    case SPECIAL_AUTHORITY_IGNORE_SLASHES -> {
                        if (c != '/' && c != '\\') { state = State.AUTHORITY; mark = p; p--; }
                    }
                    case RELATIVE -> {
                        scheme = base.scheme();
                        if (c == '/' || c == '\\') {
                            state = State.RELATIVE_SLASH;
                        } else {
                            copyBaseAuthority();
                            String basePath = base.path();
                            if (c == '?') {
                                out.append(basePath);
                                queryStart = out.length();
                                out.append('?');
                                state = State.QUERY;
                            } else if (c == '#') {
                                out.append(basePath);
                                if (base.hasQuery()) { queryStart = out.length(); out.append(base.queryWithMark()); }
                                fragmentStart = out.length();
                                out.append('#');
                                state = State.FRAGMENT;
                            } else if (c == EOF) {
                                out.append(basePath);
                                if (base.hasQuery()) { queryStart = out.length(); out.append(base.queryWithMark()); }
                            } else {
                                out.append(basePath);
                                shortenPath();
                                state = State.PATH;
                                p--;
                            }
                        }
                    }
                    case RELATIVE_SLASH -> {
                        if (c == '/' || c == '\\') {
                            state = State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
                        } else {
                            copyBaseAuthority();
                            state = State.PATH;
                            p--;
                        }
                    }
                    case AUTHORITY -> {
                        if (c == '@') {
                            if (username == null) { username = new StringBuilder(); password = new StringBuilder(); }
                            if (atSignSeen) (passwordTokenSeen ? password : username).append("%40");
                            atSignSeen = true;
                            for (int i = mark; i < p; i++) {
                                if (in.charAt(i) == ':' && !passwordTokenSeen) { passwordTokenSeen = true; continue; }
                                i = PercentEncoding.appendEncoded(passwordTokenSeen ? password : username, in, i, PercentEncoding.USERINFO);
                            }
                            mark = p + 1;
                        } else if (c == EOF || c == '/' || c == '?' || c == '#' || c == '\\') {
                            if (atSignSeen && mark == p) throw new UrlException(UrlPart.HOST, "is missing after the credentials");
                            p = mark - 1;
                            state = State.HOST;
                        }
                    }
                    case HOST -> {
                        if (c == ':' && !insideBrackets) {
                            if (mark == p) throw new UrlException(UrlPart.HOST, "is missing before the port");
                            writeHost(mark, p);
                            mark = p + 1;
                            state = State.PORT;
                        } else if (c == EOF || c == '/' || c == '?' || c == '#' || c == '\\') {
                            if (mark == p) throw new UrlException(UrlPart.HOST, "is missing");
                            writeHost(mark, p);
                            state = State.PATH_START;
                            p--;
                        } else if (c == '[') {
                            insideBrackets = true;
                        } else if (c == ']') {
                            insideBrackets = false;
                        }
                    }
                    case PORT -> {
                        if (c >= '0' && c <= '9') break;
                        if (c == EOF || c == '/' || c == '?' || c == '#' || c == '\\') {
                            if (mark < p) writePort(mark, p);
                            state = State.PATH_START;
                            p--;
                        } else {
                            throw new UrlException(UrlPart.PORT, "'" + Chars.shown(in.substring(mark, portEnd(mark))) + "' is not a number");
                        }
                    }
                    case PATH_START -> {
                        pathStart = out.length();
                        state = State.PATH;
                        if (c != '/' && c != '\\') p--;
                    }
                    case PATH -> {
                        if (pathStart < 0) pathStart = out.length();
                        if (segStart < 0) { out.append('/'); segStart = out.length(); }
                        if (c == EOF || c == '/' || c == '\\' || c == '?' || c == '#') {
                            boolean slash = c == '/' || c == '\\';
                            int dots = dotSegment(segStart);
                            if (dots == 2) {
                                out.setLength(segStart - 1);
                                shortenPath();
                                if (!slash) out.append('/');
                            } else if (dots == 1) {
                                out.setLength(segStart - 1);
                                if (!slash) out.append('/');
                            }
                            segStart = -1;
                            if (c == '?') { queryStart = out.length(); out.append('?'); state = State.QUERY; }
                            else if (c == '#') { fragmentStart = out.length(); out.append('#'); state = State.FRAGMENT; }
                        } else {
                            p = PercentEncoding.appendEncoded(out, in, p, PercentEncoding.PATH);
                        }
                    }
                    case QUERY -> {
                        if (c == '#') { fragmentStart = out.length(); out.append('#'); state = State.FRAGMENT; }
                        else if (c != EOF) p = PercentEncoding.appendEncoded(out, in, p, PercentEncoding.SPECIAL_QUERY);
                    }
                    case FRAGMENT -> {
                        if (c != EOF) p = PercentEncoding.appendEncoded(out, in, p, PercentEncoding.FRAGMENT);
                    }
                }
                if (p >= n) break;
            }
            return new WebUrl(out.toString(), scheme.length(), hostStart, hostEnd, port, pathStart, queryStart, fragmentStart, host);
        }

        /** The scheme in {@code in[0, p)}: http or https, else a clear refusal. */
        private String scheme(int p) {
            if (p == 4 && in.regionMatches(true, 0, "http", 0, 4)) return "http";
            if (p == 5 && in.regionMatches(true, 0, "https", 0, 5)) return "https";
            String name = in.substring(0, p).toLowerCase(java.util.Locale.ROOT);
            String hint = "";
            if (p + 1 < n && in.charAt(p + 1) >= '0' && in.charAt(p + 1) <= '9' && in.indexOf('@') < 0) {
                hint = " (for a host and port, write 'http://" + Chars.shown(in) + "')"; // localhost:8080 reads as a scheme
            }
            throw new UrlException(UrlPart.SCHEME, "'" + Chars.shown(name) + "' is not supported; use http or https" + hint);
        }

        private UrlException missingScheme() {
            String hint = in.isEmpty() || in.indexOf('@') >= 0 || in.startsWith("/") ? ""
                    : " (did you mean 'https://" + Chars.shown(in) + "'?)";
            return new UrlException(UrlPart.SCHEME, in.isEmpty() ? "is missing: the URL is empty"
                    : "is missing: '" + Chars.shown(in) + "' is not an absolute http or https URL" + hint);
        }

        /** Copies scheme, credentials, host and port from the base: everything of its href before the path. */
        private void copyBaseAuthority() {
            out.append(base.href(), 0, base.pathStart());
            hostStart = base.hostStart();
            hostEnd = base.hostEnd();
            host = base.host();
            port = base.port();
            pathStart = out.length();
        }

        private void writeHost(int start, int end) {
            host = hosts.parse(in, start, end);
            out.append(scheme).append("://");
            if (username != null && (!username.isEmpty() || !password.isEmpty())) {
                out.append(username);
                if (!password.isEmpty()) out.append(':').append(password);
                out.append('@');
            }
            hostStart = out.length();
            out.append(host.serialized());
            hostEnd = out.length();
        }

        private void writePort(int start, int end) {
            long value = 0;
            for (int i = start; i < end && value <= 65535; i++) value = value * 10 + (in.charAt(i) - '0');
            if (value > 65535) {
                throw new UrlException(UrlPart.PORT, Chars.shown(in.substring(start, end)) + " is out of range (0 to 65535)");
            }
            int defaultPort = scheme.equals("https") ? 443 : 80;
            if (value != defaultPort) {
                port = (int) value;
                out.append(':').append(port);
            }
        }

        /** Where the bad port text ends, for the message: at the next delimiter. */
        private int portEnd(int start) {
            int i = start;
            while (i < n && "/?#\\".indexOf(in.charAt(i)) < 0) i++;
            return i;
        }

        /** Removes the last path segment, if any ("shorten a URL's path"). */
        private void shortenPath() {
            int slash = out.lastIndexOf("/");
            if (slash >= pathStart && out.length() > pathStart) out.setLength(slash);
        }

        /** 1 for a single-dot segment ({@code .}, {@code %2e}), 2 for a double-dot one, else 0; from segStart to the end of out. */
        private int dotSegment(int segStart) {
            int len = out.length() - segStart;
            if (len == 0 || len > 6) return 0;
            int dots = 0;
            for (int i = segStart; i < out.length(); ) {
                if (out.charAt(i) == '.') {
                    i++;
                } else if (out.charAt(i) == '%' && i + 2 < out.length() && out.charAt(i + 1) == '2' && (out.charAt(i + 2) | 0x20) == 'e') {
                    i += 3;
                } else {
                    return 0;
                }
                dots++;
            }
            return dots <= 2 ? dots : 0;
        }
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
