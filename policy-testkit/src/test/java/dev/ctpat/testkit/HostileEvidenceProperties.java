package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * DESIGN §7: every input can be wrong. On any document, however broken (blank, unicode and
 * control-character text, {@code Integer.MIN_VALUE}, the year 9999, wrong JSON types, absent
 * parts), every criterion still gives a well-formed result: no evaluation error, no rule
 * conflict, no undefined result.
 */
class HostileEvidenceProperties {
  private static final PolicyHarness CTPAT = PolicyHarness.ctpat();

  @Provide
  Arbitrary<EvidenceDocument> anyDocuments() {
    return Arbitraries.oneOf(EvidenceArbitraries.documents(),
        EvidenceArbitraries.hostileDocuments());
  }

  @Property
  void everyCriterionDecidesEveryDocument(@ForAll("anyDocuments") EvidenceDocument doc) {
    // evaluateAll throws when a criterion fails to evaluate or gives a malformed result.
    assertThat(CTPAT.evaluateAll(doc)).containsOnlyKeys(
        CTPAT.criteria().all().stream().map(c -> c.id()).toList());
  }
}
