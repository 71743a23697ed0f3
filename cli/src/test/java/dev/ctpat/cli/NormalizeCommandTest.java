package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizeCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void anEmptyDirectoryGivesADocumentWithOnlyTheAssessmentDay() throws IOException {
    CliRun run = CliRun.of("normalize", dir.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode doc = MAPPER.readTree(run.out());
    assertThat(doc.get("organization").get("as_of").asText())
        .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(doc.get("evidence_files")).isEmpty();
    assertThat(doc.has("endpoints")).as("no evidence is not an empty list").isFalse();
  }

  @Test
  void asOfSetsTheAssessmentDay() throws IOException {
    CliRun run = CliRun.of("normalize", "--as-of", "2026-11-27", dir.toString());

    assertThat(MAPPER.readTree(run.out()).get("organization").get("as_of").asText())
        .isEqualTo("2026-11-27");
  }

  @Test
  void unrecognizedFilesAreListedAndReported() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "remember the milk\n");

    CliRun run = CliRun.of("normalize", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(MAPPER.readTree(run.out()).get("evidence_files").get(0).get("path").asText())
        .isEqualTo("notes.txt");
    assertThat(run.err()).isEqualTo(dir.resolve("notes.txt")
        + ": warning: not recognized by any adapter; listed in evidence_files but not read\n");
  }

  @Test
  void theNormalizedDocumentAssessesLikeTheDirectory() throws IOException {
    Path evidence = Files.createDirectories(dir.resolve("evidence"));
    Path normalized = Files.writeString(dir.resolve("normalized.json"),
        CliRun.of("normalize", "--as-of", "2026-11-27", evidence.toString()).out());

    CliRun fromFile = CliRun.of("assess", "--format", "json", "--input", normalized.toString());
    CliRun fromDir = CliRun.of("assess", "--format", "json", "--as-of", "2026-11-27",
        evidence.toString());

    assertThat(fromFile.out()).isEqualTo(fromDir.out());
    assertThat(fromFile.exitCode()).isEqualTo(fromDir.exitCode()).isEqualTo(1);
  }

  @Test
  void aFileIsNotAnEvidenceDirectory() throws IOException {
    Path file = Files.writeString(dir.resolve("x.json"), "{}");

    CliRun run = CliRun.of("normalize", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(file + ": not a directory\n");
  }
}
