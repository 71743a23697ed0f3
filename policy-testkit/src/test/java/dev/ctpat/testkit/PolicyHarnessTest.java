package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.compliance.Criterion;
import dev.ctpat.compliance.PolicyPack;
import dev.ctpat.compliance.PolicyPackException;
import dev.ctpat.compliance.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyHarnessTest {
  private static final PolicyHarness CTPAT = PolicyHarness.ctpat();

  /** The pack's own compliant example (rego-policies), read from the source tree. */
  private static final EvidenceDocument EXAMPLE = read(
      Path.of("../rego-policies/src/test/resources/normalized/compliant.json"));

  /** A one-criterion pack: X.1 passes when input.ok is true. */
  private static final String OWN_CRITERION = """
      # METADATA
      # title: Own rule
      # custom:
      #   criterion: "X.1"
      #   requirement: must
      #   sub_items:
      #     - id: "X.1.ok"
      #       title: "It is ok"
      package own.x1

      import rego.v1

      result := {"id": "X.1", "status": status, "sub_items": [{"id": "X.1.ok", "status": status}],
        "findings": [], "waivers": []}

      status := "pass" if input.ok == true
      status := "fail" if input.ok == false
      """;

  @Test
  void theCtpatHarnessEvaluatesTheFourteenCriteriaOfThePack() {
    assertThat(CTPAT.criteria().all()).extracting(Criterion::id).containsExactly("4.1", "4.2",
        "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12", "4.13", "12.8");
    assertThat(PolicyHarness.ctpat()).isSameAs(CTPAT);
  }

  @Test
  void everyCriterionPassesOnThePacksCompliantExample() {
    assertThat(CTPAT.statuses(EXAMPLE)).containsOnlyKeys(
        CTPAT.criteria().all().stream().map(Criterion::id).toList())
        .allSatisfy((id, status) -> assertThat(status).isEqualTo(Status.PASS));
  }

  @Test
  void oneCriterionGivesItsStatusSubItemsAndFindings() {
    CriterionOutcome outcome = CTPAT.evaluate("4.8",
        EXAMPLE.with("/password_policies/0/lockout_threshold", 0));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.subItemsWith(Status.FAIL)).containsExactly("4.8.lockout");
    assertThat(outcome.findingsOf("4.8.lockout")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("never locks"));
    assertThat(outcome.toString()).startsWith("4.8: fail\n  4.8.individual_accounts: pass");
  }

  @Test
  void anUnknownCriterionIsRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> CTPAT.status("4.99", EXAMPLE))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("4.10");
  }

  @Test
  void theReportIsTheFacadesJsonReport() {
    String report = CTPAT.reportJson(EXAMPLE);
    assertThat(report).startsWith("{\n  \"organization\": {").endsWith("}\n")
        .contains("\"compliant\": true");
    assertThat(CTPAT.assess(EXAMPLE).criteria()).hasSize(14);
  }

  @Test
  void aUsersOwnPackIsEvaluatedFromItsFolder(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("x1.rego"), OWN_CRITERION);
    PolicyHarness own = PolicyHarness.of(dir);
    assertThat(own.status("X.1", EvidenceDocument.parse("{\"ok\": true}"))).isEqualTo(Status.PASS);
    assertThat(own.status("X.1", EvidenceDocument.parse("{\"ok\": false}")))
        .isEqualTo(Status.FAIL);
  }

  @Test
  void anUndefinedResultIsAnErrorNotAStatus(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("x1.rego"), OWN_CRITERION);
    PolicyHarness own = PolicyHarness.of(dir);
    assertThatThrownBy(() -> own.status("X.1", EvidenceDocument.parse("{}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("data.own.x1.result is undefined");
  }

  @Test
  void anEvaluationErrorIsThrownNotHidden(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("x1.rego"), OWN_CRITERION + "\nstatus := \"odd\" if input.ok\n");
    PolicyHarness own = PolicyHarness.of(dir);
    assertThatThrownBy(() -> own.evaluateAll(EvidenceDocument.parse("{\"ok\": true}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("evaluating the criteria failed")
        .hasMessageContaining("eval_conflict_error");
  }

  @Test
  void aPackThatDoesNotCompileIsRejected(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("x1.rego"), OWN_CRITERION + "\nbroken := y\n");
    assertThatThrownBy(() -> PolicyHarness.of(dir)).isInstanceOf(PolicyPackException.class);
  }

  @Test
  void ownCriteriaRunTogetherWithTheCtpatPack(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("x1.rego"), OWN_CRITERION);
    PolicyHarness both = PolicyHarness.ctpatWith(PolicyPack.fromDirectory(dir));
    assertThat(both.criteria().size()).isEqualTo(15);
    assertThat(both.status("X.1", EXAMPLE.with("/ok", true))).isEqualTo(Status.PASS);
    assertThat(both.status("4.8", EXAMPLE)).isEqualTo(Status.PASS);
  }

  private static EvidenceDocument read(Path file) {
    try {
      return EvidenceDocument.parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
