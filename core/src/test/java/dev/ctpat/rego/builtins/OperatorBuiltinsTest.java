package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.num;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.BooleanValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorBuiltinsTest {
  private final Family ops = new Family(new OperatorBuiltins());

  @Test
  void registersOpaNamesAndSignatures() {
    assertThat(ops.builtins().keySet()).containsExactlyInAnyOrder("plus", "minus", "mul", "div",
        "rem", "equal", "neq", "lt", "lte", "gt", "gte", "and", "or");
    assertThat(ops.builtins().values()).allSatisfy(b -> {
      assertThat(b.arity()).isEqualTo(2);
      assertThat(b.nondeterministic()).isFalse();
    });
    Type numberOrSet = Types.anyOf(Types.NUMBER, Types.SET);
    assertThat(ops.builtin("minus").type().args()).containsExactly(numberOrSet, numberOrSet);
    assertThat(ops.builtin("minus").type().result()).isEqualTo(numberOrSet);
    assertThat(ops.builtin("and").type().result()).isEqualTo(Types.SET);
  }

  @ParameterizedTest(name = "{0} {1} {2} = {3}")
  @CsvSource(delimiter = '|', value = {
      "plus  | 1   | 2    | 3",
      "plus  | 0.1 | 0.2  | 0.3",
      "plus  | 10.00 | 5  | 15",
      "plus  | -1.5 | 1.5 | 0",
      "plus  | 2147483647 | 1 | 2147483648",
      "plus  | 9223372036854775807 | 1 | 9223372036854775808",
      "plus  | 123456789012345678901234567890 | 1 | 123456789012345678901234567891",
      "plus  | 1e30 | 1 | 1000000000000000000000000000001",
      "minus | 1   | 2    | -1",
      "minus | -2147483648 | 1 | -2147483649",
      "minus | 18446744073709551617 | 1 | 18446744073709551616",
      "minus | 0.3 | 0.1  | 0.2",
      "mul   | 3   | 4    | 12",
      "mul   | 2.5 | 2    | 5",
      "mul   | 2147483647 | 2147483647 | 4611686014132420609",
      "mul   | 18446744073709551617 | 2 | 36893488147419103234",
      "mul   | 0.1 | 0.1  | 0.01",
      "rem   | 7   | 4    | 3",
      "rem   | -17 | 5    | -2",
      "rem   | 17  | -5   | 2",
      "rem   | 4.0 | 3    | 1",
      "rem   | 10  | 18446744073709551616 | 10",
      "rem   | 18446744073709551617 | 18446744073709551616 | 1",
  })
  void arithmeticIsExact(String op, String x, String y, String expected) throws Exception {
    assertThat(ops.call(op, num(x), num(y))).isEqualTo(num(expected));
  }

  @ParameterizedTest(name = "{0} / {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      // Exact in 32-bit integers.
      "6            | 3   | 2",
      "-6           | 3   | -2",
      "0            | 5   | 0",
      // Everything else is a 64-bit binary float, printed in its shortest decimal form.
      "10           | 4   | 2.5",
      "1            | 4   | 0.25",
      "1            | 10  | 0.1",
      "1            | 3   | 0.33333333333333333334",
      "-1           | 3   | -0.33333333333333333334",
      "2            | 3   | 0.6666666666666666667",
      "100          | 3   | 33.333333333333333332",
      "22           | 7   | 3.1428571428571428572",
      "10000000     | 3   | 3333333.3333333333333",
      "0.1          | 3   | 0.033333333333333333335",
      "0.3          | 0.1 | 3",
      "4.0          | 2   | 2",
      "1e30         | 1e10 | 100000000000000000000",
      "18446744073709551616 | 2 | 9223372036854775808",
      // 2^65 + 1 becomes the float 2^65, printed with the fewest digits that identify it.
      "36893488147419103233 | 1 | 36893488147419103230",
  })
  void divisionMatchesOpaDigits(String x, String y, String expected) throws Exception {
    assertThat(ops.call("div", num(x), num(y))).isEqualTo(num(expected));
  }

  @ParameterizedTest
  @CsvSource({"1, 0", "1, 0.0", "0, 0", "1.5, 0"})
  void divisionByZeroIsABuiltinError(String x, String y) {
    BuiltinException e = ops.error("div", num(x), num(y));
    assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    assertThat(e).hasMessage("divide by zero");
  }

  @Test
  void remainderByZeroIsABuiltinError() {
    BuiltinException e = ops.error("rem", num("5"), num("0"));
    assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    assertThat(e).hasMessage("modulo by zero");
  }

  @ParameterizedTest
  @CsvSource({"1.1, 1", "5, 2.5", "1.5, 0"})
  void remainderOfNonIntegersIsABuiltinError(String x, String y) {
    BuiltinException e = ops.error("rem", num(x), num(y));
    assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    assertThat(e).hasMessage("modulo on floating-point number");
  }

  @Test
  void minusOfTwoSetsIsTheirDifference() throws Exception {
    assertThat(ops.call("minus", v("{1, 2, 3}"), v("{2, 4}"))).isEqualTo(v("{1, 3}"));
    assertThat(ops.call("minus", v("{1}"), v("{1}"))).isEqualTo(v("set()"));
    assertThat(ops.call("minus", v("set()"), v("{1}"))).isEqualTo(v("set()"));
  }

  @Test
  void minusReportsTheSecondOperandAgainstTheKindOfTheFirst() {
    assertThat(ops.error("minus", v("{1}"), v("1")))
        .hasMessage("operand 2 must be set but got number")
        .extracting(BuiltinException::code).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(ops.error("minus", v("1"), v("{1}")))
        .hasMessage("operand 2 must be number but got set");
    assertThat(ops.error("minus", v("\"a\""), v("1")))
        .hasMessage("operand 1 must be one of {number, set} but got string");
  }

  @Test
  void setIntersectionAndUnion() throws Exception {
    assertThat(ops.call("and", v("{1, 2, [3]}"), v("{2, [3], 4}"))).isEqualTo(v("{2, [3]}"));
    assertThat(ops.call("and", v("{1}"), v("{2}"))).isEqualTo(v("set()"));
    assertThat(ops.call("or", v("{1, 2}"), v("{2, 3}"))).isEqualTo(v("{1, 2, 3}"));
    assertThat(ops.call("or", v("set()"), v("set()"))).isEqualTo(v("set()"));
  }

  @ParameterizedTest(name = "{1} {0} {2} is {3}")
  @CsvSource(delimiter = '|', value = {
      "equal | 1          | 1.0        | true",
      "equal | {1, 2}     | {2, 1}     | true",
      "equal | {\"a\": [1]} | {\"a\": [1.0]} | true",
      "equal | 1          | \"1\"      | false",
      "neq   | 1          | \"1\"      | true",
      "neq   | [1, 2]     | [1, 2]     | false",
      "lt    | 1          | 2          | true",
      "lt    | 28857836529306024611912 | 28857836529306024611913 | true",
      "lt    | 0.1        | 0.10000000000000000001 | true",
      "lt    | \"a\"      | \"b\"      | true",
      "lt    | null       | false      | true",
      "lt    | false      | 0          | true",
      "lt    | 100        | \"1\"      | true",
      "lt    | \"z\"      | []         | true",
      "lt    | [1, 2]     | [1, 2, 0]  | true",
      "lt    | [2]        | {}         | true",
      "lt    | {}         | set()      | true",
      "lte   | 2          | 2          | true",
      "lte   | 3          | 2          | false",
      "gt    | {\"b\": 1} | {\"a\": 2} | true",
      "gt    | {2}        | {1, 3}     | true",
      "gte   | \"\u00e9\" | \"z\"      | true",
      "gte   | 1          | 2          | false",
  })
  void comparisonsUseOpasTotalOrderAcrossTypes(String op, String x, String y, boolean expected)
      throws Exception {
    assertThat(ops.call(op, v(x), v(y))).isEqualTo(BooleanValue.of(expected));
  }

  @Test
  void stringsCompareByCodePointNotUtf16Unit() throws Exception {
    // U+1F600 is a surrogate pair starting with U+D83D, which sorts below U+FF5E in UTF-16.
    assertThat(ops.call("gt", v("\"\uD83D\uDE00\""), v("\"\uFF5E\""))).isEqualTo(BooleanValue.TRUE);
  }
}
