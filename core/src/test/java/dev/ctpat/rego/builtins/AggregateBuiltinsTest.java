package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.StringValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AggregateBuiltinsTest {
  private final Family aggregates = new Family(new AggregateBuiltins());

  @Test
  void registersOpaNamesAndSignatures() {
    assertThat(aggregates.builtins().keySet()).containsExactlyInAnyOrder("count", "sum",
        "product", "max", "min", "sort", "all", "any");
    assertThat(aggregates.builtins().values()).allSatisfy(b -> assertThat(b.arity()).isEqualTo(1));
    assertThat(aggregates.builtin("sum").type().args()).containsExactly(
        Types.anyOf(Types.arrayOf(Types.NUMBER), Types.setOf(Types.NUMBER)));
    assertThat(aggregates.builtin("all").category()).isEqualTo("deprecated");
  }

  @ParameterizedTest(name = "count({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "[1, 2, 3, 4]           | 4",
      "[]                     | 0",
      "{1, 2}                 | 2",
      "set()                  | 0",
      "{\"a\": 1, \"b\": 2}   | 2",
      "{}                     | 0",
      "\"abcde\"              | 5",
      "\"\"                   | 0",
      "\"\u00e5\u00e4\u00f6\" | 3",
  })
  void countCountsMembersOrCharacters(String collection, String expected) throws Exception {
    assertThat(aggregates.call("count", v(collection))).isEqualTo(v(expected));
  }

  @Test
  void countOfAStringCountsCodePointsNotUtf16Units() throws Exception {
    assertThat(aggregates.call("count", StringValue.of("a\uD83D\uDE00b"))).isEqualTo(v("3"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"null | null", "5 | number", "true | boolean"})
  void countRejectsScalars(String operand, String typeName) {
    BuiltinException e = aggregates.error("count", v(operand));
    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e).hasMessage(
        "operand 1 must be one of {array, object, set, string} but got " + typeName);
  }

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(delimiter = '|', value = {
      "sum     | [1, 2, 3, 4]                   | 10",
      "sum     | {1, 2, 3, 4}                   | 10",
      "sum     | []                             | 0",
      "sum     | set()                          | 0",
      "sum     | [49649733057, 1]               | 49649733058",
      "sum     | [0.1, 0.2]                     | 0.3",
      "sum     | [1.5, 2.5, -4]                 | 0",
      "sum     | [9223372036854775807, 1]       | 9223372036854775808",
      "product | [1, 2, 3, 4]                   | 24",
      "product | {1, 2, 3, 4}                   | 24",
      "product | []                             | 1",
      "product | [0.5, 0.5]                     | 0.25",
      "product | [4294967296, 4294967296, 4294967296] | 79228162514264337593543950336",
  })
  void sumAndProductAreExact(String name, String numbers, String expected) throws Exception {
    assertThat(aggregates.call(name, v(numbers))).isEqualTo(v(expected));
  }

  @Test
  void sumAndProductRejectNonNumbersNamingTheCollection() {
    assertThat(aggregates.error("sum", v("[1, \"2\"]")))
        .hasMessage("operand 1 must be array of numbers but got array containing string")
        .extracting(BuiltinException::code).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(aggregates.error("product", v("{1, null}")))
        .hasMessage("operand 1 must be set of numbers but got set containing null");
  }

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(delimiter = '|', value = {
      "max | [1, 2, 3, 4]              | 4",
      "max | {1, 2, 3, 4}              | 4",
      "max | [3, 2, 1, 4, 6, -7, 10]   | 10",
      "max | [1, \"a\", null, [0]]     | [0]",
      "max | [{}, set(), true]         | set()",
      "min | [1, 2, 1, 3, 4]           | 1",
      "min | [3, 2, 1, 4, 6, -7, 10]   | -7",
      "min | {\"b\", \"a\"}            | \"a\"",
      "min | [1, \"a\", null, [0]]     | null",
      "min | [1.5, 1.25]               | 1.25",
  })
  void maxAndMinUseOpasTotalOrder(String name, String collection, String expected)
      throws Exception {
    assertThat(aggregates.call(name, v(collection))).isEqualTo(v(expected));
  }

  @ParameterizedTest
  @CsvSource({"max, []", "max, set()", "min, []", "min, set()"})
  void maxAndMinOfNothingAreUndefined(String name, String empty) throws Exception {
    assertThat(aggregates.call(name, v(empty))).isNull();
  }

  @ParameterizedTest(name = "sort({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "[3, 1, 2]                        | [1, 2, 3]",
      "{3, 1, 2}                        | [1, 2, 3]",
      "[]                               | []",
      "set()                            | []",
      "[\"b\", 1, null, [1], true, {}]  | [null, true, 1, \"b\", [1], {}]",
      "[2, 1, 2]                        | [1, 2, 2]",
  })
  void sortOrdersAcrossTypes(String collection, String expected) throws Exception {
    assertThat(aggregates.call("sort", v(collection))).isEqualTo(v(expected));
  }

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(delimiter = '|', value = {
      "all | set()                         | true",
      "all | []                            | true",
      "all | {true}                        | true",
      "all | [true, true, true]            | true",
      "all | {false, true}                 | false",
      "all | [{}, \"\", true, true, 123]   | false",
      "any | [true, true, false, false]    | true",
      "any | {false}                       | false",
      "any | []                            | false",
      "any | [1, \"true\"]                 | false",
  })
  void allAndAnyTestForTrue(String name, String collection, boolean expected) throws Exception {
    assertThat(aggregates.call(name, v(collection))).isEqualTo(v(Boolean.toString(expected)));
  }
}
