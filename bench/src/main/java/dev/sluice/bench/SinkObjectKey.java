package dev.sluice.bench;

/**
 * The Kafka partition and start offset that the S3 sink puts in an object's name,
 * {@code <topics.dir>/<topic>/partition=<p>/<topic>+<p>+<zero-padded start offset><extension>}.
 */
public record SinkObjectKey(int partition, long startOffset) {

    /** @throws IllegalArgumentException if {@code key} is not named as the S3 sink names objects */
    public static SinkObjectKey parse(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int offsetAt = name.lastIndexOf('+');
        int partitionAt = offsetAt <= 0 ? -1 : name.lastIndexOf('+', offsetAt - 1);
        if (partitionAt < 0) {
            throw new IllegalArgumentException("not an S3 sink object name: " + key);
        }
        int digitsEnd = offsetAt + 1;
        while (digitsEnd < name.length() && Character.isDigit(name.charAt(digitsEnd))) {
            digitsEnd++;
        }
        try {
            return new SinkObjectKey(Integer.parseInt(name.substring(partitionAt + 1, offsetAt)),
                    Long.parseLong(name.substring(offsetAt + 1, digitsEnd)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an S3 sink object name: " + key, e);
        }
    }
}
