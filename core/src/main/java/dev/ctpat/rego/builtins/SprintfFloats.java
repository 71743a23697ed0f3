package dev.ctpat.rego.builtins;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat} for float64, which {@code sprintf}'s float verbs build on.
 *
 * <p>Decimal formats work from the exact binary value: a given precision rounds it half to even
 * (as Go's decimal rounding does), and precision -1 picks the shortest digits that parse back to
 * the same double, the nearest such when two qualify.
 */
final class SprintfFloats {
  private static final int MANTISSA_BITS = 52;
  private static final int EXPONENT_BIAS = -1023;
  private static final String LOWER_HEX = "0123456789abcdef";
  private static final String UPPER_HEX = "0123456789ABCDEF";

  private SprintfFloats() {}

  /**
   * The digits of a non-negative decimal, {@code 0.DIGITS × 10^dp}, without trailing zeros; zero
   * has no digits.
   */
  private record Digits(String digits, int dp) {
    static final Digits ZERO = new Digits("", 0);

    static Digits of(BigDecimal value) {
      if (value.signum() == 0) {
        return ZERO;
      }
      BigDecimal stripped = value.stripTrailingZeros();
      String digits = stripped.unscaledValue().toString();
      return new Digits(digits, digits.length() - stripped.scale());
    }

    int nd() {
      return digits.length();
    }

    char at(int i) {
      return digits.charAt(i);
    }
  }

  /**
   * Formats {@code v} in {@code fmt} ('b', 'e', 'E', 'f', 'g', 'G', 'x' or 'X') with precision
   * {@code prec}, -1 meaning "as few digits as round-trip". The value must be finite.
   */
  static String format(double v, char fmt, int prec) {
    long bits = Double.doubleToRawLongBits(v);
    boolean neg = bits < 0;
    int exp = (int) ((bits >>> MANTISSA_BITS) & 0x7FF);
    long mant = bits & ((1L << MANTISSA_BITS) - 1);
    if (exp == 0) {
      exp++; // subnormal
    } else {
      mant |= 1L << MANTISSA_BITS;
    }
    exp += EXPONENT_BIAS;
    if (fmt == 'b') {
      return formatBinary(neg, mant, exp);
    }
    if (fmt == 'x' || fmt == 'X') {
      return formatHex(prec, fmt, neg, mant, exp);
    }
    BigDecimal exact = new BigDecimal(Math.abs(v));
    boolean shortest = prec < 0;
    Digits digits;
    if (shortest) {
      digits = shortest(exact, Math.abs(v));
      prec = switch (fmt) {
        case 'e', 'E' -> Math.max(digits.nd() - 1, 0);
        case 'f' -> Math.max(digits.nd() - digits.dp(), 0);
        default -> digits.nd();
      };
    } else {
      switch (fmt) {
        case 'e', 'E' -> digits = significant(exact, prec + 1);
        case 'f' -> digits = Digits.of(exact.setScale(prec, RoundingMode.HALF_EVEN));
        default -> {
          if (prec == 0) {
            prec = 1;
          }
          digits = significant(exact, prec);
        }
      }
    }
    return formatDigits(neg, digits, prec, fmt, shortest);
  }

  private static Digits significant(BigDecimal exact, int count) {
    return exact.signum() == 0
        ? Digits.ZERO : Digits.of(exact.round(new MathContext(count, RoundingMode.HALF_EVEN)));
  }

  /** The shortest digits that parse back to {@code v}, the nearest of them when two qualify. */
  private static Digits shortest(BigDecimal exact, double v) {
    if (v == 0) {
      return Digits.ZERO;
    }
    for (int count = 1; ; count++) {
      BigDecimal down = exact.round(new MathContext(count, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(count, RoundingMode.CEILING));
      boolean downOk = down.doubleValue() == v;
      boolean upOk = up.doubleValue() == v;
      if (downOk && upOk) {
        return significant(exact, count);
      }
      if (downOk || upOk) {
        return Digits.of(downOk ? down : up);
      }
    }
  }

  private static String formatDigits(boolean neg, Digits d, int prec, char fmt,
      boolean shortest) {
    switch (fmt) {
      case 'e', 'E':
        return formatE(neg, d, prec, fmt);
      case 'f':
        return formatF(neg, d, prec);
      default: {
        // %g: exponent form for large or tiny exponents, trailing zeros dropped.
        int eprec = prec;
        if (eprec > d.nd() && d.nd() >= d.dp()) {
          eprec = d.nd();
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = d.dp() - 1;
        if (exp < -4 || exp >= eprec) {
          return formatE(neg, d, Math.min(prec, d.nd()) - 1, fmt == 'g' ? 'e' : 'E');
        }
        return formatF(neg, d, Math.max((prec > d.dp() ? d.nd() : prec) - d.dp(), 0));
      }
    }
  }

  /** {@code -d.ddddde±dd}. */
  private static String formatE(boolean neg, Digits d, int prec, char fmt) {
    StringBuilder sb = new StringBuilder();
    if (neg) {
      sb.append('-');
    }
    sb.append(d.nd() == 0 ? '0' : d.at(0));
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        sb.append(i < d.nd() ? d.at(i) : '0');
      }
    }
    sb.append(fmt);
    int exp = d.nd() == 0 ? 0 : d.dp() - 1;
    sb.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      sb.append('0');
    }
    return sb.append(exp).toString();
  }

  /** {@code -ddddddd.ddddd}. */
  private static String formatF(boolean neg, Digits d, int prec) {
    StringBuilder sb = new StringBuilder();
    if (neg) {
      sb.append('-');
    }
    if (d.dp() > 0) {
      int m = Math.min(d.nd(), d.dp());
      sb.append(d.digits(), 0, m);
      sb.append("0".repeat(d.dp() - m));
    } else {
      sb.append('0');
    }
    if (prec > 0) {
      sb.append('.');
      for (int i = 0; i < prec; i++) {
        int j = d.dp() + i;
        sb.append(j >= 0 && j < d.nd() ? d.at(j) : '0');
      }
    }
    return sb.toString();
  }

  /** {@code -ddddp±ddd}: the integer mantissa and the power of two. */
  private static String formatBinary(boolean neg, long mant, int exp) {
    int e = exp - MANTISSA_BITS;
    return (neg ? "-" : "") + mant + "p" + (e >= 0 ? "+" : "") + e;
  }

  /** {@code -0x1.yyyyp±dd}: a hexadecimal fraction and a binary exponent. */
  private static String formatHex(int prec, char fmt, boolean neg, long mant, int exp) {
    if (mant == 0) {
      exp = 0;
    }
    // Shift the leading 1 (if any) to bit 60.
    mant <<= 60 - MANTISSA_BITS;
    while (mant != 0 && (mant & (1L << 60)) == 0) {
      mant <<= 1;
      exp--;
    }
    if (prec >= 0 && prec < 15) {
      int shift = prec * 4;
      long extra = (mant << shift) & ((1L << 60) - 1);
      mant >>>= 60 - shift;
      if ((extra | (mant & 1)) > 1L << 59) {
        mant++;
      }
      mant <<= 60 - shift;
      if ((mant & (1L << 61)) != 0) {
        mant >>>= 1;
        exp++;
      }
    }
    String hex = fmt == 'X' ? UPPER_HEX : LOWER_HEX;
    StringBuilder sb = new StringBuilder();
    if (neg) {
      sb.append('-');
    }
    sb.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
    mant <<= 4;
    if (prec < 0 && mant != 0) {
      sb.append('.');
      while (mant != 0) {
        sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    } else if (prec > 0) {
      sb.append('.');
      for (int i = 0; i < prec; i++) {
        sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    }
    sb.append(fmt == 'X' ? 'P' : 'p').append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      sb.append('0');
    }
    return sb.append(exp).toString();
  }
}
