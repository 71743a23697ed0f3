package dev.ctpat.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.api.CoverageRecorder;
import dev.ctpat.rego.loader.LoadedPolicy;
import dev.ctpat.rego.loader.PolicyLoader;
import dev.ctpat.rego.loader.RegoFile;
import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.tester.RegoTestRunner;
import dev.ctpat.rego.tester.RuleCoverage;
import dev.ctpat.rego.tester.TestResult;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the pack's Rego unit tests ({@code *_test.rego}) with this project's test runner, one
 * JUnit test per Rego test, so that {@code mvn verify} fails when a policy test fails. It is
 * what {@code ctpat test rego-policies/src/main/rego} runs.
 */
class RegoUnitTestsTest {
  /** The share of the pack's rule bodies its Rego tests must exercise. */
  private static final double MIN_RULE_COVERAGE = 90.0;

  @TestFactory
  Stream<DynamicTest> everyRegoTestOfThePackPasses() {
    LoadedPolicy pack = new PolicyLoader(RegoVersion.V1).load(List.of("src/main/rego"));
    CoverageRecorder recorder = new CoverageRecorder();
    List<TestResult> results = new RegoTestRunner().run(pack, recorder);

    assertThat(results).as("Rego tests found").isNotEmpty();
    RuleCoverage coverage = RuleCoverage.of(
        pack.modules().stream().map(RegoFile::module).toList(), recorder.covered());
    System.out.println("rego-policies rule " + coverage);
    DynamicTest coverageGate = DynamicTest.dynamicTest("rule coverage of the pack", () ->
        assertThat(coverage.percent()).as(() -> coverage + "; never succeeded: "
            + coverage.uncovered()).isGreaterThanOrEqualTo(MIN_RULE_COVERAGE));
    return Stream.concat(Stream.of(coverageGate),
        results.stream().map(r -> DynamicTest.dynamicTest(r.fullName(), () -> check(r))));
  }

  private static void check(TestResult result) {
    Assumptions.assumeFalse(result.outcome() == TestResult.Outcome.SKIPPED, "todo_test_");
    assertThat(result.outcome()).as(() -> describe(result)).isEqualTo(TestResult.Outcome.PASS);
  }

  private static String describe(TestResult result) {
    String errors = result.errors().stream().map(Object::toString)
        .collect(Collectors.joining("\n  "));
    return result.location() + ": " + result.fullName() + " " + result.outcome()
        + (errors.isEmpty() ? "" : "\n  " + errors)
        + (result.output().isEmpty() ? "" : "\n  printed: " + result.output());
  }
}
