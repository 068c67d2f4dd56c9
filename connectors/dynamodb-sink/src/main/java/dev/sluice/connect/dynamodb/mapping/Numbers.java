package dev.sluice.connect.dynamodb.mapping;

import java.math.BigDecimal;
import org.apache.kafka.connect.errors.DataException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB numbers (N): exact decimal text, within DynamoDB's 38 digits and its range of magnitudes. */
final class Numbers {

    static final int MAX_DIGITS = 38;
    static final int MAX_EXPONENT = 125;
    static final int MIN_EXPONENT = -130;

    private Numbers() {
    }

    static AttributeValue of(BigDecimal number, String path) {
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.signum() != 0) {
            if (stripped.precision() > MAX_DIGITS) {
                throw new DataException(where(path) + "the number " + number.toPlainString() + " has "
                        + stripped.precision() + " significant digits; DynamoDB keeps at most " + MAX_DIGITS);
            }
            int exponent = stripped.precision() - stripped.scale() - 1;
            if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT) {
                throw new DataException(where(path) + "the number " + number + " is outside DynamoDB's range "
                        + "(magnitudes from 1E-130 to below 1E+126)");
            }
        }
        // Plain text keeps the scale (1.50 stays 1.50) and avoids exponents.
        return AttributeValue.fromN(number.toPlainString());
    }

    static AttributeValue of(double number, String path) {
        if (!Double.isFinite(number)) {
            throw new DataException(where(path) + number + " is not a number DynamoDB can store");
        }
        return of(BigDecimal.valueOf(number), path);
    }

    static AttributeValue of(float number, String path) {
        if (!Float.isFinite(number)) {
            throw new DataException(where(path) + number + " is not a number DynamoDB can store");
        }
        // Float.toString gives the shortest text that reads back as the same float: 0.1f is 0.1, not 0.100000001.
        return of(new BigDecimal(Float.toString(number)), path);
    }

    static AttributeValue parse(String text, String path) {
        try {
            return of(new BigDecimal(text), path);
        } catch (NumberFormatException e) {
            throw new DataException(where(path) + "'" + text + "' is not a number", e);
        }
    }

    /**
     * Bytes DynamoDB counts for a number: one per two significant digits, plus one. Counted on the text (sign,
     * point and exponent skipped; leading and trailing zeros are not significant), as this runs for every number.
     */
    static long size(String n) {
        int end = n.length();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == 'e' || c == 'E') {
                end = i;
                break;
            }
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < end; i++) {
            char c = n.charAt(i);
            if (c >= '1' && c <= '9') {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        int digits = 1;
        if (first >= 0) {
            digits = last - first + 1 - (n.substring(first, last + 1).indexOf('.') >= 0 ? 1 : 0);
        }
        return (digits + 1) / 2 + 1;
    }

    static String where(String path) {
        return path.isEmpty() ? "" : "at " + path + ": ";
    }
}
