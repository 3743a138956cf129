package io.pagelens.crawl;

/** A URL the frontier already has: its seq and state (and skip reason / failure code, if ended). */
public record KnownUrl(String url, long seq, UrlState state, String reason) {
}
