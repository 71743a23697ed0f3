package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssessCommandTest {
  /** The policy pack's compliant example document. */
  static final Path COMPLIANT =
      Path.of("..", "rego-policies", "src", "test", "resources", "normalized", "compliant.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  // Exit status.

  @Test
  void anEmptyEvidenceDirectoryLacksEvidenceForEveryMustCriterion() throws IOException {
    Path evidence = Files.createDirectories(dir.resolve("evidence"));

    CliRun run = CliRun.of("assess", "--format", "json", evidence.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode report = MAPPER.readTree(run.out());
    assertThat(report.get("summary").get("compliant").asBoolean()).isFalse();
    assertThat(report.get("summary").get("pass").asInt()).isZero();
    for (JsonNode c : report.get("criteria")) {
      if (c.get("requirement").asText().equals("must")) {
        assertThat(c.get("status").asText()).as(c.get("id").asText())
            .isEqualTo("insufficient_evidence");
      }
    }
  }

  @Test
  void compliantEvidenceExitsZero() {
    CliRun run = CliRun.of("assess", "--input", COMPLIANT.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Result:   COMPLIANT");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"must, 0", "should, 1", "never, 0", "SHOULD, 1"})
  void failOnDecidesWhatAFailingShouldCriterionMeans(String level, int exitCode)
      throws IOException {
    Path input = compliantWith("/program", "threat_intel_feeds", "[]");

    CliRun run = CliRun.of("assess", "--fail-on", level, "--input", input.toString());

    assertThat(run.exitCode()).isEqualTo(exitCode);
  }

  @Test
  void failOnNeverExitsZeroEvenWithoutEvidence() throws IOException {
    Path evidence = Files.createDirectories(dir.resolve("evidence"));

    assertThat(CliRun.of("assess", "--fail-on", "never", evidence.toString()).exitCode())
        .isZero();
  }

  // Options.

  @Test
  void asOfAndEntityOverrideTheEvidence() throws IOException {
    CliRun run = CliRun.of("assess", "--format", "json", "--as-of", "2027-02-01",
        "--entity", "highway-carrier", "--input", COMPLIANT.toString());

    JsonNode report = MAPPER.readTree(run.out());
    assertThat(report.get("as_of").asText()).isEqualTo("2027-02-01");
    assertThat(report.get("entity").asText()).isEqualTo("highway_carrier");
    assertThat(run.exitCode()).as("evidence two months old is stale").isEqualTo(1);
  }

  @Test
  void theJsonReportIsTheSameOnEveryRun() {
    String first = CliRun.of("assess", "--format", "json", "--input", COMPLIANT.toString()).out();
    String second = CliRun.of("assess", "--format", "json", "--input", COMPLIANT.toString()).out();

    assertThat(second).isEqualTo(first).startsWith("{\n  \"organization\": {");
  }

  @Test
  void theTextReportHasNoColoursOutsideATerminal() {
    CliRun run = CliRun.of("assess", "--input", COMPLIANT.toString());

    assertThat(run.out()).doesNotContain("\u001B[");
  }

  @Test
  void outputGoesToTheFileAndNothingElseIsLeftBehind() throws IOException {
    Path file = dir.resolve("report.json");
    Files.writeString(file, "old report");

    CliRun run = CliRun.of("assess", "--format", "json", "--output", file.toString(),
        "--input", COMPLIANT.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(
        CliRun.of("assess", "--format", "json", "--input", COMPLIANT.toString()).out());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void anUnwritableOutputIsAnInputError() {
    Path file = dir.resolve("no-such-folder").resolve("report.txt");

    CliRun run = CliRun.of("assess", "--output", file.toString(), "--input",
        COMPLIANT.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(file + ": cannot write the report: ");
  }

  @Test
  void anOrganizationsOwnCriteriaAreAssessedToo() throws IOException {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    Files.writeString(policies.resolve("own.rego"), """
        # METADATA
        # title: Visitors are escorted
        # custom:
        #   criterion: "99.1"
        #   requirement: must
        #   sub_items:
        #     - id: "99.1.escort"
        #       title: Every visitor is escorted
        package acme.own

        import rego.v1

        result := {"status": "fail", "sub_items": [{"id": "99.1.escort", "status": "fail"}],
          "findings": [{"sub_item": "99.1.escort", "status": "fail", "message": "No escort log.",
            "severity": "low", "evidence": [], "remediation": "Keep an escort log."}],
          "waivers": []}
        """);

    CliRun run = CliRun.of("assess", "--policies", policies.toString(), "--input",
        COMPLIANT.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("99.1  must    FAIL                   Visitors are escorted");
  }

  // Usage and input errors.

  @Test
  void evidenceIsRequired() {
    CliRun run = CliRun.of("assess");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give an EVIDENCE_DIR or --input NORMALIZED.json");
  }

  @Test
  void aDirectoryAndAnInputAreExclusive() {
    CliRun run = CliRun.of("assess", "--input", COMPLIANT.toString(), dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("(exactly one)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      --as-of  | 27/11/2026 | '27/11/2026' is not a date YYYY-MM-DD
      --entity | airline    | 'airline' is not an entity type; use one of importer, exporter,
      --format | pdf        | unknown --format pdf; choose from text, json, markdown, html, sarif, junit, oscal
      --fail-on| always     | 'always' is not one of must, should, never
      """)
  void badOptionValuesAreUsageErrors(String option, String value, String message) {
    CliRun run = CliRun.of("assess", option, value, "--input", COMPLIANT.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(message);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anEvidenceDirectoryMustBeADirectory() {
    CliRun run = CliRun.of("assess", COMPLIANT.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(COMPLIANT + ": not a directory\n");
  }

  @Test
  void aMissingInputFileIsAnInputError() {
    Path missing = dir.resolve("missing.json");

    CliRun run = CliRun.of("assess", "--input", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(missing + ": no such file or directory\n");
  }

  @Test
  void malformedJsonIsReportedWithItsPosition() throws IOException {
    Path input = Files.writeString(dir.resolve("bad.json"), "{\n  \"organization\": \n}");

    CliRun run = CliRun.of("assess", "--input", input.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(input + ":3:");
  }

  @Test
  void aDocumentThatIsNotAnObjectIsAnInputError() throws IOException {
    Path input = Files.writeString(dir.resolve("list.json"), "[]");

    CliRun run = CliRun.of("assess", "--input", input.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(
        input + ": the evidence document must be a JSON object but was array\n");
  }

  @Test
  void invalidOwnPoliciesAreReportedWithTheirPositions() throws IOException {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    Files.writeString(policies.resolve("broken.rego"), "package broken\n\np := \n");

    CliRun run = CliRun.of("assess", "--policies", policies.toString(), "--input",
        COMPLIANT.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(policies.resolve("broken.rego") + ":")
        .contains("rego_parse_error").doesNotContain("Exception");
  }

  /** The compliant example with {@code parent[key]} replaced by {@code json}. */
  private Path compliantWith(String parent, String key, String json) throws IOException {
    JsonNode doc = MAPPER.readTree(COMPLIANT.toFile());
    ((ObjectNode) doc.at(parent)).set(key, MAPPER.readTree(json));
    return Files.writeString(dir.resolve("evidence.json"), MAPPER.writeValueAsString(doc));
  }

  @Test
  void severalFormatsGoToTheOutputFolder(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("reports");
    CliRun run = CliRun.of("assess", "--input", COMPLIANT.toString(),
        "--format", "html,sarif,junit,oscal,markdown,json,text", "--output-dir", out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(out.resolve("ctpat-report.html")).content().contains("4.13");
    assertThat(out.resolve("ctpat-report.sarif")).content().contains("\"version\": \"2.1.0\"");
    assertThat(out.resolve("ctpat-report.junit.xml")).content().contains("<testsuite");
    assertThat(out.resolve("ctpat-report.oscal.json")).content().contains("assessment-results");
    assertThat(out.resolve("ctpat-report.md")).exists();
    assertThat(out.resolve("ctpat-report.json")).content().contains("\"summary\"");
    assertThat(out.resolve("ctpat-report.txt")).exists();
  }

  @Test
  void severalFormatsWithoutAnOutputFolderAreAUsageError() {
    CliRun run = CliRun.of("assess", "--input", COMPLIANT.toString(), "--format", "html,json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("several formats need --output-dir DIR");
  }
}
