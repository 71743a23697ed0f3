package dev.ctpat.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphqlSuggestionsTest {
  @ParameterizedTest
  @CsvSource({
      "abc, abc, 0",
      "abc, ABC, 1",
      "kitten, sitting, 3",
      "'', abc, 3",
      "日本, 日木, 1"})
  void lexicalDistanceIsLevenshteinWithCaseChangesAsOneEdit(String a, String b, int distance) {
    assertThat(GraphqlSuggestions.lexicalDistance(a, b)).isEqualTo(distance);
  }

  @Test
  void similarKeepsOptionsWithinFortyPercentEditsNearestFirst() {
    assertThat(GraphqlSuggestions.similar("nam", List.of("names", "id", "name", "nickname")))
        .containsExactly("name", "names");
    assertThat(GraphqlSuggestions.similar("x", List.of("ab", "y", "xyz"))).containsExactly("y");
  }

  @Test
  void orListNamesAtMostFiveItems() {
    assertThat(GraphqlSuggestions.orList(List.of())).isEmpty();
    assertThat(GraphqlSuggestions.orList(List.of("a"))).isEqualTo("a");
    assertThat(GraphqlSuggestions.orList(List.of("a", "b"))).isEqualTo("a or b");
    assertThat(GraphqlSuggestions.quotedOrList(List.of("a", "b", "c")))
        .isEqualTo("\"a\", \"b\", or \"c\"");
    assertThat(GraphqlSuggestions.orList(List.of("a", "b", "c", "d", "e", "f")))
        .isEqualTo("a, b, c, d, or e");
  }

  @Test
  void quotedHintIsEmptyWithoutSimilarOptions() {
    assertThat(GraphqlSuggestions.quoted("Did you mean", "zzz", List.of("abc"))).isEmpty();
    assertThat(GraphqlSuggestions.quoted("Did you mean", "ab", List.of("abc")))
        .isEqualTo(" Did you mean \"abc\"?");
  }
}
