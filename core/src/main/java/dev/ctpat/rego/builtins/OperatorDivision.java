package dev.ctpat.rego.builtins;

import dev.ctpat.rego.value.NumberValue;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Division as OPA computes it, digit for digit.
 *
 * <p>OPA divides two 32-bit integers exactly when the divisor divides the dividend. Any other
 * quotient is computed in Go's {@code math/big.Float} with its default 64-bit mantissa and turned
 * back into a number as the shortest decimal that identifies that float, so {@code 1 / 3} is
 * {@code 0.33333333333333333334} and {@code 10 / 4} is {@code 2.5}. This class reproduces each
 * step with exact integer arithmetic: Go's parsing of a decimal into a float (which scales by a
 * power of five that is itself rounded for large exponents), the correctly rounded quotient, and
 * Go's choice of shortest digits.
 */
final class OperatorDivision {
  /** Mantissa bits of Go's default {@code big.Float}. */
  private static final int PRECISION = 64;
  /** Go computes the power of five for a decimal exponent with 64 more bits... */
  private static final int POW5_PRECISION = PRECISION + 64;
  /** ...squaring the factor with yet 64 more. */
  private static final int POW5_FACTOR_PRECISION = POW5_PRECISION + 64;
  /** Go takes powers of five up to this exponent from a table, exactly. */
  private static final int POW5_TABLE_MAX = 27;
  private static final BigInteger FIVE = BigInteger.valueOf(5);

  private OperatorDivision() {}

  /**
   * {@code x / y} as OPA computes it.
   *
   * @throws BuiltinException "divide by zero" if {@code y} is zero
   */
  static NumberValue divide(NumberValue x, NumberValue y) throws BuiltinException {
    if (y.signum() == 0) {
      throw BuiltinException.error("divide by zero");
    }
    if (x.signum() == 0) {
      // Go yields 0 or -0 here; Rego numbers do not tell them apart.
      return NumberValue.ZERO;
    }
    if (x.isInt() && y.isInt()) {
      long a = x.intValueExact();
      long b = y.intValueExact();
      if (a % b == 0) {
        return NumberValue.of(a / b);
      }
    }
    BinaryFloat dividend = parse(x);
    BinaryFloat divisor = parse(y);
    BinaryFloat quotient = round(dividend.negative != divisor.negative, dividend.mantissa,
        divisor.mantissa, dividend.exponent - divisor.exponent, PRECISION);
    return shortestDecimal(quotient);
  }

  /**
   * A finite binary float {@code ±mantissa × 2^exponent}; after rounding, the mantissa has
   * exactly the precision's number of bits.
   */
  private record BinaryFloat(boolean negative, BigInteger mantissa, long exponent) {}

  /**
   * The float Go's {@code SetString} makes of a number's decimal digits {@code d × 10^e}: it
   * takes {@code d × 2^e} and multiplies or divides it by {@code 5^|e|}, rounding once.
   */
  private static BinaryFloat parse(NumberValue n) {
    BigDecimal d = n.bigDecimal();
    boolean negative = d.signum() < 0;
    BigInteger digits = d.unscaledValue().abs();
    long exp10 = -(long) d.scale();
    if (exp10 == 0) {
      return round(negative, digits, BigInteger.ONE, 0, PRECISION);
    }
    BinaryFloat pow5 = pow5(Math.abs(exp10));
    if (exp10 > 0) {
      return round(negative, digits.multiply(pow5.mantissa), BigInteger.ONE,
          exp10 + pow5.exponent, PRECISION);
    }
    return round(negative, digits, pow5.mantissa, exp10 - pow5.exponent, PRECISION);
  }

  /** {@code 5^n} as Go computes it: by squaring, rounding each product. */
  private static BinaryFloat pow5(long n) {
    if (n <= POW5_TABLE_MAX) {
      return new BinaryFloat(false, FIVE.pow((int) n), 0);
    }
    BinaryFloat z = new BinaryFloat(false, FIVE.pow(POW5_TABLE_MAX), 0);
    BinaryFloat factor = new BinaryFloat(false, FIVE, 0);
    for (long k = n - POW5_TABLE_MAX; k > 0; k >>= 1) {
      if ((k & 1) != 0) {
        z = multiply(z, factor, POW5_PRECISION);
      }
      factor = multiply(factor, factor, POW5_FACTOR_PRECISION);
    }
    return z;
  }

  private static BinaryFloat multiply(BinaryFloat a, BinaryFloat b, int precision) {
    return round(false, a.mantissa.multiply(b.mantissa), BigInteger.ONE,
        a.exponent + b.exponent, precision);
  }

