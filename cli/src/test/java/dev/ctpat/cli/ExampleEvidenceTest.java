package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example evidence set the README's quick start assesses keeps doing what it shows. */
class ExampleEvidenceTest {
  private static final Path EXAMPLE =
      Path.of("..", "examples", "evidence", "mid-size-importer");

  @Test
  void everyFileOfTheExampleIsRecognized() {
    CliRun run = CliRun.of("normalize", EXAMPLE.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theExampleShowsViolationsAndMissingEvidence() throws IOException {
    CliRun run = CliRun.of("assess", "--format", "json", EXAMPLE.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.at("/organization/name").asText())
        .isEqualTo("Lakeshore Home Goods Imports, Inc.");
    assertThat(report.at("/as_of").asText()).isEqualTo("2026-11-27");
    assertThat(status(report, "4.1")).isEqualTo("pass");
    assertThat(status(report, "4.7")).isEqualTo("fail");
    assertThat(status(report, "4.12")).isEqualTo("fail");
    assertThat(report.at("/summary/insufficient_evidence").asInt()).isPositive();
  }

  @Test
  void theQuickStartCommandExitsZero() {
    CliRun run = CliRun.of("assess", "--fail-on", "never", EXAMPLE.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Result:   NOT COMPLIANT");
  }

  private static String status(JsonNode report, String id) {
    for (JsonNode c : report.get("criteria")) {
      if (c.get("id").asText().equals(id)) {
        return c.get("status").asText();
      }
    }
    throw new AssertionError("no criterion " + id);
  }
}
