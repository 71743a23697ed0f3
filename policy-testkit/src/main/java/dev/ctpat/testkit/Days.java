package dev.ctpat.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * Whole-day ages of the dates ({@code YYYY-MM-DD}) and timestamps (RFC 3339) of a document,
 * counted as the pack counts them: by UTC calendar day, back from the as-of day.
 */
final class Days {
  private Days() {}

  /** How many days before {@code asOf} the date or timestamp lies; empty when it is neither. */
  static OptionalLong age(JsonNode value, LocalDate asOf) {
    if (asOf == null || !value.isTextual()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(ChronoUnit.DAYS.between(day(value.asText()), asOf));
    } catch (DateTimeParseException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * A date or timestamp of the same form as {@code value}, {@code age} days before
   * {@code asOf}; a timestamp keeps its UTC time of day.
   */
  static TextNode withAge(JsonNode value, LocalDate asOf, long age) {
    LocalDate day = asOf.minusDays(age);
    String text = value.asText();
    if (text.length() <= 10) {
      return TextNode.valueOf(day.toString());
    }
    OffsetDateTime time = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
    return TextNode.valueOf(day.atTime(time.toLocalTime()).toInstant(ZoneOffset.UTC).toString());
  }

  /** The date {@code days} days after the date {@code value}. */
  static TextNode plus(JsonNode value, long days) {
    return TextNode.valueOf(day(value.asText()).plusDays(days).toString());
  }

  private static LocalDate day(String text) {
    return text.length() <= 10 ? LocalDate.parse(text)
        : OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
  }
}
