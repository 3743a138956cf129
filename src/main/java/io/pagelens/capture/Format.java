package io.pagelens.capture;

import java.util.Locale;

/** What one navigation can produce. A request asks for any set of these. */
public enum Format {
    SCREENSHOT, HTML, MARKDOWN, TEXT, LINKS, METADATA, PDF;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Format parse(String s) {
        for (Format f : values()) {
            if (f.id().equalsIgnoreCase(s.trim())) return f;
        }
        throw new IllegalArgumentException("unknown format '" + s + "' (expected one of screenshot, html, markdown, text, links, metadata, pdf)");
    }
}
