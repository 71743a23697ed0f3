package dev.ctpat.rego.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.api.PreparedPolicy;
import dev.ctpat.rego.api.Rego;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/**
 * Differential properties: the engine's arithmetic and comparison on generated numbers and
 * strings agree with plain Java (BigDecimal, String) as an oracle.
 */
class ArithmeticAndComparisonProperties {
  private static final PreparedPolicy POLICY = Rego.builder().module("arith.rego", """
      package arith
      sum := input.a + input.b
      difference := input.a - input.b
      product := input.a * input.b
      lt := input.a < input.b
      eq := input.a == input.b
      ge := input.a >= input.b
      abs_a := abs(input.a)
      """).build();

  @Provide
  Arbitrary<BigDecimal> exactNumbers() {
    Arbitrary<BigDecimal> ints = Arbitraries.bigIntegers()
        .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
        .map(BigDecimal::new);
    Arbitrary<BigDecimal> decimals = Combinators.combine(
        Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
        Arbitraries.integers().between(0, 6))
        .as(BigDecimal::valueOf);
    return Arbitraries.oneOf(ints, decimals, Arbitraries.of(BigDecimal.ZERO, BigDecimal.ONE));
  }

  private static Value input(Value a, Value b) {
    return ObjectValue.builder().put("a", a).put("b", b).build();
  }

  private static Value eval(String rule, Value input) {
    return POLICY.evaluate("data.arith." + rule, input).orElseThrow();
  }

  @Property(tries = 500)
  void additionSubtractionAndMultiplicationAreExact(
      @ForAll("exactNumbers") BigDecimal a, @ForAll("exactNumbers") BigDecimal b) {
    Value in = input(NumberValue.of(a), NumberValue.of(b));
    assertThat(eval("sum", in)).isEqualTo(NumberValue.of(a.add(b)));
    assertThat(eval("difference", in)).isEqualTo(NumberValue.of(a.subtract(b)));
    assertThat(eval("product", in)).isEqualTo(NumberValue.of(a.multiply(b)));
    assertThat(eval("abs_a", in)).isEqualTo(NumberValue.of(a.abs()));
  }

  @Property(tries = 500)
  void numberComparisonAgreesWithBigDecimal(
      @ForAll("exactNumbers") BigDecimal a, @ForAll("exactNumbers") BigDecimal b) {
    Value in = input(NumberValue.of(a), NumberValue.of(b));
    int c = a.compareTo(b);
    assertThat(eval("lt", in)).isEqualTo(BooleanValue.of(c < 0));
    assertThat(eval("eq", in)).isEqualTo(BooleanValue.of(c == 0));
    assertThat(eval("ge", in)).isEqualTo(BooleanValue.of(c >= 0));
  }

  @Property(tries = 500)
  void stringComparisonIsByCodePoint(@ForAll String a, @ForAll String b) {
    Value in = input(StringValue.of(a), StringValue.of(b));
    int c = compareCodePoints(a, b);
    assertThat(eval("lt", in)).isEqualTo(BooleanValue.of(c < 0));
    assertThat(eval("eq", in)).isEqualTo(BooleanValue.of(c == 0));
  }

  /** The oracle: compare by code point arrays, independently of StringValue's fast path. */
  private static int compareCodePoints(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] != y[i]) {
        return Integer.compare(x[i], y[i]);
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
