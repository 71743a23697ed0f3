package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrayFlattenBuiltinTest {
  private final Family array = new Family(new ArrayFlattenBuiltin());

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[]                              | []",
      "[1, 2, 3]                       | [1, 2, 3]",
      "[[1, 2], [3]]                   | [1, 2, 3]",
      "[-1, 1, [2]]                    | [-1, 1, 2]",
      "[[], [[]], 1]                   | [[], 1]",
      "[1, [2, [3, [4]]]]              | [1, 2, [3, [4]]]",
      "[{\"a\": [1]}, \"s\", null, [true]] | [{\"a\": [1]}, \"s\", null, true]",
  })
  void splicesInTheElementsOfNestedArraysOneLevelDeep(String input, String flattened)
      throws Exception {
    assertThat(array.callJson("array.flatten", input)).isEqualTo(json(flattened));
  }
}
