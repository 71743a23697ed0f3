package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.num;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BitsBuiltinsTest {
  private final Family bits = new Family(new BitsBuiltins());

  @Test
  void registersOpaNamesAndArities() {
    assertThat(bits.builtins().keySet()).containsExactlyInAnyOrder(
        "bits.or", "bits.and", "bits.xor", "bits.negate", "bits.lsh", "bits.rsh");
    assertThat(bits.builtin("bits.negate").arity()).isEqualTo(1);
    assertThat(bits.builtin("bits.lsh").arity()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
  @CsvSource(delimiter = '|', value = {
      "bits.or  | 1   | 2   | 3",
      "bits.or  | 5   | 3   | 7",
      "bits.or  | -1  | 5   | -1",
      "bits.or  | 18446744073709551616 | 1 | 18446744073709551617",
      "bits.and | 5   | 3   | 1",
      "bits.and | 200 | 300 | 8",
      "bits.and | -8  | 15  | 8",
      "bits.and | 36893488147419103231 | 18446744073709551616 | 18446744073709551616",
      "bits.xor | 5   | 3   | 6",
      "bits.xor | 12  | 12  | 0",
      "bits.xor | -1  | 0   | -1",
      "bits.lsh | 1   | 3   | 8",
      "bits.lsh | 2147483647 | 1 | 4294967294",
      "bits.lsh | 9223372036854775807 | 1 | 18446744073709551614",
      "bits.lsh | -3  | 2   | -12",
      "bits.lsh | 5   | 0   | 5",
      "bits.lsh | 0   | 99999999999 | 0",
      "bits.rsh | 8   | 3   | 1",
      "bits.rsh | 7   | 1   | 3",
      "bits.rsh | -8  | 1   | -4",
      "bits.rsh | -1  | 10  | -1",
      "bits.rsh | 18446744073709551616 | 64 | 1",
      "bits.rsh | 12345 | 99999999999 | 0",
      "bits.rsh | -12345 | 99999999999 | -1",
      "bits.or  | 4.0 | 1   | 5",
  })
  void binaryOperationsOnIntegersOfAnySize(String name, String x, String y, String expected)
      throws Exception {
    assertThat(bits.call(name, num(x), num(y))).isEqualTo(num(expected));
  }

  @ParameterizedTest(name = "bits.negate({0}) = {1}")
  @CsvSource({"0, -1", "5, -6", "-1, 0", "18446744073709551616, -18446744073709551617"})
  void negateIsTheTwosComplement(String x, String expected) throws Exception {
    assertThat(bits.call("bits.negate", num(x))).isEqualTo(num(expected));
  }

  @ParameterizedTest
  @CsvSource({"bits.or", "bits.and", "bits.xor", "bits.lsh", "bits.rsh"})
  void operandsMustBeIntegers(String name) {
    assertThat(bits.error(name, num("7.2"), num("42")))
        .hasMessage("operand 1 must be integer number but got floating-point number")
        .extracting(BuiltinException::code).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(bits.error(name, num("7"), num("0.5")))
        .hasMessage("operand 2 must be integer number but got floating-point number");
  }

  @Test
  void negateOperandMustBeAnInteger() {
    assertThat(bits.error("bits.negate", num("7.2")))
        .hasMessage("operand 1 must be integer number but got floating-point number");
  }

  @ParameterizedTest
  @CsvSource({"bits.lsh", "bits.rsh"})
  void shiftsMustNotBeNegative(String name) {
    BuiltinException e = bits.error(name, num("7"), num("-1"));
    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e).hasMessage(
        "operand 2 must be an unsigned integer number but got a negative integer");
  }

  @Test
  void aShiftLeftBeyondWhatCanBeHeldIsAnError() {
    assertThat(bits.error("bits.lsh", num("1"), num("99999999999")))
        .hasMessage("shift amount too large")
        .extracting(BuiltinException::code).isEqualTo(BuiltinException.BUILTIN_ERROR);
  }
}
