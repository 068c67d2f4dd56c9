package dev.sluice.runtime.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** The JSON that fleet members exchange in the group protocol: announcements and views. */
final class FleetJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FleetJson() {
    }

    static ByteBuffer encode(Object value) {
        try {
            return ByteBuffer.wrap(JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param what what the bytes should be, for the message when they are not */
    static <T> T decode(ByteBuffer buffer, Class<T> type, String what) {
        if (buffer == null) {
            throw new IllegalArgumentException("no " + what);
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a " + what + ": " + e.getMessage(), e);
        }
    }
}
