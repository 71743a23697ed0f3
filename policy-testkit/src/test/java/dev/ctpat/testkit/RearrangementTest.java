package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RearrangementTest {
  private static final EvidenceDocument DOC = EvidenceDocument.parse("""
      {"accounts": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}],
       "program": {"policies": [{"id": "p", "covers": ["4.2", "4.3", "4.4", "4.5"]}]}}
      """);

  private static List<String> ids(EvidenceDocument doc) {
    List<String> ids = new ArrayList<>();
    for (JsonNode account : doc.at("/accounts")) {
      ids.add(account.path("id").asText());
    }
    return ids;
  }

  @Test
  void shufflingKeepsEveryItemOfEveryList() {
    EvidenceDocument shuffled = new Rearrangement(7, 0).apply(DOC);
    assertThat(ids(shuffled)).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(shuffled.count("/program/policies/0/covers")).isEqualTo(4);
  }

  @Test
  void someSeedReordersTheItems() {
    assertThat(List.of(1L, 2L, 3L, 4L, 5L))
        .anySatisfy(seed -> assertThat(ids(new Rearrangement(seed, 0).apply(DOC)))
            .isNotEqualTo(List.of("a", "b", "c", "d")));
  }

  @Test
  void duplicatesAreCopiesOfRecordsNotOfPlainValues() {
    EvidenceDocument doubled = new Rearrangement(3, 2).apply(DOC);
    assertThat(doubled.count("/accounts") + doubled.count("/program/policies")).isEqualTo(7);
    assertThat(doubled.count("/program/policies/0/covers")).isEqualTo(4);
  }

  @Test
  void theSameSeedGivesTheSameDocument() {
    assertThat(new Rearrangement(42, 1).apply(DOC)).isEqualTo(new Rearrangement(42, 1).apply(DOC));
  }

  @Test
  void aNegativeNumberOfDuplicatesIsRejected() {
    assertThatThrownBy(() -> new Rearrangement(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itSaysWhatItDoes() {
    assertThat(new Rearrangement(5, 0)).hasToString("shuffle every list (seed 5)");
    assertThat(new Rearrangement(5, 2))
        .hasToString("shuffle every list (seed 5) and duplicate 2 items");
  }
}
