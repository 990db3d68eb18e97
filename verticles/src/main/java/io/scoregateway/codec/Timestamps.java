package io.scoregateway.codec;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Timestamps as the API takes them: RFC 3339 date-times with a four-digit year and an offset
 * ({@code Z} or {@code ±hh:mm}). {@link Instant#parse} alone also takes years such as {@code
 * +99999} and {@code -0001}, which no flight or play has.
 */
public final class Timestamps {
  private static final Pattern RFC_3339 =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

  private Timestamps() {}

  /**
   * The instant {@code value} names, else an {@link InvalidInput} naming {@code field}.
   *
   * @param value the field's JSON value
   * @param field the field's name, for the answer
   * @param example a timestamp to show in the answer
   */
  public static Instant parse(Object value, String field, String example) {
    if (!(value instanceof String s)) {
      throw new InvalidInput(field, "is required as an RFC 3339 timestamp");
    }
    if (RFC_3339.matcher(s).matches()) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        // a month 13, a 25th hour: answered below
      }
    }
    throw new InvalidInput(field, "invalid timestamp (expected e.g. " + example + ")");
  }
}
