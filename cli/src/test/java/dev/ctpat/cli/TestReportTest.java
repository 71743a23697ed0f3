package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.api.RegoError;
import dev.ctpat.rego.syntax.Location;
import dev.ctpat.rego.tester.TestResult;
import dev.ctpat.rego.tester.TestResult.Outcome;
import dev.ctpat.rego.tester.TestResult.SubResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestReportTest {
  private static final Location AT = new Location("t_test.rego", 3, 1);

  @Test
  void onlyFailuresArePrintedThenTheCounts() {
    String report = print(false, result("test_a", Outcome.PASS), result("test_b", Outcome.FAIL));

    assertThat(report).isEqualTo("""
        data.t.test_b: FAIL (1.5ms)
        --------------------------------------------------------------------------------
        PASS: 1/2
        FAIL: 1/2
        """);
  }

  @Test
  void verboseModePrintsEveryTest() {
    String report = print(true, result("test_a", Outcome.PASS), result("test_b", Outcome.PASS));

    assertThat(report).isEqualTo("""
        data.t.test_a: PASS (1.5ms)
        data.t.test_b: PASS (1.5ms)
        --------------------------------------------------------------------------------
        PASS: 2/2
        """);
  }

  @Test
  void whenAllPassOnlyTheCountIsPrinted() {
    assertThat(print(false, result("test_a", Outcome.PASS))).isEqualTo("PASS: 1/1\n");
  }

  @Test
  void noTestsPrintNothing() {
    assertThat(print(false)).isEmpty();
  }

  @Test
  void errorsArePrintedUnderTheTestLine() {
    TestResult error = new TestResult("data.t", "test_c", AT, Outcome.ERROR,
        Duration.ofNanos(250_000),
        List.of(new RegoError("eval_conflict_error",
            "complete rules must not produce multiple outputs", new Location("t.rego", 3, 1))),
        "", List.of());

    assertThat(print(false, error)).isEqualTo("""
        data.t.test_c: ERROR (250µs)
          t.rego:3:1: eval_conflict_error: complete rules must not produce multiple outputs
        --------------------------------------------------------------------------------
        ERROR: 1/1
        """);
  }

  @Test
  void skippedTestsHaveNoDuration() {
    TestResult skipped = new TestResult("data.t", "todo_test_x", AT, Outcome.SKIPPED,
        Duration.ZERO, List.of(), "", List.of());

    assertThat(print(false, skipped)).isEqualTo("""
        data.t.todo_test_x: SKIPPED
        --------------------------------------------------------------------------------
        SKIPPED: 1/1
        """);
  }

  @Test
  void printedOutputAppearsIndentedBetweenBlankLines() {
    TestResult withOutput = new TestResult("data.t", "test_p", AT, Outcome.FAIL,
        Duration.ofMillis(2), List.of(), "checking alice\nroles: [\"admin\"]\n", List.of());

    assertThat(print(false, withOutput)).isEqualTo("""
        data.t.test_p: FAIL (2ms)

          checking alice
          roles: ["admin"]

        --------------------------------------------------------------------------------
        FAIL: 1/1
        """);
  }

  @Test
  void keyedTestsCountAndShowEachKey() {
    TestResult keyed = new TestResult("data.t", "test_cases", AT, Outcome.FAIL,
        Duration.ofMillis(3), List.of(), "", List.of(
            new SubResult("empty", false, List.of()),
            new SubResult("unicode", true, List.of()),
            new SubResult("nested", false, List.of(new SubResult("deep", false, List.of())))));

    assertThat(print(false, keyed)).isEqualTo("""
        data.t.test_cases: FAIL (3ms)
          unicode: FAIL
        --------------------------------------------------------------------------------
        PASS: 2/3
        FAIL: 1/3
        """);
    assertThat(print(true, keyed)).contains("""
          empty: PASS
          unicode: FAIL
          nested: PASS
            deep: PASS
        """);
  }

  private static TestResult result(String name, Outcome outcome) {
    return new TestResult("data.t", name, AT, outcome, Duration.ofNanos(1_500_000), List.of(),
        "", List.of());
  }

  private static String print(boolean verbose, TestResult... results) {
    StringWriter out = new StringWriter();
    try (PrintWriter writer = new PrintWriter(out)) {
      TestReport.print(writer, List.of(results), verbose);
    }
    return out.toString();
  }
}
