package dev.ctpat.rego.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.syntax.RegoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceRunnerTest {
  @TempDir
  Path dir;

  private final ConformanceRunner runner =
      new ConformanceRunner(RegoVersion.V1, ConformanceRunner.DEFAULT_TIMEOUT, SkipList.NONE);

  @Test
  void aCaseOnTheSkipListIsSkippedWithItsReason() {
    ConformanceRunner skipping = new ConformanceRunner(RegoVersion.V1,
        ConformanceRunner.DEFAULT_TIMEOUT, SkipList.parse("net/  # needs the network"));

    CaseResult result = skipping.run(only("""
        cases:
          - note: net/lookup
            query: x := 1
            want_result: [{x: 1}]
        """));

    assertThat(result.status()).isEqualTo(CaseResult.Status.SKIPPED);
    assertThat(result.reason()).isEqualTo("needs the network");
  }

  @Test
  void anUnreadableFileCountsAsOneFailureAndTheRunGoesOn() throws IOException {
    Path bad = write("a-bad.yaml", "cases: [");
    Path good = write("b-good.yaml", """
        cases:
          - note: skipped/one
            query: x := 1
            want_result: [{x: 1}]
        """);
    ConformanceRunner skipping = new ConformanceRunner(RegoVersion.V1,
        ConformanceRunner.DEFAULT_TIMEOUT, SkipList.parse("skipped/"));
    List<CaseResult> streamed = new ArrayList<>();

    ConformanceReport report = skipping.run(List.of(bad, good), streamed::add);

    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.failures().get(0).file()).isEqualTo(bad.toString());
    assertThat(report.failures().get(0).reason()).startsWith("cannot read the file: ");
    assertThat(streamed).isEqualTo(report.results());
  }

  @Test
  void aCaseThatOutrunsItsDeadlineFailsAsTimedOut() {
    ConformanceRunner hasty =
        new ConformanceRunner(RegoVersion.V1, Duration.ofMillis(100), SkipList.NONE);

    CaseResult result = hasty.run(only("""
        cases:
          - note: slow
            query: x := count([a | some a in numbers.range(1, 100000000)])
            want_result: [{x: 100000000}]
        """));

    assertThat(result.status()).isEqualTo(CaseResult.Status.FAILED);
    assertThat(result.reason()).startsWith("timed out after ");
  }

  @Test
  void thePassRateCountsOnlyCasesThatRan() {
    ConformanceReport report = new ConformanceReport(List.of(
        new CaseResult("f", "a", CaseResult.Status.PASSED, ""),
        new CaseResult("f", "b", CaseResult.Status.PASSED, ""),
        new CaseResult("f", "c", CaseResult.Status.PASSED, ""),
        new CaseResult("f", "d", CaseResult.Status.FAILED, "x"),
        new CaseResult("f", "e", CaseResult.Status.SKIPPED, "y")));

    assertThat(report.passRate()).isEqualTo(75.0);
  }

  @Test
  void anEmptyRunHasAPassRateOfZero() {
    assertThat(new ConformanceReport(List.of()).passRate()).isZero();
  }

  // The tests below evaluate Rego, so they need the engine.

  @Test
  void aCaseWhoseResultMatchesPasses() {
    CaseResult result = runner.run(only("""
        cases:
          - note: virtual doc
            query: data.test.p = x
            modules:
              - |
                package test
                p contains v if some v in input.xs
            input: {xs: [3, 1, 2]}
            want_result:
              - x: [1, 2, 3]
        """));

    assertThat(result.status()).as(result.reason()).isEqualTo(CaseResult.Status.PASSED);
  }

  @Test
  void aCaseWhoseResultDiffersFailsAndSaysHow() {
    CaseResult result = runner.run(only("""
        cases:
          - note: wrong
            query: x := 1 + 1
            want_result:
              - x: 3
        """));

    assertThat(result.status()).isEqualTo(CaseResult.Status.FAILED);
    assertThat(result.reason()).isEqualTo("want [{\"x\":3}] but got [{\"x\":2}]");
  }

  @Test
  void dataIsAvailableUnderData() {
    CaseResult result = runner.run(only("""
        cases:
          - note: base doc
            query: data.a.b = x
            data: {a: {b: 7}}
            want_result:
              - x: 7
        """));

    assertThat(result.status()).as(result.reason()).isEqualTo(CaseResult.Status.PASSED);
  }

  @Test
  void anInputTermMayHoldASet() {
    CaseResult result = runner.run(only("""
        cases:
          - note: input term
            query: x := count(input.s)
            input_term: '{"s": {1, 2, 2, 3}}'
            want_result:
              - x: 3
        """));

    assertThat(result.status()).as(result.reason()).isEqualTo(CaseResult.Status.PASSED);
  }

  @Test
  void aStrictBuiltinErrorMatchesTheWantedCodeAndMessage() {
    CaseResult result = runner.run(only("""
        cases:
          - note: strict error
            query: data.test.p = x
            modules:
              - |
                package test
                p := strings.reverse(input.x)
            input: {x: 1}
            want_error_code: eval_type_error
            want_error: 'reverse: operand 1 must be string but got number'
            strict_error: true
        """));

    assertThat(result.status()).as(result.reason()).isEqualTo(CaseResult.Status.PASSED);
  }

  @Test
  void modulesAreNamedLikeOpasHarness() {
    CaseResult result = runner.run(only("""
        cases:
          - note: error location
            query: data.test.p = x
            modules:
              - |
                package test
                q := 1
              - |
                package test
                p := strings.reverse(input.x)
            input: {x: 1}
            want_error_code: eval_type_error
            want_error: 'test-1.rego:2: eval_type_error'
            strict_error: true
        """));

    assertThat(result.status()).as(result.reason()).isEqualTo(CaseResult.Status.PASSED);
  }

  @Test
  void v0CasesRunWithTheV0Syntax() {
    ConformanceRunner v0 =
        new ConformanceRunner(RegoVersion.V0, ConformanceRunner.DEFAULT_TIMEOUT, SkipList.NONE);

    CaseResult result = v0.run(only("""
        cases:
          - note: v0 partial set
            query: data.test.p = x
            modules:
              - |
                package test
                p[v] { v := input.xs[_] }
            input: {xs: [b, a]}
            want_result:
              - x: [a, b]
        """));

    assertThat(result.status()).as(result.reason()).isEqualTo(CaseResult.Status.PASSED);
  }

  private ConformanceCase only(String yaml) {
    return ConformanceCases.parse("cases.yaml", yaml).get(0);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
