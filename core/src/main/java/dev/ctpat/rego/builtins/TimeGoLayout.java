package dev.ctpat.rego.builtins;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Go's time layout language, in which a layout is the reference time {@code Mon Jan 2 15:04:05
 * MST 2006} written the way times should look ({@code "2006-01-02T15:04:05Z07:00"}): the named
 * layouts, the elements of a layout, and formatting by Go's {@code Time.Format} rules. OPA's time
 * builtins expose Go's formatting and parsing ({@link TimeGoParser}) directly, so both follow Go
 * rule for rule.
 */
final class TimeGoLayout {
  static final String RFC3339 = "2006-01-02T15:04:05Z07:00";
  static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";

  /** The Go layout constants that OPA accepts by name in place of a layout. */
  private static final Map<String, String> NAMED_LAYOUTS = Map.of(
      "ANSIC", "Mon Jan _2 15:04:05 2006",
      "UnixDate", "Mon Jan _2 15:04:05 MST 2006",
      "RubyDate", "Mon Jan 02 15:04:05 -0700 2006",
      "RFC822", "02 Jan 06 15:04 MST",
      "RFC822Z", "02 Jan 06 15:04 -0700",
      "RFC850", "Monday, 02-Jan-06 15:04:05 MST",
      "RFC1123", "Mon, 02 Jan 2006 15:04:05 MST",
      "RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700",
      "RFC3339", RFC3339,
      "RFC3339Nano", RFC3339_NANO);

  static final List<String> LONG_DAY_NAMES =
      List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday");
  static final List<String> SHORT_DAY_NAMES =
      List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat");
  static final List<String> LONG_MONTH_NAMES = List.of("January", "February", "March", "April",
      "May", "June", "July", "August", "September", "October", "November", "December");
  static final List<String> SHORT_MONTH_NAMES =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  private TimeGoLayout() {}

  /** The layout for a Go constant name such as {@code "RFC1123"}; other text is a layout. */
  static String resolve(String layout) {
    return NAMED_LAYOUTS.getOrDefault(layout, layout);
  }

  /** The English name of a weekday as Go prints it, Sunday being 0. */
  static String weekdayName(int sundayBased) {
    return LONG_DAY_NAMES.get(sundayBased);
  }

  /** The elements of a layout, as Go's {@code nextStdChunk} recognizes them. */
  enum Std {
    LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
    UNDER_YEAR_DAY, ZERO_YEAR_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND,
    ZERO_SECOND, LONG_YEAR, YEAR, PM, PM_LOWER, TZ, ISO8601_TZ, ISO8601_SECONDS_TZ,
    ISO8601_SHORT_TZ, ISO8601_COLON_TZ, ISO8601_COLON_SECONDS_TZ, NUM_TZ, NUM_SECONDS_TZ,
    NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ, FRAC_SECOND0, FRAC_SECOND9;

    boolean isIso8601Zone() {
      return this == ISO8601_TZ || this == ISO8601_SECONDS_TZ || this == ISO8601_SHORT_TZ
          || this == ISO8601_COLON_TZ || this == ISO8601_COLON_SECONDS_TZ;
    }

    boolean isNumericZone() {
      return isIso8601Zone() || this == NUM_TZ || this == NUM_SECONDS_TZ || this == NUM_SHORT_TZ
          || this == NUM_COLON_TZ || this == NUM_COLON_SECONDS_TZ;
    }

    boolean hasColon() {
      return this == ISO8601_COLON_TZ || this == NUM_COLON_TZ
          || this == ISO8601_COLON_SECONDS_TZ || this == NUM_COLON_SECONDS_TZ;
    }

    boolean hasSeconds() {
      return this == ISO8601_SECONDS_TZ || this == NUM_SECONDS_TZ
          || this == ISO8601_COLON_SECONDS_TZ || this == NUM_COLON_SECONDS_TZ;
    }

    boolean isShort() {
      return this == ISO8601_SHORT_TZ || this == NUM_SHORT_TZ;
    }
  }

  /** The elements "01" to "06", indexed by the second digit minus one. */
  private static final Std[] STD_0X =
      {Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE, Std.ZERO_SECOND, Std.YEAR};

  /**
   * A layout element at {@code [start, end)}; the text before {@code start} is literal. For
   * fractional seconds, {@code digits} and {@code separator} describe the element.
   */
  record Chunk(int start, int end, Std std, int digits, char separator) {
    static Chunk of(int start, int length, Std std) {
      return new Chunk(start, start + length, std, 0, '.');
    }
  }

