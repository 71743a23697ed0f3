package dev.ctpat.adapters.support;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates that Windows tools write in the exporting machine's culture, e.g. {@code Export-Csv}
 * in en-US ({@code 11/24/2026 8:12:45 AM}), en-GB ({@code 24/11/2026 08:12:45}) or de-DE
 * ({@code 24.11.2026 08:12:45}), plus ISO 8601. Whether a slashed date puts the month or the day
 * first is decided for a whole column ({@link #orderOf}): a 12-hour clock means en-US month
 * first, a first number above 12 means day first, a second number above 12 means month first.
 * A date that stays ambiguous is not guessed.
 */
public final class CultureDates {
  private static final Pattern DATE = Pattern.compile(
      "(\\d{1,4})([./-])(\\d{1,2})\\2(\\d{1,4})(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
          + "(?:[.,]\\d+)?(?:\\s*([AaPp])\\.?[Mm]\\.?)?)?");

  private CultureDates() {}

  /** The order of day and month in slashed dates. */
  public enum Order {
    MONTH_FIRST, DAY_FIRST, UNKNOWN
  }

  /** The order the slashed dates in {@code values} use; {@code UNKNOWN} when they do not say. */
  public static Order orderOf(Collection<String> values) {
    boolean monthFirst = false;
    boolean dayFirst = false;
    for (String value : values) {
      Matcher m = value == null ? null : DATE.matcher(value.strip());
      if (m == null || !m.matches() || !m.group(2).equals("/") || m.group(1).length() > 2) {
        continue;
      }
      int first = Integer.parseInt(m.group(1));
      int second = Integer.parseInt(m.group(3));
      monthFirst |= m.group(8) != null || second > 12;
      dayFirst |= first > 12;
    }
    if (monthFirst == dayFirst) {
      return Order.UNKNOWN;
    }
    return monthFirst ? Order.MONTH_FIRST : Order.DAY_FIRST;
  }

  /**
   * The wall-clock date and time of {@code text} (midnight when there is no time); {@code null}
   * when it is not a date, is not a valid one, or is a slashed date whose order is ambiguous.
   */
  public static LocalDateTime parse(String text, Order order) {
    if (text == null) {
      return null;
    }
    Matcher m = DATE.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(3));
    int c = Integer.parseInt(m.group(4));
    int year;
    int month;
    int day;
    if (m.group(1).length() == 4) {
      year = a;
      month = b;
      day = c;
    } else if (m.group(4).length() != 4) {
      return null;
    } else if (m.group(2).equals(".") || m.group(2).equals("-")) {
      year = c;
      month = b;
      day = a;
    } else {
      boolean monthFirst = monthFirst(a, b, m.group(8) != null, order);
      if (a != b && !monthFirst && !dayFirst(a, b, order)) {
        return null;
      }
      year = c;
      month = monthFirst ? a : b;
      day = monthFirst ? b : a;
    }
    try {
      return LocalDateTime.of(year, month, day, hour(m), minute(m), second(m));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean monthFirst(int a, int b, boolean twelveHour, Order order) {
    return twelveHour || b > 12 || order == Order.MONTH_FIRST && a <= 12;
  }

  private static boolean dayFirst(int a, int b, Order order) {
    return a > 12 || order == Order.DAY_FIRST && b <= 12;
  }

  private static int hour(Matcher m) {
    if (m.group(5) == null) {
      return 0;
    }
    int hour = Integer.parseInt(m.group(5));
    if (m.group(8) == null) {
      return hour;
    }
    boolean pm = m.group(8).toLowerCase(Locale.ROOT).equals("p");
    return hour % 12 + (pm ? 12 : 0);
  }

  private static int minute(Matcher m) {
    return m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
  }

  private static int second(Matcher m) {
    return m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
  }
}
