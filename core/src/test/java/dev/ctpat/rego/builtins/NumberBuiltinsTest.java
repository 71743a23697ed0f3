package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.num;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Context;
import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberBuiltinsTest {
  private final Family numbers = new Family(new NumberBuiltins());

  @Test
  void registersOpaNamesAndArities() {
    assertThat(numbers.builtins().keySet()).containsExactlyInAnyOrder("abs", "ceil", "floor",
        "round", "numbers.range", "numbers.range_step", "rand.intn");
    assertThat(numbers.builtin("numbers.range_step").arity()).isEqualTo(3);
    assertThat(numbers.builtin("rand.intn").nondeterministic()).isTrue();
    assertThat(numbers.builtin("round").nondeterministic()).isFalse();
  }

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(delimiter = '|', value = {
      "abs   | -10        | 10",
      "abs   | -2.5       | 2.5",
      "abs   | 0          | 0",
      "abs   | -9223372036854775808 | 9223372036854775808",
      "abs   | -123456789012345678901234567890.5 | 123456789012345678901234567890.5",
      "ceil  | 1.01       | 2",
      "ceil  | 1.5        | 2",
      "ceil  | 2222.2222222222 | 2223",
      "ceil  | -1.99999   | -1",
      "ceil  | -0.5       | 0",
      "ceil  | 1          | 1",
      "floor | 1.5        | 1",
      "floor | 99.99999   | 99",
      "floor | -1.001     | -2",
      "floor | -7         | -7",
      "round | 2.5        | 3",
      "round | -2.5       | -3",
      "round | 2.4        | 2",
      "round | 2.4999999999999999999999 | 2",
      "round | 10.00      | 10",
      "round | -5         | -5",
      "round | 1e40       | 1e40",
      "round | 12345678901234567890.5 | 12345678901234567891",
  })
  void roundingIsExact(String name, String x, String expected) throws Exception {
    assertThat(numbers.call(name, num(x))).isEqualTo(num(expected));
  }

  @ParameterizedTest(name = "numbers.range({0}, {1}) = {2}")
  @CsvSource(delimiter = '|', value = {
      "0  | 0  | [0]",
      "-2 | 3  | [-2, -1, 0, 1, 2, 3]",
      "2  | -3 | [2, 1, 0, -1, -2, -3]",
      "49649733057 | 49649733060 | [49649733057, 49649733058, 49649733059, 49649733060]",
      "18446744073709551615 | 18446744073709551617 "
          + "| [18446744073709551615, 18446744073709551616, 18446744073709551617]",
      "4.0 | 5  | [4, 5]",
  })
  void rangeIncludesBothEnds(String from, String to, String expected) throws Exception {
    assertThat(numbers.call("numbers.range", num(from), num(to))).isEqualTo(v(expected));
  }

  @ParameterizedTest(name = "numbers.range_step({0}, {1}, {2}) = {3}")
  @CsvSource(delimiter = '|', value = {
      "0    | 10   | 2    | [0, 2, 4, 6, 8, 10]",
      "0    | -10  | 2    | [0, -2, -4, -6, -8, -10]",
      "10   | 3    | 2    | [10, 8, 6, 4]",
      "2    | 5    | 2    | [2, 4]",
      "2    | 2    | 2    | [2]",
      "1024 | 4096 | 1024 | [1024, 2048, 3072, 4096]",
      "0    | 10   | 99999999999999999999 | [0]",
  })
  void rangeStepSkipsAndStopsAtOrBeforeTheEnd(String from, String to, String step,
      String expected) throws Exception {
    assertThat(numbers.call("numbers.range_step", num(from), num(to), num(step)))
        .isEqualTo(v(expected));
  }

  @ParameterizedTest
  @CsvSource({"0", "-2"})
  void rangeStepMustBePositive(String step) {
    BuiltinException e = numbers.error("numbers.range_step", num("0"), num("10"), num(step));
    assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    assertThat(e).hasMessage("numbers.range_step: step must be a positive integer");
  }

  @Test
  void rangeBoundsMustBeIntegers() {
    assertThat(numbers.error("numbers.range", num("3.14"), num("4")))
        .hasMessage("operand 1 must be integer number but got floating-point number")
        .extracting(BuiltinException::code).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(numbers.error("numbers.range", num("3"), num("3.14")))
        .hasMessage("operand 2 must be integer number but got floating-point number");
    assertThat(numbers.error("numbers.range_step", num("1"), num("3"), num("0.5")))
        .hasMessage("operand 3 must be integer number but got floating-point number");
  }

  @Test
  void longRangesCheckTheQueryBudget() throws Exception {
    Context ctx = new Context();
    Value range = numbers.call(ctx, "numbers.range", num("1"), num("100000"));
    assertThat(((ArrayValue) range).size()).isEqualTo(100_000);
    assertThat(ctx.limitChecks()).isGreaterThan(10);
  }

  @Test
  void randIntnIsBelowTheBoundAndStableWithinAQuery() throws Exception {
    Context ctx = new Context();
    Value first = numbers.call(ctx, "rand.intn", StringValue.of("k"), num("1000000"));
    assertThat(((NumberValue) first).longValueExact()).isBetween(0L, 999_999L);
    assertThat(numbers.call(ctx, "rand.intn", StringValue.of("k"), num("1000000")))
        .isEqualTo(first);
    // The sign of the bound is ignored, also for the memo.
    assertThat(numbers.call(ctx, "rand.intn", StringValue.of("k"), num("-1000000")))
        .isEqualTo(first);
  }

  @Test
  void randIntnVariesWithTheStringAndAcrossQueries() throws Exception {
    Set<Value> seen = new HashSet<>();
    Context ctx = new Context();
    for (int i = 0; i < 20; i++) {
      seen.add(numbers.call(ctx, "rand.intn", StringValue.of("k" + i), num("1000000000")));
      seen.add(numbers.call("rand.intn", StringValue.of("k"), num("1000000000")));
    }
    assertThat(seen).hasSizeGreaterThan(20);
  }

  @Test
  void randIntnOfZeroIsZero() throws Exception {
    assertThat(numbers.call("rand.intn", StringValue.of("x"), num("0"))).isEqualTo(num("0"));
  }

  @Test
  void randIntnOfLargestNegativeBoundStaysInRange() throws Exception {
    NumberValue n = (NumberValue) numbers.call("rand.intn", StringValue.of("x"),
        num("-9223372036854775808"));
    assertThat(n.signum()).isNotNegative();
  }

  @ParameterizedTest
  @CsvSource({"1.5", "9223372036854775808"})
  void randIntnBoundMustBeA64BitInteger(String bound) {
    assertThat(numbers.error("rand.intn", StringValue.of("x"), num(bound)))
        .hasMessage("operand 2 must be integer number but got floating-point number");
  }
}
