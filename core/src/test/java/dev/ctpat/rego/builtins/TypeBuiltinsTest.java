package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.num;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.StringValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeBuiltinsTest {
  private final Family types = new Family(new TypeBuiltins());

  @Test
  void registersOpaNamesAndCategories() {
    assertThat(types.builtins().keySet()).containsExactlyInAnyOrder("is_number", "is_string",
        "is_boolean", "is_array", "is_set", "is_object", "is_null", "type_name", "to_number",
        "cast_array", "cast_set", "cast_string", "cast_boolean", "cast_null", "cast_object");
    assertThat(types.builtins().values()).allSatisfy(b -> assertThat(b.arity()).isEqualTo(1));
    assertThat(types.builtin("is_set").category()).isEqualTo("types");
    assertThat(types.builtin("to_number").category()).isEqualTo("conversions");
    assertThat(types.builtin("cast_set").category()).isEqualTo("deprecated");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "null        | null",
      "false       | boolean",
      "-42.0       | number",
      "\"Hello\"   | string",
      "[1, 2, 3]   | array",
      "{1, 2, 3}   | set",
      "set()       | set",
      "{}          | object",
      "{1: 2}      | object",
  })
  void typeNameAndExactlyOneTypeTestHold(String value, String typeName) throws Exception {
    assertThat(types.call("type_name", v(value))).isEqualTo(StringValue.of(typeName));
    for (String t : new String[] {"null", "boolean", "number", "string", "array", "set",
        "object"}) {
      assertThat(types.call("is_" + t, v(value)))
          .as("is_%s(%s)", t, value)
          .isEqualTo(BooleanValue.of(t.equals(typeName)));
    }
  }

  @ParameterizedTest(name = "to_number({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "null                    | 0",
      "false                   | 0",
      "true                    | 1",
      "100.1                   | 100.1",
      "\"-42.0\"               | -42",
      "\"3\"                   | 3",
      "\"+5\"                  | 5",
      "\".5\"                  | 0.5",
      "\"5.\"                  | 5",
      "\"1e3\"                 | 1000",
      "\"1E-2\"                | 0.01",
      "\"00012\"               | 12",
      "\"1_000\"               | 1000",
      "\"1_23.50_0_0e+1_2\"    | 123500000000000",
      "\"0x1p-2\"              | 0.25",
      "\"0X_1Fp0\"             | 31",
      "\"-0x1.8p1\"            | -3",
      "\"123456789012345678901234567890.123456789\" | 123456789012345678901234567890.123456789",
      "\"1e-400\"              | 1e-400",
  })
  void toNumberConverts(String value, String expected) throws Exception {
    assertThat(types.call("to_number", v(value))).isEqualTo(num(expected));
  }

  @ParameterizedTest
  @CsvSource({"broken", "''", "' 1'", "'1 '", "1e", "1e+", ".", "1.2.3", "--1", "+-1", "0x10",
      "0x", "1_", "_1", "1__0", "1_.5", "0x1p", "1d", "0b101", "Infinityy", "'1,5'"})
  void toNumberRejectsWhatGoCannotParse(String text) {
    BuiltinException e = types.error("to_number", StringValue.of(text));
    assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    assertThat(e).hasMessage("strconv.ParseFloat: parsing \"" + text + "\": invalid syntax");
  }

  @Test
  void toNumberQuotesTheTextAsGoDoes() {
    assertThat(types.error("to_number", StringValue.of("a\"b\\c\n\u0001\u00a0\u00e9")))
        .hasMessage("strconv.ParseFloat: parsing \"a\\\"b\\\\c\\n\\x01\\u00a0\u00e9\": "
            + "invalid syntax");
  }

  @ParameterizedTest
  @CsvSource({"1e400", "-1e309", "0x1p1024"})
  void toNumberRejectsFloatOverflow(String text) {
    BuiltinException e = types.error("to_number", StringValue.of(text));
    assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    assertThat(e).hasMessage("strconv.ParseFloat: parsing \"" + text + "\": value out of range");
  }

  @ParameterizedTest
  @CsvSource({"inf", "-Inf", "+infinity", "NaN", "--nan", "+-INF"})
  void toNumberRejectsInfinitiesAndNaN(String text) {
    BuiltinException e = types.error("to_number", StringValue.of(text));
    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e).hasMessage("operand 1 must be valid number string but got string");
  }

  @Test
  void toNumberRejectsCollections() {
    assertThat(types.error("to_number", v("[]")))
        .hasMessage("operand 1 must be one of {null, boolean, number, string} but got array");
  }

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(delimiter = '|', value = {
      "cast_array   | [1, 2, 3]   | [1, 2, 3]",
      "cast_array   | {3, 1, 2}   | [1, 2, 3]",
      "cast_array   | set()       | []",
      "cast_set     | [1, 2, 1]   | {1, 2}",
      "cast_set     | {1}         | {1}",
      "cast_string  | \"a\"       | \"a\"",
      "cast_boolean | false       | false",
      "cast_null    | null        | null",
      "cast_object  | {}          | {}",
      "cast_object  | {1: 2}      | {1: 2}",
  })
  void castsAcceptTheirTypes(String name, String value, String expected) throws Exception {
    assertThat(types.call(name, v(value))).isEqualTo(v(expected));
  }

  @ParameterizedTest(name = "{0}({1}) fails")
  @CsvSource(delimiter = '|', value = {
      "cast_array   | \"hello\"  | operand 1 must be one of {array, set} but got string",
      "cast_set     | \"hello\"  | operand 1 must be one of {array, set} but got string",
      "cast_string  | [1, 2, 3]  | operand 1 must be string but got array",
      "cast_boolean | 1          | operand 1 must be boolean but got number",
      "cast_null    | {}         | operand 1 must be null but got object",
      "cast_object  | [1, 2, 3]  | operand 1 must be object but got array",
      "cast_object  | {1}        | operand 1 must be object but got set",
  })
  void castsRejectOtherTypes(String name, String value, String message) {
    BuiltinException e = types.error(name, v(value));
    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e).hasMessage(message);
  }
}
