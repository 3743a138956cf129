package io.pagelens.content;

/** The HTML given for extraction is larger than the extractor's limit; nothing was parsed. */
public final class ContentTooLargeException extends IllegalArgumentException {
    private final long size;
    private final long limit;

    public ContentTooLargeException(long size, long limit) {
        super("html: " + size + " characters is over the " + limit + "-character limit of content extraction");
        this.size = size;
        this.limit = limit;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
