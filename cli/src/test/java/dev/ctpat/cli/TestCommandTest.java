package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
  @TempDir
  Path dir;

  @Test
  void aPathIsRequired() {
    CliRun run = CliRun.of("test");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("PATH");
  }

  @Test
  void aMissingPathIsAnInputError() {
    CliRun run = CliRun.of("test", dir.resolve("nope").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(dir.resolve("nope") + ": no such file or directory\n");
  }

  @Test
  void anInvalidRunPatternIsAUsageError() {
    CliRun run = CliRun.of("test", "--run", "(", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--run");
  }

  @Test
  void anInvalidTimeoutIsAUsageError() {
    CliRun run = CliRun.of("test", "--timeout", "soon", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("invalid duration soon");
  }

  @Test
  void aDirectoryWithoutTestsSucceedsQuietly() {
    CliRun run = CliRun.of("test", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
  }

  // The tests below evaluate Rego, so they need the engine.

  @Test
  void passingTestsPrintTheCountAndExitZero() throws IOException {
    writeTests("""
        package t_test

        test_one if 1 == 1

        test_two if "a" < "b"
        """);

    CliRun run = CliRun.of("test", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("PASS: 2/2\n");
  }

  @Test
  void aFailingTestIsPrintedAndExitsWithOne() throws IOException {
    writeTests("""
        package t_test

        test_one if 1 == 1

        test_two if 1 == 2
        """);

    CliRun run = CliRun.of("test", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith("data.t_test.test_two: FAIL (")
        .endsWith("PASS: 1/2\nFAIL: 1/2\n");
  }

  @Test
  void verboseListsPassingTestsToo() throws IOException {
    writeTests("""
        package t_test

        test_one if true
        """);

    CliRun run = CliRun.of("test", "-v", dir.toString());

    assertThat(run.out()).startsWith("data.t_test.test_one: PASS (");
  }

  @Test
  void skippedTestsFailTheRunUnlessAskedNotTo() throws IOException {
    writeTests("""
        package t_test

        todo_test_later if false
        """);

    assertThat(CliRun.of("test", dir.toString()).exitCode()).isEqualTo(1);
    assertThat(CliRun.of("test", "-z", dir.toString()).exitCode()).isZero();
  }

  @Test
  void runSelectsTestsByName() throws IOException {
    writeTests("""
        package t_test

        test_good if true

        test_bad if false
        """);

    CliRun run = CliRun.of("test", "--run", "good$", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("PASS: 1/1\n");
  }

  @Test
  void modulesThatDoNotCompileAreAnInputError() throws IOException {
    Path file = writeTests("""
        package t_test

        test_unsafe if x == 1
        """);

    CliRun run = CliRun.of("test", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(file + ":");
  }

  @Test
  void v0CompatibleRunsV0Tests() throws IOException {
    writeTests("""
        package t_test

        test_old { 1 == 1 }
        """);

    CliRun run = CliRun.of("test", "--v0-compatible", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("PASS: 1/1\n");
  }

  private Path writeTests(String source) throws IOException {
    return Files.writeString(dir.resolve("t_test.rego"), source);
  }
}
