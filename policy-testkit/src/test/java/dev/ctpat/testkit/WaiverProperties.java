package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.compliance.Criterion;
import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.evidence.Source;
import dev.ctpat.compliance.evidence.Waiver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The pack's README, "Waivers": an active waiver (with a reason, an approver and an expiry on or
 * after the as-of day) that covers every failing sub-item turns {@code fail} into
 * {@code waived} (or {@code insufficient_evidence} when evidence is missing too) and changes
 * nothing else: no other status, no sub-item, no finding. An expired waiver never hides a
 * failure; it adds a finding when it would have covered one.
 */
class WaiverProperties {
  private static final PolicyHarness CTPAT = PolicyHarness.ctpat();

  /**
   * Documents that usually fail some criterion: real-looking documents with a weakened setting,
   * and without waivers, so that the one added is the only one.
   */
  @Provide
  Arbitrary<EvidenceDocument> failing() {
    return Combinators.combine(EvidenceArbitraries.documents(), EvidenceArbitraries.weakenings())
        .as((doc, change) -> change.apply(doc).without("/waivers"));
  }

  @Provide
  Arbitrary<Plan> active() {
    return plans(Arbitraries.integers().between(0, 400));
  }

  @Provide
  Arbitrary<Plan> expired() {
    return plans(Arbitraries.integers().between(-400, -1).shrinkTowards(-1));
  }

  private static Arbitrary<Plan> plans(Arbitrary<Integer> expiresIn) {
    // Mostly the first failing criterion, as whole or for its first failing sub-item.
    Arbitrary<Integer> criterion = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(0, 20)));
    return Combinators.combine(criterion, Arbitraries.of(Scope.class), expiresIn,
        EvidenceArbitraries.texts(), EvidenceArbitraries.texts()).as(Plan::new);
  }

  @Property
  void anActiveWaiverTurnsACoveredFailIntoWaivedAndChangesNothingElse(
      @ForAll("failing") EvidenceDocument doc, @ForAll("active") Plan plan) {
    Assume.that(doc.asOf() != null);
    Map<String, CriterionOutcome> before = CTPAT.evaluateAll(doc);
    Waiver waiver = plan.waiver(doc.asOf(), before);
    Map<String, CriterionOutcome> after = CTPAT.evaluateAll(doc.append("/waivers", waiver));
    before.forEach((id, was) -> {
      CriterionOutcome now = after.get(id);
      String why = String.format("%s with waiver %s%nbefore %s%nafter %s", id, json(waiver), was,
          now);
      assertThat(now.subItems()).as(why).isEqualTo(was.subItems());
      assertThat(now.findings()).as(why).isEqualTo(was.findings());
      if (id.equals(waiver.criterion()) && plan.wellFormed() && was.status() == Status.FAIL
          && covers(waiver, failing(was))) {
        assertThat(now.status()).as(why).isEqualTo(lacksEvidence(was)
            ? Status.INSUFFICIENT_EVIDENCE : Status.WAIVED);
      } else {
        assertThat(now.status()).as(why).isEqualTo(was.status());
      }
    });
  }

  @Property
  void anExpiredWaiverNeverHidesAFailure(
      @ForAll("failing") EvidenceDocument doc, @ForAll("expired") Plan plan) {
    Assume.that(doc.asOf() != null);
    Map<String, CriterionOutcome> before = CTPAT.evaluateAll(doc);
    Waiver waiver = plan.waiver(doc.asOf(), before);
    Map<String, CriterionOutcome> after = CTPAT.evaluateAll(doc.append("/waivers", waiver));
    before.forEach((id, was) -> {
      CriterionOutcome now = after.get(id);
      String why = String.format("%s with waiver %s%nbefore %s%nafter %s", id, json(waiver), was,
          now);
      assertThat(now.status()).as(why).isEqualTo(was.status());
      assertThat(now.subItems()).as(why).isEqualTo(was.subItems());
      Set<String> failing = failing(was);
      if (id.equals(waiver.criterion()) && plan.wellFormed() && was.status() == Status.FAIL
          && (waiver.scope() == null || failing.contains(waiver.scope()))) {
        assertThat(now.findings()).as(why)
            .anyMatch(f -> f.status() == Status.FAIL
                && f.message().contains("expired on " + waiver.expiresOn()));
      }
    });
  }

  private static String json(Waiver waiver) {
    return EvidenceDocument.parse("{}").with("/waiver", waiver).at("/waiver").toString();
  }

  /** The failing sub-items, and the criterion id when a finding fails the whole criterion. */
  private static Set<String> failing(CriterionOutcome o) {
    Set<String> failing = new TreeSet<>(o.subItemsWith(Status.FAIL));
    if (o.findingsOf(o.id()).stream().anyMatch(f -> f.status() == Status.FAIL)) {
      failing.add(o.id());
    }
    return failing;
  }

  private static boolean lacksEvidence(CriterionOutcome o) {
    return !o.subItemsWith(Status.INSUFFICIENT_EVIDENCE).isEmpty()
        || o.findingsOf(o.id()).stream().anyMatch(f -> f.status() == Status.INSUFFICIENT_EVIDENCE);
  }

  /** Whether the waiver covers every failing sub-item. */
  private static boolean covers(Waiver waiver, Set<String> failing) {
    return !failing.isEmpty()
        && (waiver.scope() == null || failing.equals(Set.of(waiver.scope())));
  }

  /** What a waiver is limited to. */
  enum Scope {
    /** The whole criterion. */
    WHOLE,
    /** Its first failing sub-item (its first sub-item when none fails). */
    FAILING_SUB_ITEM,
    /** Its last sub-item. */
    OTHER_SUB_ITEM,
    /** A sub-item the criterion does not have. */
    UNKNOWN
  }

  /**
   * A waiver to add, described relative to the document it is added to.
   *
   * @param criterion which criterion, counting the failing ones first
   * @param expiresIn days from the as-of day to the expiry (negative: expired)
   */
  record Plan(int criterion, Scope scope, int expiresIn, String reason, String approver) {
    /** Well formed as the pack reads it: a reason and an approver that are not blank. */
    boolean wellFormed() {
      return !reason.isBlank() && !approver.isBlank();
    }

    Waiver waiver(LocalDate asOf, Map<String, CriterionOutcome> outcomes) {
      List<String> ids = new ArrayList<>();
      outcomes.forEach((id, o) -> {
        if (o.status() == Status.FAIL) {
          ids.add(id);
        }
      });
      outcomes.keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
      String id = ids.get(criterion % ids.size());
      CriterionOutcome target = outcomes.get(id);
      List<String> subs = CTPAT.criteria().get(id).subItems().stream()
          .map(Criterion.SubItem::id).toList();
      String limitedTo = switch (scope) {
        case WHOLE -> null;
        case FAILING_SUB_ITEM -> target.subItemsWith(Status.FAIL).stream().findFirst()
            .orElse(subs.get(0));
        case OTHER_SUB_ITEM -> subs.get(subs.size() - 1);
        case UNKNOWN -> id + ".no_such_sub_item";
      };
      return new Waiver("W-1", id, limitedTo, reason, approver, asOf.plusDays(expiresIn),
          Source.of("ctpat.yaml", 300, "program-file"));
    }
  }
}
