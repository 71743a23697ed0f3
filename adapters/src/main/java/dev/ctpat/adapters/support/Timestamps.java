package dev.ctpat.adapters.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamp spellings of the tools we read. All results are truncated to whole seconds, the
 * precision of the normalized document. A time without an offset is taken as UTC: the exports
 * that write one (borg, PowerShell 7) do not say their zone, and an error of a few hours does not
 * change an age counted in days.
 */
public final class Timestamps {
  private Timestamps() {}

  /** {@code Sun Nov 22 09:37:41 2026} or with a zone before the year, as C's ctime writes it. */
  private static final Pattern CTIME = Pattern.compile(
      "(?:\\p{L}{2,4}\\.?\\s+)?(\\p{L}{3,4})\\.?\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})"
          + "(?:\\s+([+-]\\d{4}|UTC|GMT))?\\s+(\\d{4})");

  /** Month abbreviations in English and German, the locales admins run these tools in. */
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("mär", 3),
      Map.entry("mrz", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("mai", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9),
      Map.entry("oct", 10), Map.entry("okt", 10), Map.entry("nov", 11), Map.entry("dec", 12),
      Map.entry("dez", 12));

  private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .appendOffset("+HHMM", "Z")
      .toFormatter(Locale.ROOT);

  /**
   * An ISO 8601 / RFC 3339 timestamp: with an offset or {@code Z}, with {@code +hhmm}, without
   * an offset (read as UTC), with a space instead of {@code T}, or a bare date (its start in
   * UTC); {@code null} when the text is none of these.
   */
  public static Instant iso(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      // try the other spellings
    }
    try {
      return OffsetDateTime.parse(t, OFFSET_WITHOUT_COLON).toInstant()
          .truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      // try the other spellings
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      // try the other spellings
    }
    try {
      return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Seconds since the Unix epoch; {@code null} for text that is not such a number. */
  public static Instant epochSeconds(String text) {
    if (text == null || !text.strip().matches("\\d{1,12}")) {
      return null;
    }
    return Instant.ofEpochSecond(Long.parseLong(text.strip()));
  }

  /**
   * The first ctime-style timestamp in {@code text} ({@code Sun Nov 22 09:37:41 2026},
   * {@code Sun Nov  2 09:37:41 2026 UTC}, {@code Tue Nov 24 08:12:45 +0100 2026}): with a
   * numeric offset the instant it names, without one the wall-clock time read as UTC;
   * {@code null} when there is none or its month is not English or German.
   */
  public static Instant ctime(String text) {
    Matcher m = CTIME.matcher(text);
    if (!m.find()) {
      return null;
    }
    Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
    if (month == null) {
      return null;
    }
    try {
      LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(7)), month,
          Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
      String zone = m.group(6);
      ZoneOffset offset = zone == null || !zone.matches("[+-]\\d{4}")
          ? ZoneOffset.UTC : ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3));
      return local.toInstant(offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Whole days from {@code from} to {@code to}, never negative; {@code null} if either is. */
  public static Integer ageDays(LocalDate from, LocalDate to) {
    if (from == null || to == null) {
      return null;
    }
    return (int) Math.max(0, ChronoUnit.DAYS.between(from, to));
  }

  /** The UTC date of {@code instant}, or {@code null}. */
  public static LocalDate utcDate(Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
