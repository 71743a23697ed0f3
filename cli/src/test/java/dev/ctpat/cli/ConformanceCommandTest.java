package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTest {
  @TempDir
  Path dir;

  @Test
  void aMissingDirectoryIsAnInputError() {
    CliRun run = CliRun.of("conformance", dir.resolve("nope").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(dir.resolve("nope") + ": no such file or directory\n");
  }

  @Test
  void aDirectoryWithoutCaseFilesIsAnInputError() {
    CliRun run = CliRun.of("conformance", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("no conformance files");
  }

  @Test
  void aPassRateOutsideZeroToHundredIsAUsageError() throws IOException {
    write("a/cases.yaml", "cases: []\n");

    CliRun run = CliRun.of("conformance", "--min-pass-rate", "120", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--min-pass-rate must be between 0 and 100");
  }

  @Test
  void aMissingSkipFileIsAnInputError() throws IOException {
    write("a/cases.yaml", "cases: []\n");

    CliRun run = CliRun.of("conformance", "--skip-file", dir.resolve("skips.txt").toString(),
        dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("skips.txt: no such file or directory");
  }

  @Test
  void aBrokenFileIsOneFailureLineAndTheSummaryComesLast() throws IOException {
    Path broken = write("a/broken.yaml", "cases: [");

    CliRun run = CliRun.of("conformance", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines()).hasSize(2);
    assertThat(run.out()).startsWith("FAIL " + broken + ": cannot read the file: ")
        .endsWith("conformance: 0 passed, 1 failed, 0 skipped\n");
  }

  @Test
  void skippedCasesAreCountedNotRun() throws IOException {
    write("cases.yaml", """
        cases:
          - note: http.send/get
            query: x := 1
            want_result: [{x: 2}]
        """);
    Path skips = write("skips.txt", "http.send/  # no network\n");

    CliRun run = CliRun.of("conformance", "--skip-file", skips.toString(), dir.toString());

    assertThat(run.out()).isEqualTo("conformance: 0 passed, 0 failed, 1 skipped\n");
  }

  @Test
  void excludedFoldersAreLeftOut() throws IOException {
    write("kept/cases.yaml", "cases: [");
    write("slow/cases.yaml", "cases: [");

    CliRun run = CliRun.of("conformance", "--exclude-folder", "slow", dir.toString());

    assertThat(run.out()).endsWith("conformance: 0 passed, 1 failed, 0 skipped\n");
  }

  @Test
  void aPassRateAtOrAboveTheMinimumSucceedsDespiteFailures() throws IOException {
    write("a/broken.yaml", "cases: [");

    CliRun run = CliRun.of("conformance", "--min-pass-rate", "0", dir.toString());

    assertThat(run.exitCode()).isZero();
  }

  @Test
  void aPassRateBelowTheMinimumFailsAndSaysSo() throws IOException {
    write("a/broken.yaml", "cases: [");

    CliRun run = CliRun.of("conformance", "--min-pass-rate", "50", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(
        "conformance: pass rate 0.00% is below the minimum of 50%\n");
  }

  @Test
  void jsonPrintsTheSummaryAndFailuresAsOneDocument() throws IOException {
    Path broken = write("a/broken.yaml", "cases: [");

    CliRun run = CliRun.of("conformance", "--json", dir.toString());

    ObjectValue report = (ObjectValue) Json.parse(run.out());
    assertThat(report.get("passed")).isEqualTo(Json.parse("0"));
    assertThat(report.get("failed")).isEqualTo(Json.parse("1"));
    assertThat(report.get("skipped")).isEqualTo(Json.parse("0"));
    assertThat(report.get("pass_rate")).isEqualTo(Json.parse("0"));
    assertThat(Json.write(report.get("failures"))).contains(Json.quote(broken.toString()));
  }

  // The tests below evaluate Rego, so they need the engine.

  @Test
  void passingAndFailingCasesAreCounted() throws IOException {
    write("cases.yaml", """
        cases:
          - note: arithmetic/plus
            query: x := 1 + 1
            want_result: [{x: 2}]
          - note: arithmetic/wrong
            query: x := 1 + 1
            want_result: [{x: 3}]
        """);

    CliRun run = CliRun.of("conformance", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("FAIL " + dir.resolve("cases.yaml")
        + ": arithmetic/wrong: want [{\"x\":3}] but got [{\"x\":2}]\n"
        + "conformance: 1 passed, 1 failed, 0 skipped\n");
  }

  @Test
  void v0CompatibleRunsV0Cases() throws IOException {
    write("cases.yaml", """
        cases:
          - note: v0/rule
            query: data.t.p = x
            modules:
              - |
                package t
                p { true }
            want_result: [{x: true}]
        """);

    CliRun run = CliRun.of("conformance", "--v0-compatible", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("conformance: 1 passed, 0 failed, 0 skipped\n");
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