  /** The first layout element at or after {@code from}, or {@code null} if only literal text. */
  static Chunk nextChunk(String l, int from) {
    for (int i = from; i < l.length(); i++) {
      char c = l.charAt(i);
      switch (c) {
        case 'J':
          if (l.startsWith("January", i)) {
            return Chunk.of(i, 7, Std.LONG_MONTH);
          }
          if (l.startsWith("Jan", i) && !startsWithLowerCase(l, i + 3)) {
            return Chunk.of(i, 3, Std.MONTH);
          }
          break;
        case 'M':
          if (l.startsWith("Monday", i)) {
            return Chunk.of(i, 6, Std.LONG_WEEKDAY);
          }
          if (l.startsWith("Mon", i) && !startsWithLowerCase(l, i + 3)) {
            return Chunk.of(i, 3, Std.WEEKDAY);
          }
          if (l.startsWith("MST", i)) {
            return Chunk.of(i, 3, Std.TZ);
          }
          break;
        case '0':
          if (i + 1 < l.length() && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') {
            return Chunk.of(i, 2, STD_0X[l.charAt(i + 1) - '1']);
          }
          if (l.startsWith("002", i)) {
            return Chunk.of(i, 3, Std.ZERO_YEAR_DAY);
          }
          break;
        case '1':
          return l.startsWith("15", i) ? Chunk.of(i, 2, Std.HOUR) : Chunk.of(i, 1, Std.NUM_MONTH);
        case '2':
          return l.startsWith("2006", i)
              ? Chunk.of(i, 4, Std.LONG_YEAR) : Chunk.of(i, 1, Std.DAY);
        case '_':
          if (l.startsWith("_2006", i)) {
            // A literal underscore followed by the long year.
            return Chunk.of(i + 1, 4, Std.LONG_YEAR);
          }
          if (l.startsWith("_2", i)) {
            return Chunk.of(i, 2, Std.UNDER_DAY);
          }
          if (l.startsWith("__2", i)) {
            return Chunk.of(i, 3, Std.UNDER_YEAR_DAY);
          }
          break;
        case '3':
          return Chunk.of(i, 1, Std.HOUR12);
        case '4':
          return Chunk.of(i, 1, Std.MINUTE);
        case '5':
          return Chunk.of(i, 1, Std.SECOND);
        case 'P':
          if (l.startsWith("PM", i)) {
            return Chunk.of(i, 2, Std.PM);
          }
          break;
        case 'p':
          if (l.startsWith("pm", i)) {
            return Chunk.of(i, 2, Std.PM_LOWER);
          }
          break;
        case '-':
        case 'Z':
          Chunk zone = zoneChunk(l, i);
          if (zone != null) {
            return zone;
          }
          break;
        case '.':
        case ',':
          Chunk fraction = fractionChunk(l, i);
          if (fraction != null) {
            return fraction;
          }
          break;
        default:
          break;
      }
    }
    return null;
  }

  private static Chunk zoneChunk(String l, int i) {
    boolean iso = l.charAt(i) == 'Z';
    String rest = l.substring(i + 1);
    if (rest.startsWith("070000")) {
      return Chunk.of(i, 7, iso ? Std.ISO8601_SECONDS_TZ : Std.NUM_SECONDS_TZ);
    }
    if (rest.startsWith("07:00:00")) {
      return Chunk.of(i, 9, iso ? Std.ISO8601_COLON_SECONDS_TZ : Std.NUM_COLON_SECONDS_TZ);
    }
    if (rest.startsWith("0700")) {
      return Chunk.of(i, 5, iso ? Std.ISO8601_TZ : Std.NUM_TZ);
    }
    if (rest.startsWith("07:00")) {
      return Chunk.of(i, 6, iso ? Std.ISO8601_COLON_TZ : Std.NUM_COLON_TZ);
    }
    if (rest.startsWith("07")) {
      return Chunk.of(i, 3, iso ? Std.ISO8601_SHORT_TZ : Std.NUM_SHORT_TZ);
    }
    return null;
  }

  /** ",000" or ".999" and the like; the run of digits must end the number. */
  private static Chunk fractionChunk(String l, int i) {
    if (i + 1 >= l.length() || (l.charAt(i + 1) != '0' && l.charAt(i + 1) != '9')) {
      return null;
    }
    char digit = l.charAt(i + 1);
    int j = i + 1;
    while (j < l.length() && l.charAt(j) == digit) {
      j++;
    }
    if (isDigit(l, j)) {
      return null;
    }
    Std std = digit == '0' ? Std.FRAC_SECOND0 : Std.FRAC_SECOND9;
    return new Chunk(i, j, std, j - (i + 1), l.charAt(i));
  }

  private static boolean startsWithLowerCase(String s, int i) {
    return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
  }

