package io.pagelens.api;

import io.pagelens.store.Listing;

import java.util.List;
import java.util.function.Function;

/** One page of a list as clients see it: its items and the cursor of the next page (null on the last); pass it as {@code ?after=}. */
public record ListPage<T>(List<T> items, String nextCursor) {
    static <S, T> ListPage<T> of(Listing<S> l, Function<S, T> view) {
        return new ListPage<>(l.items().stream().map(view).toList(), l.nextCursor());
    }
}
