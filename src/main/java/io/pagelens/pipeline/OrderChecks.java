package io.pagelens.pipeline;

import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Cookie;
import io.pagelens.capture.InvalidRequestException;

import java.util.List;
import java.util.Map;

/**
 * The checks of an order beyond one field's range: where credentials may go, and what header and cookie values may
 * hold. Their messages never repeat a header or cookie value (those are secrets).
 */
final class OrderChecks {
    private OrderChecks() {
    }

    /**
     * A password in the URL would sit in clear text in the capture record, the page list and the logs; headers are
     * encrypted at rest and never logged, so credentials go there.
     */
    static void noCredentialsInUrl(CaptureRequest r) {
        // the authority, not getRawUserInfo(): URI has no user info for hosts it cannot parse as a server (my_host)
        String authority = r.url().getRawAuthority();
        if (authority != null && authority.contains("@")) {
            throw new InvalidRequestException("url", "must not contain credentials (user:password@); send them as a header "
                    + "instead (\"Authorization\": \"Basic ...\"), which is encrypted at rest and never logged");
        }
    }

    static void headersAndCookies(CaptureRequest r) {
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            if (!isToken(h.getKey())) {
                // not repeated: a mistyped name may hold its value ("Authorization Bearer ...")
                throw new InvalidRequestException("headers", "a header name is empty or holds a character other than letters, "
                        + "digits and !#$%&'*+-.^_`|~");
            }
            if (h.getValue() == null || hasControl(h.getValue(), false)) {
                throw new InvalidRequestException("headers." + h.getKey(), "the value is missing or holds a line break or control character");
            }
        }
        List<Cookie> cookies = r.cookies();
        for (int i = 0; i < cookies.size(); i++) {
            Cookie c = cookies.get(i);
            if (!isToken(c.name())) {
                throw new InvalidRequestException("cookies[" + i + "].name", "is empty or holds a character other than letters, "
                        + "digits and !#$%&'*+-.^_`|~");
            }
            if (hasControl(c.value(), true)) {
                throw new InvalidRequestException("cookies[" + i + "].value", "holds ';' or a control character");
            }
        }
    }

    /** {@code pageType}, {@code variantId} and {@code maxAge} only mean something for a stored capture. */
    static void noStorageOptions(CaptureSpec spec) {
        String orphan = spec.pageType() != null ? "pageType" : spec.variantId() != null ? "variantId"
                : spec.maxAge() != null ? "maxAge" : null;
        if (orphan != null) throw new InvalidRequestException(orphan, "needs projectId (captures are stored per project)");
    }

    /** RFC 9110 token: the characters a header or cookie name may have. */
    private static boolean isToken(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    private static boolean hasControl(String s, boolean semicolon) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || (semicolon && c == ';')) return true;
        }
        return false;
    }
}