  /**
   * {@code ±(num / den) × 2^exp2} rounded to {@code precision} bits, ties to even, as every
   * {@code big.Float} operation rounds.
   */
  private static BinaryFloat round(boolean negative, BigInteger num, BigInteger den, long exp2,
      int precision) {
    // With this shift the integer quotient has precision or precision + 1 bits.
    int shift = precision - (num.bitLength() - den.bitLength());
    BigInteger[] qr = divideShifted(num, den, shift);
    if (qr[0].bitLength() > precision) {
      shift--;
      qr = divideShifted(num, den, shift);
    }
    BigInteger q = qr[0];
    BigInteger divisor = shift >= 0 ? den : den.shiftLeft(-shift);
    int half = qr[1].shiftLeft(1).compareTo(divisor);
    if (half > 0 || (half == 0 && q.testBit(0))) {
      q = q.add(BigInteger.ONE);
      if (q.bitLength() > precision) {
        q = q.shiftRight(1);
        shift--;
      }
    }
    return new BinaryFloat(negative, q, exp2 - shift);
  }

  /** Quotient and remainder of {@code num × 2^shift / den}. */
  private static BigInteger[] divideShifted(BigInteger num, BigInteger den, int shift) {
    return shift >= 0
        ? num.shiftLeft(shift).divideAndRemainder(den)
        : num.divideAndRemainder(den.shiftLeft(-shift));
  }

  /**
   * The shortest decimal that rounds to {@code x} at {@link #PRECISION} bits, chosen the way Go's
   * {@code Float.Text(format, -1)} chooses it.
   */
  private static NumberValue shortestDecimal(BinaryFloat x) {
    // Any decimal within half a unit in the last place reads back as x; the bounds themselves
    // do only if x's mantissa is even, since reading rounds ties to even.
    BigInteger twice = x.mantissa.shiftLeft(1);
    long halfUlpExponent = x.exponent - 1;
    Decimal lower = Decimal.of(twice.subtract(BigInteger.ONE), halfUlpExponent);
    Decimal upper = Decimal.of(twice.add(BigInteger.ONE), halfUlpExponent);
    boolean inclusive = !x.mantissa.testBit(0);
    BigDecimal shortest = Decimal.of(x.mantissa, x.exponent)
        .shortestWithin(lower, upper, inclusive)
        .toBigDecimal();
    return NumberValue.of(x.negative ? shortest.negate() : shortest);
  }

  /**
   * A positive decimal {@code 0.digits × 10^exp} with no trailing zero digits, as Go's
   * {@code math/big} decimal type holds it.
   */
  private record Decimal(String digits, int exp) {
    /** The exact decimal value of {@code m × 2^shift}. */
    static Decimal of(BigInteger m, long shift) {
      BigDecimal v = shift >= 0
          ? new BigDecimal(m.shiftLeft(Math.toIntExact(shift)))
          : new BigDecimal(m.multiply(FIVE.pow(Math.toIntExact(-shift))),
              Math.toIntExact(-shift));
      v = v.stripTrailingZeros();
      String digits = v.unscaledValue().toString();
      return new Decimal(digits, digits.length() - v.scale());
    }

    BigDecimal toBigDecimal() {
      return new BigDecimal(new BigInteger(digits), digits.length() - exp);
    }

    private char digitAt(int i) {
      return i < digits.length() ? digits.charAt(i) : '0';
    }

    /**
     * The shortest prefix of these digits, rounded, that still lies between {@code lower} and
     * {@code upper}. Like Go, this compares digits position by position without aligning the
     * decimal points; the bounds are so close to this value that they share its point.
     */
    Decimal shortestWithin(Decimal lower, Decimal upper, boolean inclusive) {
      for (int i = 0; i < digits.length(); i++) {
        char l = lower.digitAt(i);
        char m = digits.charAt(i);
        char u = upper.digitAt(i);
        boolean canRoundDown = l != m || (inclusive && i + 1 == lower.digits.length());
        boolean canRoundUp = m != u && (inclusive || m + 1 < u || i + 1 < upper.digits.length());
        if (canRoundDown && canRoundUp) {
          return roundHalfEven(i + 1);
        } else if (canRoundDown) {
          return truncate(i + 1);
        } else if (canRoundUp) {
          return roundUp(i + 1);
        }
      }
      return this;
    }

    private Decimal roundHalfEven(int n) {
      if (n >= digits.length()) {
        return this;
      }
      char next = digits.charAt(n);
      boolean up = next == '5' && n + 1 == digits.length()
          ? n > 0 && (digits.charAt(n - 1) - '0') % 2 == 1
          : next >= '5';
      return up ? roundUp(n) : truncate(n);
    }

    private Decimal truncate(int n) {
      if (n >= digits.length()) {
        return this;
      }
      int end = n;
      while (end > 0 && digits.charAt(end - 1) == '0') {
        end--;
      }
      return new Decimal(digits.substring(0, end), exp);
    }

    private Decimal roundUp(int n) {
      if (n >= digits.length()) {
        return this;
      }
      int end = n;
      while (end > 0 && digits.charAt(end - 1) == '9') {
        end--;
      }
      if (end == 0) {
        return new Decimal("1", exp + 1);
      }
      char bumped = (char) (digits.charAt(end - 1) + 1);
      return new Decimal(digits.substring(0, end - 1) + bumped, exp);
    }
  }
}
