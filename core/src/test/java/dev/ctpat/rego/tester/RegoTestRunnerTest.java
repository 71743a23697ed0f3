package dev.ctpat.rego.tester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ctpat.rego.api.RegoException;
import dev.ctpat.rego.loader.LoadedPolicy;
import dev.ctpat.rego.loader.PolicyLoader;
import dev.ctpat.rego.syntax.RegoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: these tests parse and evaluate Rego, so they need the engine. */
class RegoTestRunnerTest {
  @TempDir
  Path dir;

  private final RegoTestRunner runner = new RegoTestRunner();

  @Test
  void aTrueTestPassesAndAFalseOrUndefinedTestFails() throws IOException {
    List<TestResult> results = runner.run(load("""
        package t

        test_true if true

        test_false := false

        test_undefined if input.missing
        """));

    assertThat(results).extracting(TestResult::fullName, TestResult::outcome).containsExactly(
        tuple("data.t.test_true", TestResult.Outcome.PASS),
        tuple("data.t.test_false", TestResult.Outcome.FAIL),
        tuple("data.t.test_undefined", TestResult.Outcome.FAIL));
  }

  @Test
  void aTestWhoseEvaluationFailsIsAnErrorWithTheReason() throws IOException {
    List<TestResult> results = runner.run(load("""
        package t

        p := x if some x in [1, 2]

        test_conflict if p == 1
        """));

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(TestResult.Outcome.ERROR);
      assertThat(r.errors()).extracting(e -> e.code()).contains("eval_conflict_error");
    });
  }

  @Test
  void todoTestsAreSkippedWithoutRunning() throws IOException {
    List<TestResult> results = runner.run(load("""
        package t

        todo_test_later if false
        """));

    assertThat(results).singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(TestResult.Outcome.SKIPPED));
  }

  @Test
  void eachDefinitionOfARepeatedTestRunsOnItsOwn() throws IOException {
    List<TestResult> results = runner.run(load("""
        package t

        test_x if false

        test_x if true
        """));

    assertThat(results).extracting(TestResult::name, TestResult::outcome).containsExactly(
        tuple("test_x", TestResult.Outcome.FAIL),
        tuple("test_x#01", TestResult.Outcome.PASS));
  }

  @Test
  void aKeyedTestReportsEachKey() throws IOException {
    List<TestResult> results = runner.run(load("""
        package t

        test_cases[name] := ok if {
          some name, ok in {"one": true, "two": false}
        }
        """));

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(TestResult.Outcome.FAIL);
      assertThat(r.subResults()).containsExactly(
          new TestResult.SubResult("one", false, List.of()),
          new TestResult.SubResult("two", true, List.of()));
    });
  }

  @Test
  void whatATestPrintsIsCapturedWithIt() throws IOException {
    List<TestResult> results = runner.run(load("""
        package t

        test_print if {
          print("hello", 42)
        }
        """));

    assertThat(results.get(0).output()).isEqualTo("hello 42\n");
  }

  @Test
  void theFilterSelectsTestsByFullName() throws IOException {
    RegoTestRunner filtered =
        new RegoTestRunner(RegoTestRunner.DEFAULT_TIMEOUT, name -> name.endsWith("_b"));

    List<TestResult> results = filtered.run(load("""
        package t

        test_a if true

        test_b if true
        """));

    assertThat(results).extracting(TestResult::name).containsExactly("test_b");
  }

  @Test
  void testsSeeTheLoadedData() throws IOException {
    Files.writeString(dir.resolve("data.json"), "{\"limits\": {\"max\": 3}}");

    List<TestResult> results = runner.run(load("""
        package t

        test_max if data.limits.max == 3
        """));

    assertThat(results.get(0).passed()).isTrue();
  }

  @Test
  void modulesThatDoNotCompileFailTheRun() throws IOException {
    LoadedPolicy policy = load("""
        package t

        test_unsafe if x == 1
        """);

    assertThatThrownBy(() -> runner.run(policy)).isInstanceOf(RegoException.class);
  }

  private LoadedPolicy load(String source) throws IOException {
    Files.writeString(dir.resolve("t_test.rego"), source);
    return new PolicyLoader(RegoVersion.V1).load(List.of(dir.toString()));
  }
}
