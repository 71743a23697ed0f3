package dev.ctpat.testkit;

import static dev.ctpat.testkit.EvidenceArbitraries.dates;
import static dev.ctpat.testkit.EvidenceArbitraries.flags;
import static dev.ctpat.testkit.EvidenceArbitraries.numbers;
import static dev.ctpat.testkit.EvidenceArbitraries.sources;
import static dev.ctpat.testkit.EvidenceArbitraries.texts;

import dev.ctpat.compliance.evidence.Program;
import dev.ctpat.compliance.evidence.Severity;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for the written program ({@code program}) and each of its records, in the
 * style of {@link EvidenceArbitraries}: valid, boundary and hostile values, {@code null} where
 * the model allows an unknown value, and absent lists where it allows "no evidence".
 */
public final class ProgramArbitraries {
  private ProgramArbitraries() {}

  private static <T> Arbitrary<List<T>> lists(Arbitrary<T> element) {
    return element.list().ofMaxSize(3);
  }

  /** A list, or {@code null} (the program file says nothing about it). */
  private static <T> Arbitrary<List<T>> maybe(Arbitrary<T> element) {
    return lists(element).injectNull(0.2);
  }

  /** Criterion ids as policies list them, with a few that are not criteria. */
  private static Arbitrary<String> criterionIds() {
    return Arbitraries.of("4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10",
        "4.11", "4.12", "4.13", "12.8", "4.1.0", "", "4.02");
  }

