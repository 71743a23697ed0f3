package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetBuiltinsTest {
  private final Family sets = new Family(new SetBuiltins());

  @Test
  void registersOpaNamesAndSignatures() {
    assertThat(sets.builtins().keySet())
        .containsExactlyInAnyOrder("intersection", "union", "set_diff");
    assertThat(sets.builtin("union").type().args()).containsExactly(Types.setOf(Types.SET));
    assertThat(sets.builtin("set_diff").category()).isEqualTo("deprecated");
  }

  @ParameterizedTest(name = "intersection({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "{{1, 2, 3}, {2, 3, 4}, {3, 2}} | {2, 3}",
      "{{1, 2}}                       | {1, 2}",
      "{{1}, {2}}                     | set()",
      "{{1}, set()}                   | set()",
      "{{[1], {\"a\": 2}}, {[1]}}     | {[1]}",
      "set()                          | set()",
  })
  void intersectionKeepsCommonMembers(String setOfSets, String expected) throws Exception {
    assertThat(sets.call("intersection", v(setOfSets))).isEqualTo(v(expected));
  }

  @ParameterizedTest(name = "union({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "{{1, 2}, {2, 3}, {4}}  | {1, 2, 3, 4}",
      "{{1}, set()}           | {1}",
      "{set()}                | set()",
      "set()                  | set()",
      "{{{1}}, {{1}, 2}}      | {{1}, 2}",
  })
  void unionKeepsAllMembers(String setOfSets, String expected) throws Exception {
    assertThat(sets.call("union", v(setOfSets))).isEqualTo(v(expected));
  }

  @ParameterizedTest
  @CsvSource({"intersection", "union"})
  void membersMustBeSets(String name) {
    BuiltinException e = sets.error(name, v("{{1}, 2}"));
    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e).hasMessage("operand 1 must be set but got number");
  }

  @Test
  void setDiffIsTheDifference() throws Exception {
    assertThat(sets.call("set_diff", v("{1, 2, 3}"), v("{2, 5}"))).isEqualTo(v("{1, 3}"));
    assertThat(sets.call("set_diff", v("set()"), v("{2}"))).isEqualTo(v("set()"));
  }
}
