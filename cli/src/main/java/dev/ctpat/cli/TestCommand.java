package dev.ctpat.cli;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.ctpat.rego.api.CoverageRecorder;
import dev.ctpat.rego.api.RegoException;
import dev.ctpat.rego.loader.RegoFile;
import dev.ctpat.rego.tester.RuleCoverage;
import dev.ctpat.rego.loader.LoadedPolicy;
import dev.ctpat.rego.loader.PolicyLoadException;
import dev.ctpat.rego.loader.PolicyLoader;
import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.tester.RegoTestRunner;
import dev.ctpat.rego.tester.TestResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctpat test}: runs Rego unit tests like {@code opa test}. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Run Rego unit tests: every rule named test_* in the loaded modules. A test passes when "
          + "its value is true; undefined or any other value fails it. Rules named todo_test_* "
          + "are reported as skipped.",
      "Exit status: 0 when every test passes, 1 otherwise, 2 when the files do not load or "
          + "compile."
    },
    sortOptions = false)
final class TestCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "Policy, test and data files or directories.")
  private List<String> paths;

  @Option(names = {"-v", "--verbose"}, description = "Print every test, not only failures.")
  private boolean verbose;

  @Option(names = "--v0-compatible", description = "Parse modules as Rego v0 (OPA before 1.0).")
  private boolean v0Compatible;

  @Option(names = {"-r", "--run"}, paramLabel = "REGEX",
      description = "Run only the tests whose full name (data.pkg.test_x) matches.")
  private String run;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = GoDurations.Converter.class,
      description = "Deadline of each test, such as 500ms or 10s (default: 5s).")
  private Duration timeout = RegoTestRunner.DEFAULT_TIMEOUT;

  @Option(names = {"-z", "--exit-zero-on-skipped"},
      description = "Do not let skipped tests make the exit status 1.")
  private boolean exitZeroOnSkipped;

  @Option(names = "--coverage",
      description = "Also report which share of the policy's rule bodies the tests exercised, "
          + "and list the ones they never did.")
  private boolean coverage;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RegoTestRunner runner = new RegoTestRunner(timeout, nameFilter());
    List<TestResult> results;
    CoverageRecorder recorder = coverage ? new CoverageRecorder() : null;
    LoadedPolicy policy;
    try {
      policy = new PolicyLoader(v0Compatible ? RegoVersion.V0 : RegoVersion.V1).load(paths);
      results = runner.run(policy, recorder);
    } catch (PolicyLoadException e) {
      Diagnostics.report(err, e);
      return ExitCodes.INPUT_ERROR;
    } catch (RegoException e) {
      Diagnostics.report(err, e);
      return ExitCodes.INPUT_ERROR;
    }
    TestReport.print(out, results, verbose);
    if (recorder != null) {
      RuleCoverage report = RuleCoverage.of(
          policy.modules().stream().map(RegoFile::module).toList(), recorder.covered());
      report.uncovered().forEach(l -> out.println("not covered: " + l));
      out.println(report);
    }
    boolean allGood = results.stream().allMatch(r -> r.passed()
        || (exitZeroOnSkipped && r.outcome() == TestResult.Outcome.SKIPPED));
    return allGood ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private Predicate<String> nameFilter() {
    if (run == null) {
      return name -> true;
    }
    try {
      Pattern pattern = Pattern.compile(run);
      return name -> pattern.matcher(name).find();
    } catch (PatternSyntaxException e) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--run': " + e.getMessage());
    }
  }
}