  public static Arbitrary<Program> programs() {
    return Combinators.combine(
        Combinators.combine(flags(), flags(), maybe(policies()), maybe(procedures()),
            maybe(policyReviews()), maybe(incidents()), maybe(credentialCompromises()))
            .as(Tuple::of),
        Combinators.combine(maybe(securityTests()), maybe(trainings()), maybe(accessReviews()),
            maybe(roleMatrixEntries()), maybe(remoteAccessAuthorizations()),
            monitorings().injectNull(0.2), maybe(violations())).as(Tuple::of),
        Combinators.combine(maybe(threatIntelFeeds()), maybe(approvedSoftware()),
            maybe(inventoryReconciliations()), maybe(mediaItems()), maybe(sanitizationRecords()),
            maybe(restoreTests()), sources().injectNull(0.3)).as(Tuple::of))
        .as((a, b, c) -> new Program(a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), a.get6(),
            a.get7(), b.get1(), b.get2(), b.get3(), b.get4(), b.get5(), b.get6(), b.get7(),
            c.get1(), c.get2(), c.get3(), c.get4(), c.get5(), c.get6(), c.get7()));
  }

  public static Arbitrary<Program.Policy> policies() {
    return Combinators.combine(texts(), texts(), texts().injectNull(0.3),
        dates().injectNull(0.2), texts().injectNull(0.3), dates().injectNull(0.3),
        lists(criterionIds()), sources()).as(Program.Policy::new);
  }

  public static Arbitrary<Program.Procedure> procedures() {
    return Combinators.combine(texts().injectNull(0.3), Arbitraries.of(Program.ProcedureKind.class),
        texts(), texts().injectNull(0.3), dates().injectNull(0.2), texts().injectNull(0.3),
        dates().injectNull(0.3), sources()).as(Program.Procedure::new);
  }

  public static Arbitrary<Program.PolicyReview> policyReviews() {
    return Combinators.combine(texts().injectNull(0.5), dates(),
        Arbitraries.of(Program.ReviewTrigger.class).injectNull(0.2), flags(),
        texts().injectNull(0.3), sources()).as(Program.PolicyReview::new);
  }

  public static Arbitrary<Program.Incident> incidents() {
    return Combinators.combine(texts(), dates(), Arbitraries.of(Severity.class).injectNull(0.15),
        texts().injectNull(0.3), sources()).as(Program.Incident::new);
  }

  public static Arbitrary<Program.CredentialCompromise> credentialCompromises() {
    return Combinators.combine(texts(), dates(), lists(texts()).injectNull(0.3),
        dates().injectNull(0.3), sources()).as(Program.CredentialCompromise::new);
  }

  public static Arbitrary<Program.SecurityTest> securityTests() {
    return Combinators.combine(texts().injectNull(0.3), Arbitraries.of(Program.TestType.class),
        Arbitraries.of(Program.TestScope.class), dates(), texts().injectNull(0.3),
        texts().injectNull(0.3), maybe(EvidenceArbitraries.vulnerabilities()), sources())
        .as(Program.SecurityTest::new);
  }

  public static Arbitrary<Program.Training> trainings() {
    return Combinators.combine(texts(), texts().injectNull(0.3),
        lists(Arbitraries.of(Program.TrainingTopic.class)), dates().injectNull(0.2), sources())
        .as(Program.Training::new);
  }

  public static Arbitrary<Program.AccessReview> accessReviews() {
    return Combinators.combine(texts(), dates().injectNull(0.2), texts().injectNull(0.3),
        sources()).as(Program.AccessReview::new);
  }

  public static Arbitrary<Program.RoleMatrixEntry> roleMatrixEntries() {
    return Combinators.combine(texts(), texts(), lists(texts()), sources())
        .as(Program.RoleMatrixEntry::new);
  }

  public static Arbitrary<Program.RemoteAccessAuthorization> remoteAccessAuthorizations() {
    return Combinators.combine(texts(), dates().injectNull(0.3), texts().injectNull(0.3),
        sources()).as(Program.RemoteAccessAuthorization::new);
  }

  public static Arbitrary<Program.Monitoring> monitorings() {
    return Combinators.combine(loggings().injectNull(0.2), maybe(alertRules()),
        webFilterings().injectNull(0.2), integrityMonitorings().injectNull(0.2),
        maybe(logReviews())).as(Program.Monitoring::new);
  }

  public static Arbitrary<Program.Logging> loggings() {
    return Combinators.combine(flags(), numbers(0, 3650).injectNull(0.3),
        texts().injectNull(0.3), sources()).as(Program.Logging::new);
  }

  public static Arbitrary<Program.AlertRule> alertRules() {
    return Combinators.combine(texts().injectNull(0.3), texts().injectNull(0.2),
        Arbitraries.of(Program.AlertKind.class), flags(), sources()).as(Program.AlertRule::new);
  }

  public static Arbitrary<Program.WebFiltering> webFilterings() {
    return Combinators.combine(flags(), flags(), texts().injectNull(0.3), sources())
        .as(Program.WebFiltering::new);
  }

  public static Arbitrary<Program.IntegrityMonitoring> integrityMonitorings() {
    return Combinators.combine(flags(), texts().injectNull(0.3), texts().injectNull(0.3),
        sources()).as(Program.IntegrityMonitoring::new);
  }

  public static Arbitrary<Program.LogReview> logReviews() {
    return Combinators.combine(dates(), texts().injectNull(0.3), sources())
        .as(Program.LogReview::new);
  }

  public static Arbitrary<Program.Violation> violations() {
    return Combinators.combine(texts(), dates().injectNull(0.3), flags(),
        texts().injectNull(0.3), texts().injectNull(0.3), sources()).as(Program.Violation::new);
  }

  public static Arbitrary<Program.ThreatIntelFeed> threatIntelFeeds() {
    return Combinators.combine(texts(), texts().injectNull(0.3), dates().injectNull(0.3),
        sources()).as(Program.ThreatIntelFeed::new);
  }

  public static Arbitrary<Program.ApprovedSoftware> approvedSoftware() {
    return Combinators.combine(texts(), texts().injectNull(0.3), sources())
        .as(Program.ApprovedSoftware::new);
  }

  public static Arbitrary<Program.InventoryReconciliation> inventoryReconciliations() {
    return Combinators.combine(Arbitraries.of(Program.InventoryScope.class), dates(),
        texts().injectNull(0.3), sources()).as(Program.InventoryReconciliation::new);
  }

  public static Arbitrary<Program.MediaItem> mediaItems() {
    return Combinators.combine(texts(), texts().injectNull(0.3), texts().injectNull(0.3),
        Arbitraries.of(Program.MediaStatus.class), dates().injectNull(0.5), flags(), sources())
        .as(Program.MediaItem::new);
  }

  public static Arbitrary<Program.SanitizationRecord> sanitizationRecords() {
    return Combinators.combine(texts(), texts().injectNull(0.3), dates().injectNull(0.2),
        Arbitraries.of(Program.SanitizationMethod.class).injectNull(0.2),
        texts().injectNull(0.2), texts().injectNull(0.5), texts().injectNull(0.5), sources())
        .as(Program.SanitizationRecord::new);
  }

  public static Arbitrary<Program.RestoreTest> restoreTests() {
    return Combinators.combine(texts().injectNull(0.3), dates(), flags(), sources())
        .as(Program.RestoreTest::new);
  }
}
