package io.pagelens.content;

/** A link on the page: absolute URL and its anchor text (trimmed, whitespace folded). */
public record Link(String url, String text) {
}
