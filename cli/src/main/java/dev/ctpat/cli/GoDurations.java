package dev.ctpat.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Durations written the way OPA's command line writes them ({@code 850µs}, {@code 1.2ms},
 * {@code 1m30s}), so that output and options read the same as {@code opa}'s.
 */
final class GoDurations {
  private static final long MICRO = 1_000L;
  private static final long MILLI = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;

  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

  private GoDurations() {}

  /** Formats as Go's {@code time.Duration.String()}: {@code 0s}, {@code 15ns}, {@code 1.5ms}. */
  static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    if (nanos < MICRO) {
      return nanos + "ns";
    }
    if (nanos < MILLI) {
      return decimal(nanos, MICRO) + "µs";
    }
    if (nanos < SECOND) {
      return decimal(nanos, MILLI) + "ms";
    }
    StringBuilder sb = new StringBuilder();
    if (nanos >= HOUR) {
      sb.append(nanos / HOUR).append('h');
    }
    if (nanos >= MINUTE) {
      sb.append(nanos % HOUR / MINUTE).append('m');
    }
    return sb.append(decimal(nanos % MINUTE, SECOND)).append('s').toString();
  }

  /** {@code value / unit} with the fraction's trailing zeros dropped. */
  private static String decimal(long value, long unit) {
    return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit))
        .stripTrailingZeros().toPlainString();
  }

  /**
   * Parses Go's duration syntax: a sequence of decimal numbers with units {@code ns},
   * {@code us}/{@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}, such as {@code 500ms} or
   * {@code 1m30s}.
   *
   * @throws IllegalArgumentException if the text is not such a duration
   */
  static Duration parse(String text) {
    Matcher m = PART.matcher(text);
    BigDecimal nanos = BigDecimal.ZERO;
    int pos = 0;
    while (pos < text.length() && m.find(pos) && m.start() == pos) {
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit(m.group(2)))));
      pos = m.end();
    }
    if (text.isEmpty() || pos != text.length()) {
      throw new IllegalArgumentException(
          "invalid duration " + text + " (write it like 500ms, 10s or 1m30s)");
    }
    return Duration.ofNanos(nanos.longValue());
  }

  private static long unit(String name) {
    return switch (name) {
      case "ns" -> 1;
      case "us", "µs" -> MICRO;
      case "ms" -> MILLI;
      case "s" -> SECOND;
      case "m" -> MINUTE;
      default -> HOUR;
    };
  }

  /** Lets picocli options take Go-style durations. */
  static final class Converter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
