package dev.ctpat.rego.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact Rego number: an integer of any size or a decimal, compared exactly as OPA compares
 * JSON numbers. The value is kept in a normalized form (no trailing zeros), so {@code 1},
 * {@code 1.0} and {@code 1e0} are one value.
 */
public final class NumberValue implements Value {
  private static final NumberValue[] SMALL = new NumberValue[1024 + 128];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      // Normalized like every other value (10 is 1E+1), or equals would tell them apart.
      SMALL[i] = new NumberValue(BigDecimal.valueOf(i - 128).stripTrailingZeros());
    }
  }

  public static final NumberValue ZERO = of(0);
  public static final NumberValue ONE = of(1);

  private final BigDecimal value;

  private NumberValue(BigDecimal normalized) {
    this.value = normalized;
  }

  public static NumberValue of(long value) {
    if (value >= -128 && value < SMALL.length - 128) {
      return SMALL[(int) value + 128];
    }
    return new NumberValue(BigDecimal.valueOf(value).stripTrailingZeros());
  }

  public static NumberValue of(BigInteger value) {
    if (value.bitLength() < 63) {
      return of(value.longValue());
    }
    return new NumberValue(new BigDecimal(value).stripTrailingZeros());
  }

  public static NumberValue of(BigDecimal value) {
    BigDecimal normalized = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (normalized.scale() == 0 && normalized.precision() < 4) {
      long l = normalized.longValue();
      if (l >= -128 && l < SMALL.length - 128) {
        return SMALL[(int) l + 128];
      }
    }
    return new NumberValue(normalized);
  }

  /**
   * A number from a double; the shortest decimal that round-trips, as Go's {@code strconv}
   * formats floats.
   *
   * @throws ArithmeticException for NaN or an infinity, which Rego cannot represent
   */
  public static NumberValue of(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new ArithmeticException("number is not finite: " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return of((long) value);
    }
    return of(new BigDecimal(Double.toString(value)));
  }

  /**
   * Parses a JSON or Rego number literal.
   *
   * @throws NumberFormatException if the text is not a number
   */
  public static NumberValue parse(String text) {
    return of(new BigDecimal(text));
  }

  public BigDecimal bigDecimal() {
    return value;
  }

  public boolean isInteger() {
    return value.scale() <= 0;
  }

  /** True when this is an integer that fits in an {@code int}. */
  public boolean isInt() {
    return isInteger() && value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
        && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
  }

  /** True when this is an integer that fits in a {@code long}. */
  public boolean isLong() {
    return isInteger() && value.precision() - value.scale() <= 19
        && value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
        && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
  }

  /** @throws ArithmeticException if this is not an integer in {@code int} range */
  public int intValueExact() {
    return value.intValueExact();
  }

  /** @throws ArithmeticException if this is not an integer in {@code long} range */
  public long longValueExact() {
    return value.longValueExact();
  }

  /** @throws ArithmeticException if this is not an integer */
  public BigInteger bigIntegerExact() {
    return value.toBigIntegerExact();
  }

  public double doubleValue() {
    return value.doubleValue();
  }

  public int signum() {
    return value.signum();
  }

  @Override
  public Kind kind() {
    return Kind.NUMBER;
  }

  @Override
  public int compareTo(Value other) {
    if (other instanceof NumberValue n) {
      return value.compareTo(n.value);
    }
    return Kind.NUMBER.compareTo(other.kind());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumberValue n && (n == this || n.value.equals(value));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** JSON text of this number: plain digits where reasonable, exponent form for huge or tiny. */
  @Override
  public String toString() {
    int scale = value.scale();
    int intDigits = value.precision() - scale;
    // Integers print in full unless they are mostly trailing zeros (2e308 stays 2e+308).
    if (scale <= 0 ? intDigits <= 40 || scale > -10 : (scale <= 40 && intDigits > -10)) {
      return value.toPlainString();
    }
    return value.toString().replace("E", "e");
  }
}
