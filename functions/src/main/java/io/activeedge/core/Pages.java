package io.activeedge.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Follows the pages of a listing whose pages end with a next token (null or empty on the last page). */
public final class Pages {
    private Pages() {
    }

    /**
     * Every item of the listing: {@code fetch} reads the page that starts at a token (null for the first),
     * {@code items} and {@code next} take a page's items and the token of the page after it.
     */
    public static <P, T> List<T> all(Function<String, P> fetch, Function<P, List<T>> items, Function<P, String> next) {
        List<T> all = new ArrayList<>();
        String token = null;
        do {
            P page = fetch.apply(token);
            all.addAll(items.apply(page));
            token = next.apply(page);
        } while (token != null && !token.isEmpty());
        return all;
    }
}
