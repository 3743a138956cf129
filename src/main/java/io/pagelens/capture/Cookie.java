package io.pagelens.capture;

/** A cookie set before navigation. A null domain means the request URL's host; a null path means "/". */
public record Cookie(String name, String value, String domain, String path) {
    public Cookie {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("cookie.name is required");
        if (value == null) value = "";
    }
}
