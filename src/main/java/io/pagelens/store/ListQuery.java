package io.pagelens.store;

/**
 * Which page of a list to return.
 *
 * @param limit items per page, 1 to {@value #MAX_LIMIT}
 * @param after the previous page's {@link Listing#nextCursor()}, or null for the first page
 */
public record ListQuery(int limit, String after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final ListQuery FIRST = new ListQuery(DEFAULT_LIMIT, null);

    public ListQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new io.pagelens.capture.InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (after != null && after.isBlank()) after = null;
    }

    public static ListQuery first(int limit) {
        return new ListQuery(limit, null);
    }
}
