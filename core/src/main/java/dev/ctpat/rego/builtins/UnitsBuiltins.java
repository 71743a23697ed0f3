package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.NumberValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OPA's {@code units.parse} ({@code "10Ki"}, {@code "1.5G"}, {@code "500m"}) and
 * {@code units.parse_bytes} ({@code "4MiB"}, {@code "1.1KB"}). Like OPA, {@code units.parse}
 * computes exactly and keeps ten decimal places of fractions, while {@code units.parse_bytes}
 * computes with Go's default 64-bit-mantissa binary floats and truncates to a whole number of
 * bytes, so {@code "1.1KiB"} is 1126.
 */
final class UnitsBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "units";

  private static final long KILO = 1000L;
  private static final long KIBI = 1L << 10;

  /**
   * Multipliers of {@code units.parse}, by unit with all but its first letter lower-cased, so
   * that {@code m} (milli) and {@code M} (mega) stay apart.
   */
  private static final Map<String, BigDecimal> UNIT_MULTIPLIERS = Map.ofEntries(
      // OPA multiplies by the float64 nearest to 0.001, not by 0.001 itself.
      Map.entry("m", new BigDecimal(0.001)),
      Map.entry("", BigDecimal.ONE),
      Map.entry("k", power(KILO, 1)), Map.entry("K", power(KILO, 1)),
      Map.entry("ki", power(KIBI, 1)), Map.entry("Ki", power(KIBI, 1)),
      Map.entry("M", power(KILO, 2)),
      Map.entry("mi", power(KIBI, 2)), Map.entry("Mi", power(KIBI, 2)),
      Map.entry("g", power(KILO, 3)), Map.entry("G", power(KILO, 3)),
      Map.entry("gi", power(KIBI, 3)), Map.entry("Gi", power(KIBI, 3)),
      Map.entry("t", power(KILO, 4)), Map.entry("T", power(KILO, 4)),
      Map.entry("ti", power(KIBI, 4)), Map.entry("Ti", power(KIBI, 4)),
      Map.entry("p", power(KILO, 5)), Map.entry("P", power(KILO, 5)),
      Map.entry("pi", power(KIBI, 5)), Map.entry("Pi", power(KIBI, 5)),
      Map.entry("e", power(KILO, 6)), Map.entry("E", power(KILO, 6)),
      Map.entry("ei", power(KIBI, 6)), Map.entry("Ei", power(KIBI, 6)));

  /** Multipliers of {@code units.parse_bytes}, by lower-cased unit. */
  private static final Map<String, BigDecimal> BYTE_MULTIPLIERS = Map.ofEntries(
      Map.entry("", BigDecimal.ONE),
      Map.entry("kb", power(KILO, 1)), Map.entry("k", power(KILO, 1)),
      Map.entry("kib", power(KIBI, 1)), Map.entry("ki", power(KIBI, 1)),
      Map.entry("mb", power(KILO, 2)), Map.entry("m", power(KILO, 2)),
      Map.entry("mib", power(KIBI, 2)), Map.entry("mi", power(KIBI, 2)),
      Map.entry("gb", power(KILO, 3)), Map.entry("g", power(KILO, 3)),
      Map.entry("gib", power(KIBI, 3)), Map.entry("gi", power(KIBI, 3)),
      Map.entry("tb", power(KILO, 4)), Map.entry("t", power(KILO, 4)),
      Map.entry("tib", power(KIBI, 4)), Map.entry("ti", power(KIBI, 4)),
      Map.entry("pb", power(KILO, 5)), Map.entry("p", power(KILO, 5)),
      Map.entry("pib", power(KIBI, 5)), Map.entry("pi", power(KIBI, 5)),
      Map.entry("eb", power(KILO, 6)), Map.entry("e", power(KILO, 6)),
      Map.entry("eib", power(KIBI, 6)), Map.entry("ei", power(KIBI, 6)));

  /** More exponent digits than this are refused before any number is built. */
  private static final int MAX_EXPONENT_DIGITS = 6;
  /** Go's big.Float default precision. */
  private static final int MANTISSA_BITS = 64;
  /** Decimal places OPA keeps of a fractional {@code units.parse} result. */
  private static final int FRACTION_DIGITS = 10;

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "units.parse", Types.fn(Types.NUMBER, Types.STRING),
        (ctx, args) -> parseUnits(Operands.string(args, 0))));
    out.accept(Builtin.function(CATEGORY, "units.parse_bytes",
        Types.fn(Types.NUMBER, Types.STRING),
        (ctx, args) -> parseBytes(Operands.string(args, 0))));
  }

  private static NumberValue parseUnits(String raw) throws BuiltinException {
    String s = raw.replace("\"", "");
    if (s.contains(" ")) {
      throw BuiltinException.error("spaces not allowed in resource strings");
    }
    Amount amount = Amount.split(s);
    if (amount.number().isEmpty()) {
      throw BuiltinException.error("no amount provided");
    }
    String unit = amount.unit();
    if (unit.length() > 1) {
      unit = unit.charAt(0) + unit.substring(1).toLowerCase(Locale.ROOT);
    }
    BigDecimal multiplier = UNIT_MULTIPLIERS.get(unit);
    if (multiplier == null) {
      throw BuiltinException.error("unit %s not recognized", unit);
    }
    BigDecimal number = decimal(amount.number(), "could not parse amount to a number");
    BigDecimal result = number.multiply(multiplier);
    if (result.signum() == 0 || result.stripTrailingZeros().scale() <= 0) {
      return NumberValue.of(result);
    }
    return NumberValue.of(result.setScale(FRACTION_DIGITS, RoundingMode.HALF_UP));
  }

  private static NumberValue parseBytes(String raw) throws BuiltinException {
    String s = raw.toLowerCase(Locale.ROOT).replace("\"", "");
    if (s.contains(" ")) {
      throw BuiltinException.error("spaces not allowed in resource strings");
    }
    Amount amount = Amount.split(s);
    if (amount.number().isEmpty()) {
      throw BuiltinException.error("no byte amount provided");
    }
    BigDecimal multiplier = BYTE_MULTIPLIERS.get(amount.unit());
    if (multiplier == null) {
      throw BuiltinException.error("byte unit %s not recognized", amount.unit());
    }
    BigDecimal number = decimal(amount.number(), "could not parse byte amount to a number");
    if (number.precision() - number.scale() + 19 < 0) {
      // Below 1e-19 even the largest unit (2^60 bytes) cannot make a whole byte; this also
      // spares building huge powers of two for exponents such as 1e-999999.
      return NumberValue.ZERO;
    }
    BigDecimal bytes = toBinaryFloat(toBinaryFloat(number).multiply(multiplier));
    return NumberValue.of(bytes.toBigInteger());
  }

  /**
   * An amount split into its number ({@code "10"}, {@code "1.5e3"}) and unit text. The number
   * runs over digits, dots, signs and an {@code e} that starts an exponent.
   */
  private record Amount(String number, String unit) {
    static Amount split(String s) throws BuiltinException {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!isDigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
          return new Amount(s.substring(0, i), s.substring(i));
        }
        if (c == 'e' || c == 'E') {
          boolean exponent = i + 1 < s.length()
              && (isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-');
          if (!exponent) {
            return new Amount(s.substring(0, i), s.substring(i));
          }
          if (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-') {
            i++;
          }
          int digits = 0;
          while (i + 1 + digits < s.length() && isDigit(s.charAt(i + 1 + digits))) {
            digits++;
          }
          if (digits > MAX_EXPONENT_DIGITS) {
            throw BuiltinException.error("exponent too large");
          }
        }
      }
      return new Amount(s, "");
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }

  private static BigDecimal decimal(String text, String error) throws BuiltinException {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw BuiltinException.error(error);
    }
  }

  private static BigDecimal power(long base, int exponent) {
    return new BigDecimal(BigInteger.valueOf(base).pow(exponent));
  }

  /**
   * The exact value of {@code x} rounded to the nearest binary float with a 64-bit mantissa,
   * ties to even, as Go's {@code big.Float} stores numbers by default.
   */
  static BigDecimal toBinaryFloat(BigDecimal x) {
    if (x.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigInteger numerator = x.unscaledValue().abs();
    BigInteger denominator = BigInteger.ONE;
    if (x.scale() > 0) {
      denominator = BigInteger.TEN.pow(x.scale());
    } else {
      numerator = numerator.multiply(BigInteger.TEN.pow(-x.scale()));
    }
    // Find the exponent that puts the quotient in [2^63, 2^64).
    int exponent = numerator.bitLength() - denominator.bitLength() - MANTISSA_BITS;
    BigInteger[] quotient = scaledQuotient(numerator, denominator, exponent);
    while (quotient[0].bitLength() > MANTISSA_BITS) {
      quotient = scaledQuotient(numerator, denominator, ++exponent);
    }
    while (quotient[0].bitLength() < MANTISSA_BITS) {
      quotient = scaledQuotient(numerator, denominator, --exponent);
    }
    BigInteger mantissa = quotient[0];
    int half = quotient[1].shiftLeft(1).compareTo(exponent >= 0
        ? denominator.shiftLeft(exponent) : denominator);
    if (half > 0 || (half == 0 && mantissa.testBit(0))) {
      mantissa = mantissa.add(BigInteger.ONE);
    }
    BigDecimal magnitude = exponent >= 0
        ? new BigDecimal(mantissa.shiftLeft(exponent))
        : new BigDecimal(mantissa.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
    return x.signum() < 0 ? magnitude.negate() : magnitude;
  }

  /** Quotient and remainder of {@code numerator / (denominator * 2^exponent)}. */
  private static BigInteger[] scaledQuotient(BigInteger numerator, BigInteger denominator,
      int exponent) {
    return exponent >= 0
        ? numerator.divideAndRemainder(denominator.shiftLeft(exponent))
        : numerator.shiftLeft(-exponent).divideAndRemainder(denominator);
  }
}
