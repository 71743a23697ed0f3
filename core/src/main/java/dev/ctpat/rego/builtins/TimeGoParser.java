package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.TimeGoLayout.LONG_DAY_NAMES;
import static dev.ctpat.rego.builtins.TimeGoLayout.LONG_MONTH_NAMES;
import static dev.ctpat.rego.builtins.TimeGoLayout.SHORT_DAY_NAMES;
import static dev.ctpat.rego.builtins.TimeGoLayout.SHORT_MONTH_NAMES;
import static dev.ctpat.rego.builtins.TimeGoLayout.isDigit;
import static dev.ctpat.rego.builtins.TimeGoLayout.nextChunk;
import static dev.ctpat.rego.builtins.TimeGoLayout.quote;

import dev.ctpat.rego.builtins.TimeGoLayout.Chunk;
import dev.ctpat.rego.builtins.TimeGoLayout.Std;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Go's {@code time.Parse}: reads a time by a layout of {@link TimeGoLayout}, element by element,
 * with Go's leniencies (fractional seconds the layout does not mention, runs of spaces, month
 * names in any case) and Go's error messages, which OPA passes on to users.
 */
final class TimeGoParser {
  /** Days before each month (and before a 13th) in a non-leap year. */
  private static final int[] DAYS_BEFORE =
      {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

  /**
   * Parses {@code value} by {@code layout} as Go's {@code time.Parse} does with the UTC local
   * zone: a numeric offset shifts the instant, while a zone abbreviation other than {@code UTC}
   * only names it (Go cannot know its offset without a matching local zone).
   *
   * @throws BuiltinException with Go's message when the value does not match the layout
   */
  static Instant parse(String layout, String value) throws BuiltinException {
    return new TimeGoParser(layout, value).run();
  }

  // The state of one parse, mirroring the variables of Go's time.parse.
  private final String layout;
  private final String value;
  private String rest;
  private int year;
  private int month = -1;
  private int day = -1;
  private int yday = -1;
  private int hour;
  private int minute;
  private int second;
  private int nanos;
  private boolean utc;
  /** Go uses -1 for "no offset seen", so an offset of exactly -1s is ignored, as in Go. */
  private int zoneOffset = -1;
  private boolean amSet;
  private boolean pmSet;
  private String rangeError = "";

  private TimeGoParser(String layout, String value) {
    this.layout = layout;
    this.value = value;
    this.rest = value;
  }

  private Instant run() throws BuiltinException {
    int pos = 0;
    while (true) {
      Chunk chunk = nextChunk(layout, pos);
      String prefix = layout.substring(pos, chunk == null ? layout.length() : chunk.start());
      if (!skip(prefix)) {
        throw error(prefix, rest, "");
      }
      if (chunk == null) {
        if (!rest.isEmpty()) {
          throw error("", rest, ": extra text: " + quote(rest));
        }
        break;
      }
      pos = chunk.end();
      String hold = rest;
      boolean ok = element(chunk, pos);
      String layoutElem = layout.substring(chunk.start(), chunk.end());
      if (!rangeError.isEmpty()) {
        throw error(layoutElem, rest, ": " + rangeError + " out of range");
      }
      if (!ok) {
        throw error(layoutElem, hold, "");
      }
    }
    return toInstant();
  }

  /** Consumes literal layout text; runs of spaces match runs of spaces. */
  private boolean skip(String prefix) {
    while (!prefix.isEmpty()) {
      if (prefix.charAt(0) == ' ') {
        if (!rest.isEmpty() && rest.charAt(0) != ' ') {
          return false;
        }
        prefix = stripLeadingSpaces(prefix);
        rest = stripLeadingSpaces(rest);
        continue;
      }
      if (rest.isEmpty() || rest.charAt(0) != prefix.charAt(0)) {
        return false;
      }
      prefix = prefix.substring(1);
      rest = rest.substring(1);
    }
    return true;
  }

  /** Parses one element; false is Go's {@code errBad}. Range problems set rangeError. */
  private boolean element(Chunk chunk, int layoutPos) {
    switch (chunk.std()) {
      case YEAR -> {
        Integer y = rest.length() < 2 ? null : atoi(take(2));
        if (y == null) {
          return false;
        }
        year = y >= 69 ? y + 1900 : y + 2000;
      }
      case LONG_YEAR -> {
        Integer y = rest.length() < 4 || !isDigit(rest, 0) ? null : atoi(take(4));
        if (y == null) {
          return false;
        }
        year = y;
      }
      case MONTH, LONG_MONTH -> {
        int m = lookup(chunk.std() == Std.MONTH ? SHORT_MONTH_NAMES : LONG_MONTH_NAMES);
        if (m < 0) {
          return false;
        }
        month = m + 1;
      }
      case NUM_MONTH, ZERO_MONTH -> {
        month = getnum(chunk.std() == Std.ZERO_MONTH);
        if (month < 0) {
          return false;
        }
        if (month == 0 || month > 12) {
          rangeError = "month";
        }
      }
      case WEEKDAY, LONG_WEEKDAY -> {
        // Checked for syntax only, as in Go.
        return lookup(chunk.std() == Std.WEEKDAY ? SHORT_DAY_NAMES : LONG_DAY_NAMES) >= 0;
      }
      case DAY, UNDER_DAY, ZERO_DAY -> {
        if (chunk.std() == Std.UNDER_DAY && rest.startsWith(" ")) {
          rest = rest.substring(1);
        }
        day = getnum(chunk.std() == Std.ZERO_DAY);
        return day >= 0;
      }
      case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
        for (int i = 0; i < 2 && chunk.std() == Std.UNDER_YEAR_DAY; i++) {
          if (rest.startsWith(" ")) {
            rest = rest.substring(1);
          }
        }
        yday = getnum3(chunk.std() == Std.ZERO_YEAR_DAY);
        return yday >= 0;
      }
      case HOUR -> {
        return clockField(getnum(false), 24, "hour", v -> hour = v);
      }
      case HOUR12, ZERO_HOUR12 -> {
        return clockField(getnum(chunk.std() == Std.ZERO_HOUR12), 13, "hour", v -> hour = v);
      }
      case MINUTE, ZERO_MINUTE -> {
        return clockField(getnum(chunk.std() == Std.ZERO_MINUTE), 60, "minute",
            v -> minute = v);
      }
      case SECOND, ZERO_SECOND -> {
        return seconds(chunk.std() == Std.ZERO_SECOND, layoutPos);
      }
      case PM, PM_LOWER -> {
        return meridiem(chunk.std() == Std.PM ? "AM" : "am", chunk.std() == Std.PM ? "PM" : "pm");
      }
      case TZ -> {
        return zoneName();
      }
      case FRAC_SECOND0 -> {
        int n = 1 + chunk.digits();
        if (rest.length() < n) {
          return false;
        }
        return fraction(n);
      }
      case FRAC_SECOND9 -> {
        if (rest.length() < 2 || !isSeparator(rest.charAt(0)) || !isDigit(rest, 1)) {
          return true;
        }
        int i = 1;
        while (isDigit(rest, i + 1)) {
          i++;
        }
        return fraction(1 + i);
      }
      default -> {
        return numericZone(chunk.std());
      }
    }
    return true;
  }

