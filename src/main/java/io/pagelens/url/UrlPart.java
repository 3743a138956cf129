package io.pagelens.url;

/** The part of a URL an {@link UrlException} blames, named as users write it. */
public enum UrlPart {
    /** The URL as a whole (empty, too long). */
    URL("url"),
    SCHEME("scheme"),
    CREDENTIALS("credentials"),
    HOST("host"),
    PORT("port"),
    PATH("path"),
    QUERY("query"),
    FRAGMENT("fragment");

    private final String label;

    UrlPart(String label) {
        this.label = label;
    }

    /** The name used in error messages ({@code "host"}, {@code "port"}, ...). */
    public String label() {
        return label;
    }
}
