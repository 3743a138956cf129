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
}