  private boolean clockField(int v, int limit, String name, IntConsumer set) {
    if (v < 0) {
      return false;
    }
    set.accept(v);
    if (v >= limit) {
      rangeError = name;
    }
    return true;
  }

  private boolean seconds(boolean fixed, int layoutPos) {
    second = getnum(fixed);
    if (second < 0) {
      return false;
    }
    if (second >= 60) {
      rangeError = "second";
      return true;
    }
    // A fractional second in the value but not in the layout is accepted after seconds.
    if (rest.length() >= 2 && isSeparator(rest.charAt(0)) && isDigit(rest, 1)) {
      Chunk next = nextChunk(layout, layoutPos);
      if (next != null
          && (next.std() == Std.FRAC_SECOND0 || next.std() == Std.FRAC_SECOND9)) {
        return true;
      }
      int n = 2;
      while (isDigit(rest, n)) {
        n++;
      }
      return fraction(n);
    }
    return true;
  }

  private boolean meridiem(String am, String pm) {
    if (rest.length() < 2) {
      return false;
    }
    String p = take(2);
    if (p.equals(pm)) {
      pmSet = true;
    } else if (p.equals(am)) {
      amSet = true;
    } else {
      return false;
    }
    return true;
  }

  private boolean numericZone(Std std) {
    if (std.isIso8601Zone() && rest.startsWith("Z")) {
      rest = rest.substring(1);
      utc = true;
      return true;
    }
    String sign;
    String hh;
    String mm = "00";
    String ss = "00";
    if (std == Std.ISO8601_COLON_TZ || std == Std.NUM_COLON_TZ) {
      if (rest.length() < 6 || rest.charAt(3) != ':') {
        return false;
      }
      sign = rest.substring(0, 1);
      hh = rest.substring(1, 3);
      mm = rest.substring(4, 6);
      rest = rest.substring(6);
    } else if (std.isShort()) {
      if (rest.length() < 3) {
        return false;
      }
      sign = rest.substring(0, 1);
      hh = rest.substring(1, 3);
      rest = rest.substring(3);
    } else if (std == Std.ISO8601_COLON_SECONDS_TZ || std == Std.NUM_COLON_SECONDS_TZ) {
      if (rest.length() < 9 || rest.charAt(3) != ':' || rest.charAt(6) != ':') {
        return false;
      }
      sign = rest.substring(0, 1);
      hh = rest.substring(1, 3);
      mm = rest.substring(4, 6);
      ss = rest.substring(7, 9);
      rest = rest.substring(9);
    } else if (std.hasSeconds()) {
      if (rest.length() < 7) {
        return false;
      }
      sign = rest.substring(0, 1);
      hh = rest.substring(1, 3);
      mm = rest.substring(3, 5);
      ss = rest.substring(5, 7);
      rest = rest.substring(7);
    } else {
      if (rest.length() < 5) {
        return false;
      }
      sign = rest.substring(0, 1);
      hh = rest.substring(1, 3);
      mm = rest.substring(3, 5);
      rest = rest.substring(5);
    }
    int h = fixedTwoDigits(hh);
    int m = h < 0 ? 0 : fixedTwoDigits(mm);
    int s = h < 0 || m < 0 ? 0 : fixedTwoDigits(ss);
    boolean ok = h >= 0 && m >= 0 && s >= 0;
    // Go compares with > rather than >=: people do write offsets of 24 hours or 60 minutes.
    if (h > 24) {
      rangeError = "time zone offset hour";
    }
    if (m > 60) {
      rangeError = "time zone offset minute";
    }
    if (s > 60) {
      rangeError = "time zone offset second";
    }
    zoneOffset = ((Math.max(h, 0) * 60) + Math.max(m, 0)) * 60 + Math.max(s, 0);
    switch (sign.charAt(0)) {
      case '+' -> { }
      case '-' -> zoneOffset = -zoneOffset;
      default -> ok = false;
    }
    return ok;
  }

