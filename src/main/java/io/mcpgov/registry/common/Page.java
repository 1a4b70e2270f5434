package io.mcpgov.registry.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the cursor of the next page ({@code null} on the last). Every list pages the same way: the
 * query asks for one row more than the page holds, and that row's presence is what says that a next page exists.
 */
public record Page<T>(List<T> items, String nextCursor) {

    /** The page of {@code size} items among {@code fetched} (up to {@code size + 1} rows); the cursor names its last. */
    public static <T> Page<T> of(List<T> fetched, int size, Function<T, String> cursorOf) {
        if (fetched.size() <= size) {
            return new Page<>(fetched, null);
        }
        List<T> kept = fetched.subList(0, size);
        return new Page<>(kept, cursorOf.apply(kept.get(size - 1)));
    }

    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), nextCursor);
    }

    /** What the wire says about the page, beside its items. */
    public PageMetadata metadata() {
        return new PageMetadata(nextCursor, items.size());
    }
}
