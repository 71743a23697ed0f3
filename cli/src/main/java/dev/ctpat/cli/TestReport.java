package dev.ctpat.cli;

import dev.ctpat.rego.api.RegoError;
import dev.ctpat.rego.tester.TestResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints test results as {@code opa test} does: a line per failed, erroneous or skipped test
 * (per test with {@code -v}), then a rule and the counts.
 *
 * <pre>
 * data.authz_test.test_get_denied: FAIL (1.021ms)
 * --------------------------------------------------------------------------------
 * PASS: 3/4
 * FAIL: 1/4
 * </pre>
 *
 * <p>A keyed test counts each of its keys; what a test printed appears under its line.
 */
final class TestReport {
  private final PrintWriter out;
  private final boolean verbose;
  private int passed;
  private int failed;
  private int skipped;
  private int errors;

  private TestReport(PrintWriter out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  static void print(PrintWriter out, List<TestResult> results, boolean verbose) {
    new TestReport(out, verbose).print(results);
  }

  private void print(List<TestResult> results) {
    boolean printedAny = false;
    for (TestResult result : results) {
      count(result);
      if (verbose || !result.passed()) {
        printResult(result);
        printedAny = true;
      }
    }
    if (printedAny) {
      out.println("-".repeat(80));
    }
    int total = passed + failed + skipped + errors;
    printCount("PASS", passed, total);
    printCount("FAIL", failed, total);
    printCount("SKIPPED", skipped, total);
    printCount("ERROR", errors, total);
  }

  private void count(TestResult result) {
    switch (result.outcome()) {
      case SKIPPED -> skipped++;
      case ERROR -> errors++;
      default -> {
        if (result.subResults().isEmpty()) {
          if (result.passed()) {
            passed++;
          } else {
            failed++;
          }
        } else {
          countLeaves(result.subResults());
        }
      }
    }
  }

  private void countLeaves(List<TestResult.SubResult> subResults) {
    for (TestResult.SubResult sub : subResults) {
      if (!sub.children().isEmpty()) {
        countLeaves(sub.children());
      } else if (sub.failed()) {
        failed++;
      } else {
        passed++;
      }
    }
  }

  private void printResult(TestResult result) {
    if (result.outcome() == TestResult.Outcome.SKIPPED) {
      out.println(result.fullName() + ": SKIPPED");
      return;
    }
    out.println(result.fullName() + ": " + result.outcome() + " ("
        + GoDurations.format(result.duration()) + ")");
    printSubResults(result.subResults(), 1);
    if (!result.output().isBlank()) {
      out.println();
      result.output().strip().lines().forEach(line -> out.println("  " + line));
      out.println();
    }
    for (RegoError error : result.errors()) {
      out.println("  " + error);
    }
  }

  private void printSubResults(List<TestResult.SubResult> subResults, int depth) {
    for (TestResult.SubResult sub : subResults) {
      if (verbose || sub.failed()) {
        out.println("  ".repeat(depth) + sub.name() + ": " + (sub.failed() ? "FAIL" : "PASS"));
      }
      printSubResults(sub.children(), depth + 1);
    }
  }

  private void printCount(String label, int count, int total) {
    if (count > 0) {
      out.println(label + ": " + count + "/" + total);
    }
  }
}