  static boolean isDigit(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  /**
   * Formats {@code t} by {@code layout} as Go's {@code Time.Format} does.
   *
   * @param zoneName the zone abbreviation printed for {@code MST}, or empty to print the offset
   */
  static String format(ZonedDateTime t, String zoneName, String layout) {
    StringBuilder b = new StringBuilder(layout.length() + 10);
    int pos = 0;
    while (pos < layout.length()) {
      Chunk chunk = nextChunk(layout, pos);
      if (chunk == null) {
        b.append(layout, pos, layout.length());
        break;
      }
      b.append(layout, pos, chunk.start());
      appendElement(b, t, zoneName, chunk);
      pos = chunk.end();
    }
    return b.toString();
  }

  private static void appendElement(StringBuilder b, ZonedDateTime t, String zoneName, Chunk c) {
    int hour = t.getHour();
    switch (c.std()) {
      case YEAR -> appendInt(b, Math.abs(t.getYear()) % 100, 2);
      case LONG_YEAR -> appendInt(b, t.getYear(), 4);
      case MONTH -> b.append(SHORT_MONTH_NAMES.get(t.getMonthValue() - 1));
      case LONG_MONTH -> b.append(LONG_MONTH_NAMES.get(t.getMonthValue() - 1));
      case NUM_MONTH -> appendInt(b, t.getMonthValue(), 0);
      case ZERO_MONTH -> appendInt(b, t.getMonthValue(), 2);
      case WEEKDAY -> b.append(SHORT_DAY_NAMES.get(t.getDayOfWeek().getValue() % 7));
      case LONG_WEEKDAY -> b.append(LONG_DAY_NAMES.get(t.getDayOfWeek().getValue() % 7));
      case DAY -> appendInt(b, t.getDayOfMonth(), 0);
      case UNDER_DAY -> {
        if (t.getDayOfMonth() < 10) {
          b.append(' ');
        }
        appendInt(b, t.getDayOfMonth(), 0);
      }
      case ZERO_DAY -> appendInt(b, t.getDayOfMonth(), 2);
      case UNDER_YEAR_DAY -> {
        int yday = t.getDayOfYear();
        b.append(yday < 10 ? "  " : yday < 100 ? " " : "");
        appendInt(b, yday, 0);
      }
      case ZERO_YEAR_DAY -> appendInt(b, t.getDayOfYear(), 3);
      case HOUR -> appendInt(b, hour, 2);
      case HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 0);
      case ZERO_HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 2);
      case MINUTE -> appendInt(b, t.getMinute(), 0);
      case ZERO_MINUTE -> appendInt(b, t.getMinute(), 2);
      case SECOND -> appendInt(b, t.getSecond(), 0);
      case ZERO_SECOND -> appendInt(b, t.getSecond(), 2);
      case PM -> b.append(hour >= 12 ? "PM" : "AM");
      case PM_LOWER -> b.append(hour >= 12 ? "pm" : "am");
      case TZ -> appendZoneName(b, zoneName, t.getOffset().getTotalSeconds());
      case FRAC_SECOND0, FRAC_SECOND9 -> appendNanos(b, t.getNano(), c);
      default -> appendNumericZone(b, t.getOffset().getTotalSeconds(), c.std());
    }
  }

  private static void appendNumericZone(StringBuilder b, int offset, Std std) {
    if (offset == 0 && std.isIso8601Zone()) {
      b.append('Z');
      return;
    }
    // Go divides with truncation, so offsets under a minute west of UTC print oddly; keep that.
    int zone = offset / 60;
    int absOffset = offset;
    if (zone < 0) {
      b.append('-');
      zone = -zone;
      absOffset = -absOffset;
    } else {
      b.append('+');
    }
    appendInt(b, zone / 60, 2);
    if (std.hasColon()) {
      b.append(':');
    }
    if (!std.isShort()) {
      appendInt(b, zone % 60, 2);
    }
    if (std.hasSeconds()) {
      if (std.hasColon()) {
        b.append(':');
      }
      appendInt(b, absOffset % 60, 2);
    }
  }

  private static void appendZoneName(StringBuilder b, String zoneName, int offset) {
    if (!zoneName.isEmpty()) {
      b.append(zoneName);
      return;
    }
    int zone = offset / 60;
    if (zone < 0) {
      b.append('-');
      zone = -zone;
    } else {
      b.append('+');
    }
    appendInt(b, zone / 60, 2);
    appendInt(b, zone % 60, 2);
  }

  private static void appendNanos(StringBuilder b, int nanos, Chunk c) {
    boolean trim = c.std() == Std.FRAC_SECOND9;
    if (trim && (c.digits() == 0 || nanos == 0)) {
      return;
    }
    int start = b.length();
    b.append(c.separator());
    appendInt(b, nanos, 9);
    if (c.digits() < 9) {
      b.setLength(b.length() - 9 + c.digits());
    }
    if (trim) {
      while (b.length() > start && b.charAt(b.length() - 1) == '0') {
        b.setLength(b.length() - 1);
      }
      if (b.length() > start && b.charAt(b.length() - 1) == c.separator()) {
        b.setLength(b.length() - 1);
      }
    }
  }

  /** Appends {@code x} in decimal, zero-padded to {@code width} digits after any sign. */
  private static void appendInt(StringBuilder b, long x, int width) {
    if (x < 0) {
      b.append('-');
    }
    String digits = Long.toString(Math.abs(x));
    b.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
  }

  /**
   * Go's {@code time.quote}: double quotes around the text, with quotes and backslashes escaped
   * and the UTF-8 bytes of control and non-ASCII characters written as {@code \xNN}.
   */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> {
      if (c >= 0x80 || c < ' ') {
        for (byte x : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          b.append(String.format("\\x%02x", x & 0xff));
        }
      } else {
        if (c == '"' || c == '\\') {
          b.append('\\');
        }
        b.append((char) c);
      }
    });
    return b.append('"').toString();
  }
}
