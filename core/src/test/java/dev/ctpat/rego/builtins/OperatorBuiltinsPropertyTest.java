package dev.ctpat.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the arithmetic operators over generated numbers. (Kept apart from
 * {@link OperatorBuiltinsTest} because jqwik and Jupiter report a shared class separately.)
 */
class OperatorBuiltinsPropertyTest {
  private final Family ops = new Family(new OperatorBuiltins());

  @Property
  void plusAndMinusAreInverse(@ForAll BigInteger a, @ForAll @IntRange(max = 30) int scale,
      @ForAll long b) throws Exception {
    NumberValue x = NumberValue.of(new BigDecimal(a, scale));
    NumberValue y = NumberValue.of(b);
    Value sum = ops.call("plus", x, y);
    assertThat(ops.call("minus", sum, y)).isEqualTo(x);
  }

  @Property
  void divisionWithAShortExactQuotientIsExact(@ForAll @IntRange(min = -99999, max = 99999) int a,
      @ForAll @IntRange(min = 0, max = 12) int twos, @ForAll @IntRange(min = 0, max = 12) int fives)
      throws Exception {
    BigDecimal divisor = BigDecimal.valueOf(2).pow(twos).multiply(BigDecimal.valueOf(5).pow(fives));
    BigDecimal exact = BigDecimal.valueOf(a).divide(divisor, MathContext.UNLIMITED);
    assertThat(ops.call("div", NumberValue.of(a), NumberValue.of(divisor)))
        .isEqualTo(NumberValue.of(exact));
  }
}
