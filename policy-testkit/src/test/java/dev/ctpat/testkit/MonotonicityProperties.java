package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.compliance.Status;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Thresholds are thresholds: strengthening any setting (a longer minimum password length, a
 * lower lockout threshold, a newer backup, fewer pending patches, ...) never turns a pass into
 * a fail, on any document; weakening one past its threshold always fails its criterion.
 */
class MonotonicityProperties {
  private static final PolicyHarness CTPAT = PolicyHarness.ctpat();

  @Provide
  Arbitrary<EvidenceDocument> documents() {
    return EvidenceArbitraries.documents();
  }

  @Provide
  Arbitrary<EvidenceDocument> compliant() {
    return EvidenceArbitraries.compliantDocuments();
  }

  @Provide
  Arbitrary<Change> strengthenings() {
    return EvidenceArbitraries.strengthenings();
  }

  @Provide
  Arbitrary<Change> weakenings() {
    return EvidenceArbitraries.weakenings();
  }

  @Property
  void strengtheningASettingNeverTurnsAPassIntoAFail(
      @ForAll("documents") EvidenceDocument doc, @ForAll("strengthenings") Change change) {
    Assume.that(change.appliesTo(doc));
    EvidenceDocument stronger = change.apply(doc);
    Map<String, CriterionOutcome> before = CTPAT.evaluateAll(doc);
    Map<String, CriterionOutcome> after = CTPAT.evaluateAll(stronger);
    before.forEach((id, was) -> {
      if (was.passes()) {
        assertThat(after.get(id).status())
            .as("%s passed, but not after %s:%n%s%n%s", id, change,
                String.join("\n", doc.diff(stronger)), after.get(id))
            .isEqualTo(Status.PASS);
      }
    });
  }

  @Property
  void weakeningASettingPastItsThresholdAlwaysFails(
      @ForAll("compliant") EvidenceDocument doc, @ForAll("weakenings") Change change) {
    Assume.that(change.appliesTo(doc));
    EvidenceDocument weaker = change.apply(doc);
    CriterionOutcome outcome = CTPAT.evaluate(change.criterion(), weaker);
    assertThat(outcome.status())
        .as("after %s:%n%s%n%s", change, String.join("\n", doc.diff(weaker)), outcome)
        .isEqualTo(Status.FAIL);
  }
}
