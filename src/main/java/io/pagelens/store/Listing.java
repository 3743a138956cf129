package io.pagelens.store;

import java.util.List;

/**
 * One page of a list. Pass {@code nextCursor} as {@link ListQuery#after} to get the next; null on the last page.
 * Cursors are opaque strings, stable while rows are added (keyset pagination, no OFFSET).
 */
public record Listing<T>(List<T> items, String nextCursor) {
    public Listing {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }

    /**
     * The page of {@code rows} fetched with {@code LIMIT limit + 1}: the first {@code limit}, and the cursor of the last
     * of them when there was one more.
     */
    public static <T> Listing<T> of(List<T> rows, int limit, java.util.function.Function<T, String> cursor) {
        if (rows.size() <= limit) return new Listing<>(rows, null);
        List<T> items = rows.subList(0, limit);
        return new Listing<>(items, cursor.apply(items.get(limit - 1)));
    }
}
