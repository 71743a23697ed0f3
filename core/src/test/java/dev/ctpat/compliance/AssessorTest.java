package dev.ctpat.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.compliance.evidence.EvidenceJson;
import dev.ctpat.compliance.evidence.Severity;
import dev.ctpat.compliance.evidence.Source;
import dev.ctpat.compliance.evidence.Waiver;
import dev.ctpat.rego.api.EvalLimits;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessorTest {
  private static final Assessor ASSESSOR = Assessor.builder().pack(Fixtures.pack()).build();
  private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

  @TempDir
  Path dir;

  // What an assessment finds.

  @Test
  void everyCriterionPassesOnCompleteEvidence() {
    AssessmentReport report = ASSESSOR.assess(Json.parse(Fixtures.PASSING));

    assertThat(report.criteria()).extracting(CriterionResult::status).containsOnly(Status.PASS);
    assertThat(report.criteria()).allSatisfy(c -> assertThat(c.findings()).isEmpty());
    assertThat(report.compliant()).isTrue();
    assertThat(report.summary())
        .isEqualTo(new AssessmentReport.Summary(true, 3, 0, 0, 0, 0));
  }

  @Test
  void withoutEvidenceNoCriterionPassesAndEachFindingNamesWhatIsMissing() {
    AssessmentReport report = ASSESSOR.assess(Json.parse("{}"));

    assertThat(report.criteria()).extracting(CriterionResult::status)
        .containsOnly(Status.INSUFFICIENT_EVIDENCE);
    assertThat(report.criteria()).flatExtracting(CriterionResult::findings)
        .extracting(Finding::message)
        .containsExactly("No evidence: alarm is missing.", "No evidence: doors is missing.",
            "No evidence: logbook is missing.", "No evidence: lights is missing.");
    assertThat(report.compliant()).isFalse();
  }

  @Test
  void resultsFollowTheCriterionOrderWithTheMetadataOfThePack() {
    AssessmentReport report = ASSESSOR.assess(Json.parse("{}"));

    assertThat(report.criteria()).extracting(CriterionResult::criterion)
        .containsExactlyElementsOf(Fixtures.pack().criteria().all());
    assertThat(report.criteria().get(0).subItems())
        .extracting(s -> s.id() + "=" + s.status().id())
        .containsExactly("1.1.locked=insufficient_evidence", "1.1.alarm=insufficient_evidence");
  }

  @Test
  void aViolationIsReportedWithItsEvidence() {
    AssessmentReport report = ASSESSOR.assess(withPatch("""
        {"doors": [{"name": "back", "locked": false, "source": {"file": "doors.csv", "line": 3}}]}
        """));

    CriterionResult doors = report.result("1.1").orElseThrow();
    assertThat(doors.status()).isEqualTo(Status.FAIL);
    assertThat(doors.findings()).containsExactly(new Finding("1.1.locked", Status.FAIL,
        "Door back is unlocked.", Severity.HIGH,
        List.of(new Finding.EvidenceRef("doors.csv", 3)), "Fix it."));
    assertThat(report.summary()).isEqualTo(new AssessmentReport.Summary(false, 2, 1, 0, 0, 0));
  }

  @Test
  void aFailingShouldCriterionLeavesTheOrganizationCompliant() {
    AssessmentReport report = ASSESSOR.assess(withPatch("{\"lights_off\": false}"));

    assertThat(report.result("1.10").orElseThrow().status()).isEqualTo(Status.FAIL);
    assertThat(report.compliant()).isTrue();
    assertThat(report.compliant(Requirement.SHOULD)).isFalse();
  }

  @Test
  void notApplicableCriteriaAreCounted() {
    AssessmentReport report = ASSESSOR.assess(withPatch("{\"no_lights\": true}"));

    assertThat(report.result("1.10").orElseThrow().status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(report.summary().notApplicable()).isEqualTo(1);
  }

  @Test
  void findingsAboutASubItemThatDoesNotApplyAreLeftOut() {
    AssessmentReport report =
        ASSESSOR.assess(withPatch("{\"no_lights\": true, \"lights_off\": false}"));

    CriterionResult lights = report.result("1.10").orElseThrow();
    assertThat(lights.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(lights.findings()).isEmpty();
  }

  @Test
  void normalizedEvidenceRecordsAreAssessedLikeTheirJson() throws IOException {
    String json = """
        {"organization": {"name": "Acme Imports", "as_of": "2026-11-27"}}
        """;

    assertThat(ASSESSOR.assess(EvidenceJson.read(json)))
        .isEqualTo(ASSESSOR.assess(Json.parse(json)));
  }

  // What the report says about the assessment.

  @Test
  void theReportDescribesTheOrganizationAndTheEvidenceFiles() {
    AssessmentReport report = ASSESSOR.assess(Json.parse(Fixtures.PASSING));

    assertThat(report.organizationName()).isEqualTo("Acme Imports");
    assertThat(report.entity()).isEqualTo("importer");
    assertThat(report.asOf()).isEqualTo(DAY);
    assertThat(report.evidenceFiles()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("doors.csv");
      assertThat(f.adapter()).isEqualTo("doors-csv");
      assertThat(f.collectedAt()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
    });
  }

  @Test
  void theReportNamesTheEngineAndThePoliciesItRan() {
    AssessmentReport.Engine engine = ASSESSOR.assess(Json.parse("{}")).engine();

    assertThat(engine.name()).isEqualTo("ctpat-policy-kit");
    assertThat(engine.version()).isNotBlank();
    assertThat(engine.policySha256()).isEqualTo(Fixtures.pack().sha256());
  }

  @Test
  void unknownOrganizationFactsStayUnknown() {
    AssessmentReport report = ASSESSOR.assess(Json.parse("{}"));

    assertThat(report.organizationName()).isNull();
    assertThat(report.entity()).isNull();
    assertThat(report.evidenceFiles()).isEmpty();
  }

  // The as-of date.

  @Test
  void theEvidencesAsOfDateIsUsed() {
    AssessmentReport report = ASSESSOR.assess(withPatch("{\"logbook\": {\"last_entry\": \"2026-11-19\"}}"));

    assertThat(report.result("1.2").orElseThrow().findings()).extracting(Finding::message)
        .containsExactly("The newest logbook entry is 8 days old; at most 7 are allowed.");
  }

  @Test
  void aFixedAsOfDateOverridesTheEvidences() {
    Assessor assessor = Assessor.builder().pack(Fixtures.pack()).asOf(DAY.plusDays(30)).build();

    AssessmentReport report = assessor.assess(Json.parse(Fixtures.PASSING));

    assertThat(report.asOf()).isEqualTo(DAY.plusDays(30));
    assertThat(report.result("1.2").orElseThrow().status()).isEqualTo(Status.FAIL);
  }

  @Test
  void evidenceWithoutAnAsOfDateIsAssessedAsOfTheClocksDay() {
    Clock clock = Clock.fixed(Instant.parse("2027-01-15T23:30:00Z"), ZoneOffset.ofHours(5));
    Assessor assessor = Assessor.builder().pack(Fixtures.pack()).clock(clock).build();

    assertThat(assessor.assess(Json.parse("{}")).asOf()).isEqualTo(LocalDate.of(2027, 1, 15));
  }

  @Test
  void aMalformedAsOfDateIsAnInputError() {
    assertThatThrownBy(() -> ASSESSOR.assess(
        Json.parse("{\"organization\": {\"as_of\": \"27/11/2026\"}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("organization.as_of must be a date YYYY-MM-DD but was \"27/11/2026\"");
  }

  // Entity type, thresholds and waivers set on the assessor.

  @Test
  void theAssessorsEntityTypeOverridesTheEvidences() {
    Assessor assessor = Assessor.builder().pack(Fixtures.pack())
        .entityType(EntityType.HIGHWAY_CARRIER).build();

    assertThat(assessor.assess(Json.parse(Fixtures.PASSING)).entity())
        .isEqualTo("highway_carrier");
  }

  @Test
  void aThresholdOverrideChangesTheOutcome() {
    String oneUnlocked = """
        {"doors": [{"name": "back", "locked": false, "source": {"file": "doors.csv"}}]}
        """;
    Assessor lenient = Assessor.builder().pack(Fixtures.pack())
        .threshold("max_unlocked_doors", 1).build();

    assertThat(ASSESSOR.assess(withPatch(oneUnlocked)).result("1.1").orElseThrow().status())
        .isEqualTo(Status.FAIL);
    assertThat(lenient.assess(withPatch(oneUnlocked)).result("1.1").orElseThrow().status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void thresholdOverridesMergeKeyByKeyAndWinOverTheEvidences() {
    Assessor strict = Assessor.builder().pack(Fixtures.pack())
        .threshold("logbook_max_age_days", Map.of("weekday", 1)).build();
    Value evidence = withPatch("""
        {"thresholds": {"logbook_max_age_days": {"weekday": 30}, "require_alarm": false}}
        """);

    CriterionResult logbook = strict.assess(evidence).result("1.2").orElseThrow();

    assertThat(logbook.findings()).extracting(Finding::message)
        .containsExactly("The newest logbook entry is 2 days old; at most 1 are allowed.");
  }

  @Test
  void aWaiverOfTheAssessorCoversAFailure() {
    Waiver waiver = new Waiver("W-1", "1.1", null, "New lock ordered", "CFO", DAY.plusDays(10),
        Source.of("ctpat.yaml", 12, "program"));
    Assessor assessor = Assessor.builder().pack(Fixtures.pack()).waiver(waiver).build();

    CriterionResult doors = assessor.assess(withPatch("{\"alarm\": {\"armed\": false}}"))
        .result("1.1").orElseThrow();

    assertThat(doors.status()).isEqualTo(Status.WAIVED);
    assertThat(doors.waivers()).containsExactly(new CriterionResult.AppliedWaiver(
        "W-1", null, "New lock ordered", "CFO", DAY.plusDays(10)));
    assertThat(doors.findings()).extracting(Finding::status).containsExactly(Status.FAIL);
  }

  // Policies that misbehave.

  @Test
  void aPolicyThatFailsToEvaluateCostsOnlyItsOwnCriterion() throws IOException {
    Files.writeString(dir.resolve("conflict.rego"), PolicyPackTest.criterionModule("2.1", "conflict")
        + "\nresult := {\"status\": \"fail\"} if input.doors\n");
    Assessor assessor = Assessor.builder().pack(Fixtures.pack())
        .addPolicies(PolicyPack.fromDirectory(dir)).build();

    AssessmentReport report = assessor.assess(Json.parse(Fixtures.PASSING));

    assertThat(report.criteria()).extracting(c -> c.id() + "=" + c.status().id()).containsExactly(
        "1.1=pass", "1.2=pass", "1.10=pass", "2.1=insufficient_evidence");
    assertThat(report.result("2.1").orElseThrow().findings()).singleElement()
        .satisfies(f -> assertThat(f.message())
            .startsWith("Criterion 2.1 could not be assessed: evaluating its policy failed: ")
            .contains("eval_conflict_error"));
  }

  @Test
  void anUndefinedResultIsInsufficientEvidence() throws IOException {
    Files.writeString(dir.resolve("undefined.rego"), PolicyPackTest.criterionModule("2.1", "u")
        .replace("result := {", "result := {} if false\n_unused := {"));

    CriterionResult result = assessWith(dir).result("2.1").orElseThrow();

    assertThat(result.status()).isEqualTo(Status.INSUFFICIENT_EVIDENCE);
    assertThat(result.subItems()).extracting(CriterionResult.SubItemResult::status)
        .containsOnly(Status.INSUFFICIENT_EVIDENCE);
    assertThat(result.findings()).extracting(Finding::message).containsExactly(
        "Criterion 2.1 could not be assessed: data.u.result is undefined.");
  }

  @Test
  void aMalformedResultIsInsufficientEvidence() throws IOException {
    Files.writeString(dir.resolve("malformed.rego"), PolicyPackTest.criterionModule("2.1", "m")
        .replace("\"status\": \"pass\"}]", "\"status\": \"great\"}]"));

    CriterionResult result = assessWith(dir).result("2.1").orElseThrow();

    assertThat(result.status()).isEqualTo(Status.INSUFFICIENT_EVIDENCE);
    assertThat(result.findings()).extracting(Finding::message).containsExactly(
        "Criterion 2.1 could not be assessed: data.m.result is malformed: sub_items[0].status "
            + "must be one of pass, fail, insufficient_evidence, not_applicable, waived but was "
            + "\"great\".");
  }

  @Test
  void aPassThatContradictsItsFindingsIsNotBelieved() throws IOException {
    Files.writeString(dir.resolve("liar.rego"), PolicyPackTest.criterionModule("2.1", "liar")
        .replace("\"findings\": []", "\"findings\": [{\"sub_item\": \"2.1.a\", \"status\": "
            + "\"insufficient_evidence\", \"message\": \"m\", \"severity\": \"low\", "
            + "\"evidence\": [], \"remediation\": \"r\"}]"));

    CriterionResult result = assessWith(dir).result("2.1").orElseThrow();

    assertThat(result.status()).isEqualTo(Status.INSUFFICIENT_EVIDENCE);
    assertThat(result.findings()).extracting(Finding::message).containsExactly(
        "Criterion 2.1 could not be assessed: data.liar.result is malformed: status is pass "
            + "but there are findings.");
  }

  @Test
  void anEvaluationLimitSurfacesAsAFinding() throws IOException {
    Files.writeString(dir.resolve("slow.rego"), PolicyPackTest.criterionModule("2.1", "slow")
        .replace("result := {", "_n := count([x | some x in numbers.range(1, 100000)])\n"
            + "result := {\"n\": _n, "));
    Assessor assessor = Assessor.builder().pack(Fixtures.pack())
        .addPolicies(PolicyPack.fromDirectory(dir))
        .limits(EvalLimits.DEFAULT.withMaxSteps(50_000)).build();

    AssessmentReport report = assessor.assess(Json.parse(Fixtures.PASSING));

    assertThat(report.result("2.1").orElseThrow().findings()).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("eval_limit_error"));
    assertThat(report.result("1.1").orElseThrow().status()).isEqualTo(Status.PASS);
  }

  // Inputs that are not evidence documents.

  @Test
  void theEvidenceMustBeAnObject() {
    assertThatThrownBy(() -> ASSESSOR.assess(Json.parse("[]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the evidence document must be a JSON object but was array");
  }

  @Test
  void theOrganizationMustBeAnObject() {
    assertThatThrownBy(() -> ASSESSOR.assess(Json.parse("{\"organization\": \"Acme\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("organization must be an object but was string");
  }

  // Concurrency.

  @Test
  void oneAssessorServesManyThreadsAtOnce() throws Exception {
    List<Value> inputs = List.of(Json.parse("{}"), Json.parse(Fixtures.PASSING),
        withPatch("{\"lights_off\": false}"), withPatch("{\"alarm\": {\"armed\": false}}"));
    List<AssessmentReport> expected = inputs.stream().map(ASSESSOR::assess).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<AssessmentReport>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Value input = inputs.get(i % inputs.size());
        futures.add(pool.submit(() -> ASSESSOR.assess(input)));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(expected.get(i % inputs.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // The builder.

  @Test
  void eachSettingMayBeGivenOnce() {
    assertThatThrownBy(() -> Assessor.builder().pack(Fixtures.pack()).pack(Fixtures.pack()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("pack was already set to " + Fixtures.packDir());
    assertThatThrownBy(() -> Assessor.builder().asOf(DAY).asOf(DAY))
        .hasMessage("as-of date was already set to 2026-11-27");
    assertThatThrownBy(() -> Assessor.builder().entityType(EntityType.IMPORTER)
        .entityType(EntityType.EXPORTER))
        .hasMessage("entity type was already set to importer");
    assertThatThrownBy(() -> Assessor.builder().threshold("a", 1).threshold("a", 2))
        .hasMessage("threshold a was already set to 1");
  }

  @Test
  void asOfAndClockAreExclusive() {
    assertThatThrownBy(() -> Assessor.builder().asOf(DAY).clock(Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("asOf and clock are exclusive; as-of date was already set to 2026-11-27");
    assertThatThrownBy(() -> Assessor.builder().clock(Clock.systemUTC()).asOf(DAY))
        .hasMessage("asOf and clock are exclusive; clock was already set");
  }

  @Test
  void anUnknownThresholdIsRejected() {
    assertThatThrownBy(() -> Assessor.builder().pack(Fixtures.pack())
        .threshold("max_open_windows", 2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown threshold max_open_windows (thresholds of " + Fixtures.packDir()
            + ": logbook_max_age_days, max_unlocked_doors, require_alarm, site)");
  }

  @Test
  void aThresholdMustKeepItsType() {
    assertThatThrownBy(() -> Assessor.builder().pack(Fixtures.pack())
        .threshold("max_unlocked_doors", "1")
        .threshold("require_alarm", 0)
        .threshold("logbook_max_age_days", Map.of("weekday", 1.5, "sunday", 1))
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("threshold max_unlocked_doors must be a number but was \"1\"; "
            + "threshold require_alarm must be a boolean but was 0; ")
        .hasMessageContaining("threshold logbook_max_age_days.weekday must be a whole number "
            + "but was 1.5")
        .hasMessageContaining("unknown threshold logbook_max_age_days.sunday");
  }

  @Test
  void aThresholdWhoseDefaultIsNullTakesAnyValue() {
    Assessor.builder().pack(Fixtures.pack())
        .threshold("logbook_max_age_days", Map.of("holiday", 30)).build();
  }

  @Test
  void aThresholdMustBeJsonLike() {
    assertThatThrownBy(() -> Assessor.builder().threshold("a", new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot convert java.lang.Object to a value");
  }

  @Test
  void aWaiverMustNameACriterionOfThePack() {
    Waiver waiver = new Waiver(null, "4.1", null, "r", "a", DAY, Source.of("x", null, "api"));

    assertThatThrownBy(() -> Assessor.builder().pack(Fixtures.pack()).waiver(waiver).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("waiver for unknown criterion 4.1; known: 1.1, 1.2, 1.10");
  }

  @Test
  void aWaiversScopeMustBeASubItemOfItsCriterion() {
    Waiver waiver = new Waiver(null, "1.1", "1.2.recent", "r", "a", DAY,
        Source.of("x", null, "api"));

    assertThatThrownBy(() -> Assessor.builder().pack(Fixtures.pack()).waiver(waiver).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("waiver scope 1.2.recent is not a sub-item of criterion 1.1; its sub-items: "
            + "1.1.locked, 1.1.alarm");
  }

  @Test
  void policiesThatDoNotCompileAreReportedWithTheirPositions() throws IOException {
    Files.writeString(dir.resolve("unsafe.rego"), "package unsafe\n\nimport rego.v1\n\n"
        + "p if x > 1\n");

    assertThatThrownBy(() -> Assessor.builder().pack(Fixtures.pack())
        .addPolicies(PolicyPack.fromDirectory(dir)).build())
        .isInstanceOfSatisfying(PolicyPackException.class, e -> assertThat(e.problems())
            .singleElement().asString()
            .startsWith(dir.resolve("unsafe.rego") + ":5:")
            .contains("rego_unsafe_var_error"));
  }

  @Test
  void policiesWithoutCriteriaCannotAssessAnything() throws IOException {
    Files.writeString(dir.resolve("helpers.rego"), "package helpers\n\nimport rego.v1\n\nx := 1\n");

    assertThatThrownBy(() -> Assessor.builder().pack(PolicyPack.fromDirectory(dir)).build())
        .isInstanceOf(PolicyPackException.class)
        .hasMessage(dir + ": the policies declare no criterion (no package METADATA with "
            + "custom.criterion)");
  }

  @Test
  void theCriteriaOfAddedPoliciesJoinThePacks() throws IOException {
    Files.writeString(dir.resolve("extra.rego"), PolicyPackTest.criterionModule("2.1", "extra"));

    Assessor assessor = Assessor.builder().pack(Fixtures.pack())
        .addPolicies(PolicyPack.fromDirectory(dir)).build();

    assertThat(assessor.criteria().all()).extracting(Criterion::id)
        .containsExactly("1.1", "1.2", "1.10", "2.1");
  }

  private AssessmentReport assessWith(Path policies) {
    return Assessor.builder().pack(Fixtures.pack()).addPolicies(PolicyPack.fromDirectory(policies))
        .build().assess(Json.parse(Fixtures.PASSING));
  }

  /** The passing evidence with the top-level keys of {@code json} replaced. */
  private static Value withPatch(String json) {
    ObjectValue.Builder b = ObjectValue.builder();
    ((ObjectValue) Json.parse(Fixtures.PASSING)).entries().forEach(b::put);
    ((ObjectValue) Json.parse(json)).entries().forEach(b::put);
    return b.build();
  }
}
