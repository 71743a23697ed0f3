package dev.ctpat.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ctpat.compliance.AssessmentReport;
import dev.ctpat.compliance.CriterionResult;
import dev.ctpat.compliance.Requirement;
import dev.ctpat.compliance.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PipelineGate against the example evidence sets in {@code examples/evidence}. */
class PipelineGateTest {
  private static final Path EVIDENCE = Path.of(System.getProperty("basedir", ".")).resolve("evidence");
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

  private static AssessmentReport compliant;
  private static AssessmentReport midSize;

  @BeforeAll
  static void assessExamples() {
    compliant = PipelineGate.assess(EVIDENCE.resolve("compliant-manufacturer"), AS_OF);
    midSize = PipelineGate.assess(EVIDENCE.resolve("mid-size-importer"), AS_OF);
  }

  @Test
  void compliantManufacturerHasNoViolation() {
    assertThat(compliant.criteria()).extracting(CriterionResult::status)
        .doesNotContain(Status.FAIL);
  }

  /**
   * What no export carries (perimeter firewall, external port scan, device control, account
   * sharing and MFA enrolment, the VPN's user list, the backups' off-site copy and isolation, the
   * hosts' pending updates) is stated in its ctpat.yaml, so both gates pass.
   */
  @Test
  void compliantManufacturerPassesBothGates() {
    assertThat(blocking(compliant, Requirement.MUST)).isEmpty();
    assertThat(blocking(compliant, Requirement.SHOULD)).isEmpty();
    assertThat(compliant.compliant(Requirement.SHOULD)).isTrue();
  }

  @Test
  void compliantManufacturerPassesEveryCriterion() {
    assertThat(compliant.criteria()).extracting(CriterionResult::status).containsOnly(Status.PASS);
    assertThat(compliant.criteria()).hasSize(14);
  }

  @Test
  void midSizeImporterFailsTheMustGateWithTheSeparationViolation() {
    assertThat(midSize.compliant(Requirement.MUST)).isFalse();
    assertThat(midSize.result("4.7")).get().extracting(CriterionResult::status)
        .isEqualTo(Status.FAIL);
    assertThat(blocking(midSize, Requirement.MUST)).contains("4.7");
  }

  @Test
  void midSizeImporterWaivesItsDraftThreatSharingProcedure() {
    CriterionResult threatSharing = midSize.result("4.4").orElseThrow();

    assertThat(threatSharing.status()).isEqualTo(Status.WAIVED);
    assertThat(threatSharing.waivers()).extracting(CriterionResult.AppliedWaiver::id)
        .containsExactly("W-2026-04");
  }

  @Test
  void shouldGateAlsoCountsTheFailingShouldCriteria() {
    assertThat(blocking(midSize, Requirement.SHOULD)).contains("4.12").doesNotContain("4.4");
    assertThat(blocking(midSize, Requirement.MUST)).doesNotContain("4.12");
  }

  @Test
  void verdictLineMarksWhatTheGateCounts() {
    CriterionResult backups = midSize.result("4.12").orElseThrow();

    assertThat(PipelineGate.verdictLine(backups, Requirement.MUST)).startsWith("note   4.12 (should) fail: ");
    assertThat(PipelineGate.verdictLine(backups, Requirement.SHOULD)).startsWith("BLOCKS 4.12 (should) fail: ");
  }

  @Test
  void runPrintsOneLinePerFailingCriterionWritesTheReportAndExitsOne(@TempDir Path tmp)
      throws Exception {
    Path report = tmp.resolve("out/report.json");
    Output output = new Output();

    int status = output.run(EVIDENCE.resolve("mid-size-importer").toString(),
        "--as-of", "2026-11-27", "--report", report.toString());

    assertThat(status).isEqualTo(PipelineGate.BLOCKED);
    assertThat(output.out()).contains("BLOCKS 4.7 (must) fail: ")
        .contains("GATE must: BLOCKED by 4.2, 4.7, 4.8, 4.9, 4.10")
        .doesNotContain(" 4.4 ").doesNotContain(" 4.1 ");
    JsonNode json = new ObjectMapper().readTree(Files.readString(report));
    assertThat(json.at("/summary/compliant").asBoolean(true)).isFalse();
    assertThat(json.at("/summary/waived").asInt()).isEqualTo(1);
  }

  @Test
  void runRejectsBadUsageWithStatusTwo() {
    Output output = new Output();

    assertThat(output.run()).isEqualTo(PipelineGate.USAGE);
    assertThat(output.run("--gate", "may", "x")).isEqualTo(PipelineGate.USAGE);
    assertThat(output.run("x", "--as-of", "27.11.2026")).isEqualTo(PipelineGate.USAGE);
    assertThat(output.run(EVIDENCE.resolve("no-such-folder").toString())).isEqualTo(PipelineGate.USAGE);
    assertThat(output.err()).contains("missing EVIDENCE_DIR", "--gate must be must or should",
        "--as-of must be YYYY-MM-DD", "not a directory");
  }

  private static List<String> blocking(AssessmentReport report, Requirement gate) {
    return report.criteria().stream().filter(c -> c.blocks(gate)).map(CriterionResult::id).toList();
  }

  /** Captures what {@link PipelineGate#run} prints. */
  private static final class Output {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
      return PipelineGate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
      return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return err.toString(StandardCharsets.UTF_8);
    }
  }
}
