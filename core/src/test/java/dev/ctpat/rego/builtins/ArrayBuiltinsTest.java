package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.num;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrayBuiltinsTest {
  private final Family arrays = new Family(new ArrayBuiltins());

  @Test
  void registersOpaNamesAndArities() {
    assertThat(arrays.builtins().keySet())
        .containsExactlyInAnyOrder("array.concat", "array.slice", "array.reverse");
    assertThat(arrays.builtin("array.concat").arity()).isEqualTo(2);
    assertThat(arrays.builtin("array.slice").arity()).isEqualTo(3);
    assertThat(arrays.builtin("array.reverse").arity()).isEqualTo(1);
  }

  @ParameterizedTest(name = "array.concat({0}, {1}) = {2}")
  @CsvSource(delimiter = '|', value = {
      "[1, 2]  | [3, [4]] | [1, 2, 3, [4]]",
      "[]      | [1]      | [1]",
      "[1]     | []       | [1]",
      "[]      | []       | []",
      "[1, 1]  | [1]      | [1, 1, 1]",
  })
  void concatKeepsOrderAndDuplicates(String a, String b, String expected) throws Exception {
    assertThat(arrays.call("array.concat", v(a), v(b))).isEqualTo(v(expected));
  }

  @ParameterizedTest(name = "array.slice({0}, {1}, {2}) = {3}")
  @CsvSource(delimiter = '|', value = {
      "[1, 2, 3, 4, 5] | 1    | 3    | [2, 3]",
      "[1, 2, 3, 4, 5] | 0    | 5    | [1, 2, 3, 4, 5]",
      "[1, 2, 3, 4, 5] | 2    | 2    | []",
      // Indices are clamped rather than counted from the end.
      "[1, 2, 3, 4, 5] | -4   | -1   | []",
      "[1, 2, 3, 4, 5] | -1   | 2    | [1, 2]",
      "[1, 2, 3, 4, 5] | 3    | 6    | [4, 5]",
      "[1, 2, 3, 4, 5] | 4    | 1    | []",
      "[]              | 1000 | 2000 | []",
      "[1, 2, 3]       | 1000 | 2000 | []",
      "[1, 2, 3]       | -9223372036854775808 | 9223372036854775807 | [1, 2, 3]",
      "[1, 2, 3]       | 1.0  | 2    | [2]",
  })
  void sliceClampsIndices(String array, String start, String stop, String expected)
      throws Exception {
    assertThat(arrays.call("array.slice", v(array), num(start), num(stop)))
        .isEqualTo(v(expected));
  }

  @Test
  void sliceIndicesMustBe64BitIntegers() {
    assertThat(arrays.error("array.slice", v("[1]"), num("0.5"), num("1")))
        .hasMessage("operand 2 must be integer number but got floating-point number")
        .extracting(BuiltinException::code).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(arrays.error("array.slice", v("[1]"), num("0"), num("9223372036854775808")))
        .hasMessage("operand 3 must be integer number but got floating-point number");
  }

  @ParameterizedTest(name = "array.reverse({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "[1, 2, 3]            | [3, 2, 1]",
      "[]                   | []",
      "[[1, 2], \"a\", {1}] | [{1}, \"a\", [1, 2]]",
  })
  void reverseReversesTopLevelOnly(String array, String expected) throws Exception {
    assertThat(arrays.call("array.reverse", v(array))).isEqualTo(v(expected));
  }
}
