package io.pagelens.crawl;

/** What a fetch of a frontier URL answered, kept with the URL when it ends. Any part may be null. */
public record FetchFacts(Integer httpStatus, String contentType, String finalUrl) {
    public static final FetchFacts NONE = new FetchFacts(null, null, null);
}
