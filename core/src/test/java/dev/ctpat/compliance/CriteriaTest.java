package dev.ctpat.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class CriteriaTest {
  @Test
  void idsSortSegmentBySegmentAndNumerically() {
    Criteria criteria = Criteria.of(List.of(criterion("12.8"), criterion("4.10"),
        criterion("4.2"), criterion("4.1"), criterion("X.1"), criterion("4")));

    assertThat(criteria.all()).extracting(Criterion::id)
        .containsExactly("4", "4.1", "4.2", "4.10", "12.8", "X.1");
  }

  @Test
  void criteriaAreFoundById() {
    Criteria criteria = Criteria.of(List.of(criterion("4.1")));

    assertThat(criteria.find("4.1")).contains(criterion("4.1"));
    assertThat(criteria.find("4.2")).isEmpty();
    assertThat(criteria.size()).isEqualTo(1);
  }

  @Test
  void getNamesTheKnownIdsWhenTheIdIsUnknown() {
    Criteria criteria = Criteria.of(List.of(criterion("4.1"), criterion("4.2")));

    assertThatThrownBy(() -> criteria.get("4.3"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no criterion 4.3; known: [4.1, 4.2]");
  }

  @Test
  void anIdMayBeDeclaredOnce() {
    assertThatThrownBy(() -> Criteria.of(List.of(criterion("4.1"), criterion("4.1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("criterion 4.1 is declared twice: in data.p and data.p");
  }

  @Test
  void theListIsImmutable() {
    Criteria criteria = Criteria.of(List.of(criterion("4.1")));

    assertThatThrownBy(() -> criteria.all().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static Criterion criterion(String id) {
    return new Criterion(id, "t", "", Requirement.MUST,
        List.of(new Criterion.SubItem(id + ".a", "a", Requirement.MUST)), List.of(),
        Criterion.Crosswalk.NONE, "data.p");
  }
}
