package dev.sluice.runtime.mskconnect;

import dev.sluice.runtime.mskconnect.errors.MskConnectException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a List operation: at most {@code maxResults} items (the model allows 1 to 100; 100 when absent) after
 * the item named by {@code nextToken}. The token is opaque to clients: the key of the last item returned.
 */
public record Page<T>(List<T> items, String nextToken) {

    public static final int DEFAULT_MAX_RESULTS = 100;

    public static <T> Page<T> of(List<T> sortedItems, Function<T, String> key, Integer maxResults, String nextToken) {
        int max = maxResults == null ? DEFAULT_MAX_RESULTS : maxResults;
        if (max < 1 || max > 100) {
            throw new MskConnectException.BadRequest("maxResults must be between 1 and 100, was " + max);
        }
        String after = nextToken == null || nextToken.isEmpty() ? null : decode(nextToken);
        List<T> rest = after == null ? sortedItems
                : sortedItems.stream().filter(item -> key.apply(item).compareTo(after) > 0).toList();
        if (rest.size() <= max) {
            return new Page<>(rest, null);
        }
        List<T> page = rest.subList(0, max);
        return new Page<>(List.copyOf(page), encode(key.apply(page.get(max - 1))));
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MskConnectException.BadRequest("nextToken is not a token this API returned: " + token);
        }
    }
}
