package dev.sluice.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random text for record payloads: 64 characters that need no escaping in JSON, drawn from a generator seeded with
 * the record's id, so that every record's text differs (nothing downstream can profit from repeats real data would
 * not have) and the same id always gives the same text.
 */
final class RandomAscii {

    private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            .getBytes(StandardCharsets.US_ASCII);

    private RandomAscii() {
    }

    /** Fills {@code target[from, to)} with the text of {@code seed}. */
    static void fill(byte[] target, int from, int to, long seed) {
        var random = new SplittableRandom(seed);
        int at = from;
        while (at < to) {
            // Ten 6-bit characters from each draw.
            long bits = random.nextLong();
            for (int i = 0; i < 10 && at < to; i++, bits >>>= 6) {
                target[at++] = ALPHABET[(int) (bits & 63)];
            }
        }
    }
}
