package dev.sluice.connect.lambda.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A small JSON writer straight to UTF-8 bytes, for the few fixed shapes this connector writes (events, failure
 * records). It writes what it is told: the caller places the commas and brackets.
 */
public final class JsonBytes {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer;
    private int size;
    /** Where {@link #base64} encodes before copying, kept for the next value. */
    private byte[] base64Scratch = new byte[0];

    public JsonBytes(int capacity) {
        this.buffer = new byte[Math.max(16, capacity)];
    }

    /** Text that needs no escaping, such as {@code {"topic":}. */
    public JsonBytes raw(String ascii) {
        int length = ascii.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    public JsonBytes raw(byte[] bytes) {
        return raw(bytes, 0, bytes.length);
    }

    public JsonBytes raw(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    public JsonBytes raw(char c) {
        ensure(1);
        buffer[size++] = (byte) c;
        return this;
    }

    /** A JSON string, quoted and escaped. */
    public JsonBytes string(String text) {
        raw('"');
        int length = text.length();
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                continue;
            }
            appendPlain(text, plainFrom, i);
            plainFrom = i + 1;
            if (c >= 0x7f) {
                int end = i + 1;
                while (end < length && text.charAt(end) >= 0x7f) {
                    end++;
                }
                raw(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                plainFrom = end;
            } else {
                escape(c);
            }
        }
        appendPlain(text, plainFrom, length);
        return raw('"');
    }

    /** A number's digits, written in place (no string on the way: the event writes several per record). */
    public JsonBytes number(long number) {
        if (number == Long.MIN_VALUE) {
            return raw(Long.toString(number));
        }
        ensure(20);
        long rest = number;
        if (rest < 0) {
            buffer[size++] = '-';
            rest = -rest;
        }
        int first = size;
        do {
            buffer[size++] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        for (int i = first, j = size - 1; i < j; i++, j--) {
            byte digit = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = digit;
        }
        return this;
    }

    /** The bytes as a base64 JSON string, as the event carries keys and values. */
    public JsonBytes base64(byte[] bytes) {
        int length = 4 * ((bytes.length + 2) / 3);
        if (base64Scratch.length < length) {
            base64Scratch = new byte[length];
        }
        raw('"');
        raw(base64Scratch, 0, BASE64.encode(bytes, base64Scratch));
        return raw('"');
    }

    /** The bytes as an array of numbers, each a signed byte (-128 to 127), as the event carries header values. */
    public JsonBytes byteArray(byte[] bytes) {
        raw('[');
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                raw(',');
            }
            raw(Integer.toString(bytes[i]));
        }
        return raw(']');
    }

    public int size() {
        return size;
    }

    /** Empties the writer, keeping its buffers for what is written next. */
    public JsonBytes reset() {
        size = 0;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /**
     * What was written, handing over the buffer itself when it is exactly full (a writer sized in advance, as for an
     * event): the writer must not be used afterwards.
     */
    public byte[] take() {
        byte[] written = size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        buffer = new byte[0];
        size = 0;
        return written;
    }

    private void appendPlain(String text, int from, int to) {
        int length = to - from;
        ensure(length);
        for (int i = from; i < to; i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> raw("\\\"");
            case '\\' -> raw("\\\\");
            case '\n' -> raw("\\n");
            case '\r' -> raw("\\r");
            case '\t' -> raw("\\t");
            case '\b' -> raw("\\b");
            case '\f' -> raw("\\f");
            default -> {
                ensure(6);
                buffer[size++] = '\\';
                buffer[size++] = 'u';
                buffer[size++] = '0';
                buffer[size++] = '0';
                buffer[size++] = HEX[(c >> 4) & 0xf];
                buffer[size++] = HEX[c & 0xf];
            }
        }
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
