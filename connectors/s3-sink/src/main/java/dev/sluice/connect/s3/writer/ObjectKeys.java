package dev.sluice.connect.s3.writer;

/**
 * Names objects as Confluent's S3 sink does:
 * {@code <topics.dir>/<topic>/<encoded partition>/<topic>+<kafka partition>+<start offset><extension>}. The name
 * depends only on the object's first record, so a replay overwrites the same keys with the same bytes.
 *
 * @param topicsDir       {@code topics.dir}; empty puts topics at the bucket's root
 * @param directoryDelim  {@code directory.delim}
 * @param fileDelim       {@code file.delim}
 * @param offsetPadWidth  {@code filename.offset.zero.pad.width}
 */
public record ObjectKeys(String topicsDir, String directoryDelim, String fileDelim, int offsetPadWidth) {

    public String key(String topic, int kafkaPartition, String encodedPartition, long startOffset, String extension) {
        var key = new StringBuilder();
        if (!topicsDir.isEmpty()) {
            key.append(topicsDir).append(directoryDelim);
        }
        key.append(topic).append(directoryDelim).append(encodedPartition).append(directoryDelim)
                .append(topic).append(fileDelim).append(kafkaPartition).append(fileDelim);
        String offset = Long.toString(startOffset);
        key.append("0".repeat(Math.max(0, offsetPadWidth - offset.length()))).append(offset);
        return key.append(extension).toString();
    }
}