  /** A zone abbreviation. Only "UTC" fixes the offset; others leave the time in UTC. */
  private boolean zoneName() {
    if (rest.startsWith("UTC")) {
      utc = true;
      rest = rest.substring(3);
      return true;
    }
    int n = zoneNameLength(rest);
    if (n <= 0) {
      return false;
    }
    rest = rest.substring(n);
    return true;
  }

  private boolean fraction(int n) {
    String digits = rest;
    rest = rest.substring(n);
    if (!isSeparator(digits.charAt(0))) {
      return false;
    }
    int length = Math.min(n, 10);
    Integer ns = atoi(digits.substring(1, length));
    if (ns == null) {
      return false;
    }
    if (ns < 0) {
      rangeError = "fractional second";
      return true;
    }
    long scaled = ns;
    for (int i = length; i < 10; i++) {
      scaled *= 10;
    }
    nanos = (int) scaled;
    return true;
  }

  private int lookup(List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (rest.length() >= name.length() && equalsIgnoreAsciiCase(rest, name)) {
        rest = rest.substring(name.length());
        return i;
      }
    }
    return -1;
  }

  /** One or two digits (exactly two if {@code fixed}); -1 if there are none. */
  private int getnum(boolean fixed) {
    if (!isDigit(rest, 0)) {
      return -1;
    }
    if (!isDigit(rest, 1)) {
      if (fixed) {
        return -1;
      }
      return take(1).charAt(0) - '0';
    }
    return Integer.parseInt(take(2));
  }

  /** One to three digits (exactly three if {@code fixed}); -1 if that does not fit. */
  private int getnum3(boolean fixed) {
    int i = 0;
    while (i < 3 && isDigit(rest, i)) {
      i++;
    }
    if (i == 0 || (fixed && i != 3)) {
      return -1;
    }
    return Integer.parseInt(take(i));
  }

  private String take(int n) {
    String head = rest.substring(0, n);
    rest = rest.substring(n);
    return head;
  }

  private Instant toInstant() throws BuiltinException {
    if (pmSet && hour < 12) {
      hour += 12;
    } else if (amSet && hour == 12) {
      hour = 0;
    }
    if (yday >= 0) {
      applyYearDay();
    } else {
      month = month < 0 ? 1 : month;
      day = day < 0 ? 1 : day;
    }
    if (day < 1 || day > daysIn(month, year)) {
      throw error("", rest, ": day out of range");
    }
    long seconds = LocalDateTime.of(year, month, day, hour, minute, second)
        .toEpochSecond(ZoneOffset.UTC);
    if (!utc && zoneOffset != -1) {
      seconds -= zoneOffset;
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private void applyYearDay() throws BuiltinException {
    int d = 0;
    int m = 0;
    if (Year.isLeap(year)) {
      if (yday == 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) {
        yday--;
      }
    }
    if (yday < 1 || yday > 365) {
      throw error("", rest, ": day-of-year out of range");
    }
    if (m == 0) {
      m = (yday - 1) / 31 + 1;
      if (DAYS_BEFORE[m] < yday) {
        m++;
      }
      d = yday - DAYS_BEFORE[m - 1];
    }
    if (month >= 0 && month != m) {
      throw error("", rest, ": day-of-year does not match month");
    }
    month = m;
    if (day >= 0 && day != d) {
      throw error("", rest, ": day-of-year does not match day");
    }
    day = d;
  }

  private BuiltinException error(String layoutElem, String valueElem, String message) {
    if (message.isEmpty()) {
      return BuiltinException.error("parsing time " + quote(value) + " as " + quote(layout)
          + ": cannot parse " + quote(valueElem) + " as " + quote(layoutElem));
    }
    return BuiltinException.error("parsing time " + quote(value) + message);
  }

  private static int daysIn(int month, int year) {
    if (month == 2 && Year.isLeap(year)) {
      return 29;
    }
    return DAYS_BEFORE[month] - DAYS_BEFORE[month - 1];
  }

  private static boolean isSeparator(char c) {
    return c == '.' || c == ',';
  }

  private static String stripLeadingSpaces(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return s.substring(i);
  }

  /** Go's {@code match}: ASCII letters compare without case, everything else exactly. */
  private static boolean equalsIgnoreAsciiCase(String value, String name) {
    for (int i = 0; i < name.length(); i++) {
      char c1 = value.charAt(i);
      char c2 = name.charAt(i);
      if (c1 != c2) {
        c1 |= 'a' - 'A';
        c2 |= 'a' - 'A';
        if (c1 != c2 || c1 < 'a' || c1 > 'z') {
          return false;
        }
      }
    }
    return true;
  }

  /** Exactly two digits, or -1. */
  private static int fixedTwoDigits(String s) {
    return isDigit(s, 0) && isDigit(s, 1) ? Integer.parseInt(s.substring(0, 2)) : -1;
  }

  /**
   * Go's {@code atoi} in package time: an optional sign and then only digits (possibly none);
   * {@code null} when that does not hold or the number is too large.
   */
  private static Integer atoi(String s) {
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    long x = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s, i) || x > Integer.MAX_VALUE) {
        return null;
      }
      x = x * 10 + (s.charAt(i) - '0');
    }
    if (x > Integer.MAX_VALUE) {
      return null;
    }
    return (int) (negative ? -x : x);
  }

  /**
   * The length of a zone abbreviation at the start of {@code value} by Go's heuristics (three
   * upper-case letters, four or five ending in T, a few special cases, GMT with an hour offset,
   * or a bare signed hour offset), or 0 if there is none.
   */
  private static int zoneNameLength(String value) {
    if (value.length() < 3) {
      return 0;
    }
    if (value.startsWith("ChST") || value.startsWith("MeST")) {
      return 4;
    }
    if (value.startsWith("GMT")) {
      return 3 + (value.length() > 3 ? signedOffsetLength(value.substring(3)) : 0);
    }
    if (value.charAt(0) == '+' || value.charAt(0) == '-') {
      return signedOffsetLength(value);
    }
    int upper = 0;
    while (upper < 6 && upper < value.length()
        && value.charAt(upper) >= 'A' && value.charAt(upper) <= 'Z') {
      upper++;
    }
    return switch (upper) {
      case 3 -> 3;
      case 4 -> value.charAt(3) == 'T' || value.startsWith("WITA") ? 4 : 0;
      case 5 -> value.charAt(4) == 'T' ? 5 : 0;
      default -> 0;
    };
  }

  /** The length of a sign and an hour from 0 to 23 at the start of {@code value}, or 0. */
  private static int signedOffsetLength(String value) {
    if (value.charAt(0) != '+' && value.charAt(0) != '-') {
      return 0;
    }
    int end = 1;
    long x = 0;
    while (isDigit(value, end)) {
      x = Math.min(x * 10 + (value.charAt(end) - '0'), 1000);
      end++;
    }
    return end == 1 || x > 23 ? 0 : end;
  }

}
