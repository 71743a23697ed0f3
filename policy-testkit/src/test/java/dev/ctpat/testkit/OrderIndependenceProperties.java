package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Evidence is a set of facts, not a sequence: shuffling every list of a document, or
 * duplicating items (as merged exports do), changes the status of no criterion and no
 * sub-item.
 */
class OrderIndependenceProperties {
  private static final PolicyHarness CTPAT = PolicyHarness.ctpat();

  @Provide
  Arbitrary<EvidenceDocument> documents() {
    return EvidenceArbitraries.documents();
  }

  @Provide
  Arbitrary<Rearrangement> rearrangements() {
    return EvidenceArbitraries.rearrangements();
  }

  @Property
  void shufflingOrDuplicatingEvidenceItemsChangesNoStatus(
      @ForAll("documents") EvidenceDocument doc,
      @ForAll("rearrangements") Rearrangement rearrangement) {
    Map<String, CriterionOutcome> before = CTPAT.evaluateAll(doc);
    Map<String, CriterionOutcome> after = CTPAT.evaluateAll(rearrangement.apply(doc));
    List<String> changed = new ArrayList<>();
    before.forEach((id, was) -> {
      CriterionOutcome now = after.get(id);
      if (now.status() != was.status() || !now.subItems().equals(was.subItems())) {
        changed.add(String.format("before %s%nafter %s", was, now));
      }
    });
    assertThat(changed).as("statuses changed by %s", rearrangement).isEmpty();
  }
}
