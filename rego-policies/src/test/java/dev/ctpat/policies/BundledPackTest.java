package dev.ctpat.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.compliance.Criterion;
import dev.ctpat.compliance.PolicyPack;
import dev.ctpat.compliance.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The criteria the packaged pack declares, read through the facade as users read them. */
class BundledPackTest {
  private static final List<Criterion> CRITERIA = PolicyPack.bundled().criteria().all();

  @Test
  void thePackDeclaresTheCybersecurityCriteriaAndTraining() {
    assertThat(CRITERIA).extracting(Criterion::id).containsExactly("4.1", "4.2", "4.3", "4.4",
        "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12", "4.13", "12.8");
  }

  @Test
  void fourFourElevenAndTwelveAreShouldTheRestMust() {
    assertThat(CRITERIA).filteredOn(c -> c.requirement() == Requirement.SHOULD)
        .extracting(Criterion::id).containsExactly("4.4", "4.11", "4.12");
  }

  @Test
  void subItemsAreNamedAfterTheirCriterion() {
    assertThat(CRITERIA).allSatisfy(c -> assertThat(c.subItems())
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.id()).startsWith(c.id() + ".")));
  }

  @Test
  void everyCriterionMapsToNistCsfAndCisControls() {
    assertThat(CRITERIA).allSatisfy(c -> assertThat(c.crosswalk().frameworks())
        .containsKeys("nist_csf_2", "cis_v8"));
  }

  @Test
  void everyCriterionIsDescribedAndNamesItsEvidence() {
    assertThat(CRITERIA).allSatisfy(c -> {
      assertThat(c.description()).isNotBlank();
      assertThat(c.evidence()).isNotEmpty();
      assertThat(c.packagePath()).startsWith("data.ctpat.criteria.c");
    });
  }
}
