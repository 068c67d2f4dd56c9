package dev.sluice.schema.glue;

import dev.sluice.schema.RegistryException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Pages of a list in a stable order: the next token is the sort key of the last item returned. */
final class Paging {

    record Page<T>(List<T> items, String nextToken) {
    }

    private Paging() {
    }

    static <T> Page<T> page(List<T> sorted, Function<T, String> sortKey, Long maxResults, int defaultMax,
                            String token) {
        int max = maxResults == null ? defaultMax : maxResults.intValue();
        String after = token == null || token.isEmpty() ? null : decode(token);
        List<T> rest = after == null ? sorted
                : sorted.stream().filter(item -> sortKey.apply(item).compareTo(after) > 0).toList();
        if (rest.size() <= max) {
            return new Page<>(rest, null);
        }
        List<T> items = rest.subList(0, max);
        return new Page<>(items, encode(sortKey.apply(items.get(max - 1))));
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalidInput("NextToken is not a token this API returned: " + token);
        }
    }
}
