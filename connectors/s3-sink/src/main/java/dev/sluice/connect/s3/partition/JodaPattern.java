package dev.sluice.connect.s3.partition;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalField;
import java.util.Locale;

/**
 * Translates a Joda-Time {@code DateTimeFormat} pattern, the language of Confluent's {@code path.format}, into a
 * {@code java.time} formatter that prints the same text.
 *
 * <p>The letters do not mean the same in both: Joda's {@code Y} is the year of era and {@code x} the ISO week
 * year, while {@code java.time}'s {@code Y} is a locale-dependent week-based year, which would put the last days
 * of December in next year's folder. So each Joda letter is mapped to the field it means, never passed through.
 */
final class JodaPattern {

    private JodaPattern() {
    }

    /** @throws IllegalArgumentException naming the first letter Joda-Time does not know or Sluice does not support */
    static DateTimeFormatter toFormatter(String pattern, Locale locale) {
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("The pattern is empty");
        }
        var builder = new DateTimeFormatterBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                i = literal(pattern, i, builder);
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                int end = i;
                while (end < pattern.length() && pattern.charAt(end) == c) {
                    end++;
                }
                letter(c, end - i, builder);
                i = end;
            } else {
                builder.appendLiteral(c);
                i++;
            }
        }
        return builder.toFormatter(locale);
    }

    /** Appends a quoted literal starting at {@code start}; {@code ''} is a quote. Returns the index after it. */
    private static int literal(String pattern, int start, DateTimeFormatterBuilder builder) {
        if (start + 1 < pattern.length() && pattern.charAt(start + 1) == '\'') {
            builder.appendLiteral('\'');
            return start + 2;
        }
        var text = new StringBuilder();
        int i = start + 1;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    text.append('\'');
                    i += 2;
                    continue;
                }
                builder.appendLiteral(text.toString());
                return i + 1;
            }
            text.append(c);
            i++;
        }
        throw new IllegalArgumentException("Unterminated quote in pattern '" + pattern + "'");
    }

    private static void letter(char c, int count, DateTimeFormatterBuilder builder) {
        switch (c) {
            case 'Y' -> year(ChronoField.YEAR_OF_ERA, count, builder);
            case 'y' -> year(ChronoField.YEAR, count, builder);
            case 'x' -> year(IsoFields.WEEK_BASED_YEAR, count, builder);
            case 'w' -> number(IsoFields.WEEK_OF_WEEK_BASED_YEAR, count, builder);
            case 'e' -> number(ChronoField.DAY_OF_WEEK, count, builder);
            case 'D' -> number(ChronoField.DAY_OF_YEAR, count, builder);
            case 'd' -> number(ChronoField.DAY_OF_MONTH, count, builder);
            case 'H' -> number(ChronoField.HOUR_OF_DAY, count, builder);
            case 'k' -> number(ChronoField.CLOCK_HOUR_OF_DAY, count, builder);
            case 'K' -> number(ChronoField.HOUR_OF_AMPM, count, builder);
            case 'h' -> number(ChronoField.CLOCK_HOUR_OF_AMPM, count, builder);
            case 'm' -> number(ChronoField.MINUTE_OF_HOUR, count, builder);
            case 's' -> number(ChronoField.SECOND_OF_MINUTE, count, builder);
            case 'S' -> builder.appendFraction(ChronoField.NANO_OF_SECOND, count, count, false);
            case 'M' -> {
                if (count >= 3) {
                    builder.appendText(ChronoField.MONTH_OF_YEAR, count >= 4 ? TextStyle.FULL : TextStyle.SHORT);
                } else {
                    number(ChronoField.MONTH_OF_YEAR, count, builder);
                }
            }
            case 'E' -> builder.appendText(ChronoField.DAY_OF_WEEK, count >= 4 ? TextStyle.FULL : TextStyle.SHORT);
            case 'a' -> builder.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
            case 'G' -> builder.appendText(ChronoField.ERA, TextStyle.SHORT);
            case 'z' -> builder.appendZoneText(count >= 4 ? TextStyle.FULL : TextStyle.SHORT);
            case 'Z' -> {
                if (count >= 3) {
                    builder.appendZoneId();
                } else {
                    builder.appendOffset(count == 1 ? "+HHMM" : "+HH:MM", "Z");
                }
            }
            default -> throw new IllegalArgumentException("Pattern letter '" + c
                    + "' is not supported; quote literal text, as in 'year'=YYYY");
        }
    }

    /** Joda prints {@code yy} as two digits and otherwise at least {@code count} digits. */
    private static void year(TemporalField field, int count, DateTimeFormatterBuilder builder) {
        if (count == 2) {
            builder.appendValueReduced(field, 2, 2, 2000);
        } else {
            builder.appendValue(field, count, 19, SignStyle.NORMAL);
        }
    }

    private static void number(TemporalField field, int count, DateTimeFormatterBuilder builder) {
        builder.appendValue(field, Math.min(count, 19), 19, SignStyle.NOT_NEGATIVE);
    }
}
