package dev.ctpat.rego.builtins;

import java.util.Map;

/**
 * Go's {@code time.ParseDuration}: a possibly signed sequence of decimal numbers, each with an
 * optional fraction and a unit ({@code "300ms"}, {@code "-1.5h"}, {@code "2h45m"}), giving
 * nanoseconds. It keeps Go's unsigned 64-bit overflow rules, its float rounding of fractions, and
 * its error messages.
 */
final class TimeGoDuration {
  private static final long NANOSECOND = 1;
  private static final long MICROSECOND = 1000 * NANOSECOND;
  private static final long MILLISECOND = 1000 * MICROSECOND;
  private static final long SECOND = 1000 * MILLISECOND;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;

  private static final Map<String, Long> UNITS = Map.of(
      "ns", NANOSECOND,
      "us", MICROSECOND,
      "\u00b5s", MICROSECOND, // micro sign
      "\u03bcs", MICROSECOND, // Greek small letter mu
      "ms", MILLISECOND,
      "s", SECOND,
      "m", MINUTE,
      "h", HOUR);

  /** 1 << 63 as an unsigned 64-bit number. */
  private static final long TWO_POW_63 = Long.MIN_VALUE;

  private TimeGoDuration() {}

  /**
   * Parses a duration.
   *
   * @return the duration in nanoseconds
   * @throws BuiltinException with Go's message for malformed or overflowing durations
   */
  static long parse(String original) throws BuiltinException {
    String s = original;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(original);
    }
    long total = 0; // unsigned
    while (!s.isEmpty()) {
      char c = s.charAt(0);
      if (c != '.' && !isDigit(c)) {
        throw invalid(original);
      }
      int intEnd = digitsEnd(s, 0);
      long whole = unsignedInteger(s, intEnd, original);
      s = s.substring(intEnd);
      boolean fractionDigits = false;
      long fraction = 0;
      double scale = 1;
      if (!s.isEmpty() && s.charAt(0) == '.') {
        int fracEnd = digitsEnd(s, 1);
        fractionDigits = fracEnd > 1;
        // Digits beyond 63 bits of precision are dropped, as in Go.
        for (int i = 1; i < fracEnd; i++) {
          long next = fraction * 10 + (s.charAt(i) - '0');
          if (Long.compareUnsigned(fraction, Long.MAX_VALUE / 10) > 0
              || Long.compareUnsigned(next, TWO_POW_63) > 0) {
            break;
          }
          fraction = next;
          scale *= 10;
        }
        s = s.substring(fracEnd);
      }
      if (intEnd == 0 && !fractionDigits) {
        throw invalid(original);
      }
      int unitEnd = 0;
      while (unitEnd < s.length() && s.charAt(unitEnd) != '.' && !isDigit(s.charAt(unitEnd))) {
        unitEnd++;
      }
      if (unitEnd == 0) {
        throw BuiltinException.error("time: missing unit in duration " + quote(original));
      }
      String unitName = s.substring(0, unitEnd);
      s = s.substring(unitEnd);
      Long unit = UNITS.get(unitName);
      if (unit == null) {
        throw BuiltinException.error(
            "time: unknown unit " + quote(unitName) + " in duration " + quote(original));
      }
      if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_POW_63, unit)) > 0) {
        throw invalid(original);
      }
      long v = whole * unit;
      if (fraction != 0) {
        // Go uses float64 here so that fractions of hours stay nanosecond accurate.
        v += (long) (unsignedToDouble(fraction) * ((double) unit / scale));
        if (Long.compareUnsigned(v, TWO_POW_63) > 0) {
          throw invalid(original);
        }
      }
      total += v;
      if (Long.compareUnsigned(total, TWO_POW_63) > 0) {
        throw invalid(original);
      }
    }
    if (negative) {
      return -total;
    }
    if (total < 0) {
      throw invalid(original);
    }
    return total;
  }

  /** The leading digits of {@code s[0:end]} as an unsigned number no larger than 2^63. */
  private static long unsignedInteger(String s, int end, String original)
      throws BuiltinException {
    long x = 0;
    for (int i = 0; i < end; i++) {
      if (Long.compareUnsigned(x, Long.divideUnsigned(TWO_POW_63, 10)) > 0) {
        throw invalid(original);
      }
      x = x * 10 + (s.charAt(i) - '0');
      if (Long.compareUnsigned(x, TWO_POW_63) > 0) {
        throw invalid(original);
      }
    }
    return x;
  }

  private static double unsignedToDouble(long x) {
    return x >= 0 ? x : ((x >>> 1) | (x & 1)) * 2.0;
  }

  private static int digitsEnd(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static BuiltinException invalid(String original) {
    return BuiltinException.error("time: invalid duration " + quote(original));
  }

  private static String quote(String s) {
    return TimeGoLayout.quote(s);
  }
}
