package dev.ctpat.rego.tester;

import dev.ctpat.rego.api.CoverageRecorder;
import dev.ctpat.rego.api.EvalLimits;
import dev.ctpat.rego.api.PreparedPolicy;
import dev.ctpat.rego.api.PrintSink;
import dev.ctpat.rego.api.Rego;
import dev.ctpat.rego.api.RegoException;
import dev.ctpat.rego.loader.LoadedPolicy;
import dev.ctpat.rego.loader.RegoFile;
import dev.ctpat.rego.syntax.Location;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Runs Rego unit tests as {@code opa test} does. Every rule named {@code test_*} is a test; it
 * passes when its value is {@code true}, fails when it is undefined or any other value, and is
 * an error when evaluation fails. Rules named {@code todo_test_*} are reported as skipped. A
 * test rule with a key ({@code test_x[name] if ...}) passes when every key's value is
 * {@code true}, and reports each key as a sub-result.
 *
 * <p>Tests run one after another, each with its own deadline; what a test prints is captured
 * with its result.
 */
public final class RegoTestRunner {
  /** {@code opa test}'s default deadline of one test. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final Duration timeout;
  private final Predicate<String> filter;

  /**
   * @param timeout the deadline of each test
   * @param filter which tests to run, by full name ({@code data.pkg.test_x})
   */
  public RegoTestRunner(Duration timeout, Predicate<String> filter) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.filter = Objects.requireNonNull(filter, "filter");
  }

  /** A runner of every test with the default deadline. */
  public RegoTestRunner() {
    this(DEFAULT_TIMEOUT, name -> true);
  }

  /**
   * Compiles the loaded modules and data, then runs every test among them.
   *
   * @throws RegoException if the modules do not compile
   */
  public List<TestResult> run(LoadedPolicy policy) {
    return run(policy, null);
  }

  /**
   * Runs every test and records, in {@code coverage}, which rule bodies succeeded; see
   * {@link RuleCoverage#of}.
   *
   * @param coverage where to record rule coverage, or null for none
   * @throws RegoException if the modules do not compile
   */
  public List<TestResult> run(LoadedPolicy policy, CoverageRecorder coverage) {
    TestDiscovery.Discovered discovered =
        TestDiscovery.discover(policy.modules().stream().map(RegoFile::module).toList());
    CapturedOutput output = new CapturedOutput();
    Rego.Builder builder = Rego.builder()
        .data(policy.data())
        .printSink(output)
        .limits(EvalLimits.DEFAULT.withTimeout(timeout));
    if (coverage != null) {
      builder.coverage(coverage);
    }
    discovered.modules().forEach(builder::module);
    PreparedPolicy prepared = builder.build();

    List<TestResult> results = new ArrayList<>();
    for (TestDiscovery.TestRule test : discovered.tests()) {
      if (filter.test(test.fullName())) {
        results.add(test.skip() ? skipped(test) : run(prepared, test, output));
      }
    }
    return results;
  }

  private static TestResult run(PreparedPolicy policy, TestDiscovery.TestRule test,
      CapturedOutput output) {
    output.clear();
    long start = System.nanoTime();
    Optional<Value> value;
    try {
      value = policy.evaluate(test.query(), null);
    } catch (RegoException e) {
      return result(test, TestResult.Outcome.ERROR, elapsedSince(start), e, output.take(),
          List.of());
    }
    Duration elapsed = elapsedSince(start);
    if (value.isPresent() && test.keyed() && value.get() instanceof ObjectValue keys) {
      List<TestResult.SubResult> subResults = subResults(keys);
      boolean failed = subResults.stream().anyMatch(TestResult.SubResult::failed);
      return result(test, failed ? TestResult.Outcome.FAIL : TestResult.Outcome.PASS, elapsed,
          null, output.take(), subResults);
    }
    boolean passed = value.isPresent() && value.get().equals(BooleanValue.TRUE);
    return result(test, passed ? TestResult.Outcome.PASS : TestResult.Outcome.FAIL, elapsed,
        null, output.take(), List.of());
  }

  /** One sub-result per key: true passes, an object nests, anything else fails. */
  private static List<TestResult.SubResult> subResults(ObjectValue keys) {
    List<TestResult.SubResult> results = new ArrayList<>();
    for (Value key : keys.sortedKeys()) {
      String name = key instanceof StringValue s ? s.value() : Json.write(key);
      Value value = keys.get(key);
      if (value instanceof ObjectValue nested) {
        List<TestResult.SubResult> children = subResults(nested);
        results.add(new TestResult.SubResult(name,
            children.stream().anyMatch(TestResult.SubResult::failed), children));
      } else {
        results.add(new TestResult.SubResult(name, !value.equals(BooleanValue.TRUE), List.of()));
      }
    }
    return results;
  }

  private static TestResult skipped(TestDiscovery.TestRule test) {
    return result(test, TestResult.Outcome.SKIPPED, Duration.ZERO, null, "", List.of());
  }

  private static TestResult result(TestDiscovery.TestRule test, TestResult.Outcome outcome,
      Duration duration, RegoException error, String output,
      List<TestResult.SubResult> subResults) {
    return new TestResult(test.packagePath(), test.name(), test.location(), outcome, duration,
        error == null ? List.of() : error.errors(), output, subResults);
  }

  private static Duration elapsedSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Collects {@code print} output, one line per call, for the test that is running. */
  private static final class CapturedOutput implements PrintSink {
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public synchronized void print(Location location, String message) {
      buffer.append(message).append('\n');
    }

    synchronized void clear() {
      buffer.setLength(0);
    }

    synchronized String take() {
      String text = buffer.toString();
      buffer.setLength(0);
      return text;
    }
  }
}
