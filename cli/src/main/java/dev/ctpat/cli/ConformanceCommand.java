package dev.ctpat.cli;

import dev.ctpat.rego.conformance.CaseResult;
import dev.ctpat.rego.conformance.ConformanceCases;
import dev.ctpat.rego.conformance.ConformanceReport;
import dev.ctpat.rego.conformance.ConformanceRunner;
import dev.ctpat.rego.conformance.SkipList;
import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ctpat conformance}: runs OPA-format YAML test cases against the engine and reports
 * every failure and the totals.
 */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    description = {
      "Run every OPA-format YAML test case under the given directories. Prints one line per "
          + "failure (FAIL file: note: reason) and finishes with "
          + "'conformance: N passed, M failed, K skipped'.",
      "Exit status: without --min-pass-rate, 1 when any case fails; with it, 1 only when the "
          + "pass rate (passed / (passed + failed)) is below the minimum. 2 for bad arguments "
          + "or when no case files are found."
    },
    sortOptions = false)
final class ConformanceCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Directories of YAML cases.")
  private List<Path> dirs;

  @Option(names = "--v0-compatible", description = "The cases are written in Rego v0.")
  private boolean v0Compatible;

  @Option(names = "--skip-file", paramLabel = "FILE",
      description = "Cases to skip: one note prefix per line, optionally followed by # reason.")
  private Path skipFile;

  @Option(names = "--min-pass-rate", paramLabel = "PCT",
      description = "Succeed when at least PCT percent of the cases that ran passed.")
  private Double minPassRate;

  @Option(names = "--exclude-folder", paramLabel = "NAME",
      description = "Leave out folders with this name; repeatable.")
  private List<String> excludedFolders = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "DURATION", converter = GoDurations.Converter.class,
      description = "Deadline of each case, such as 10s (default: 10s).")
  private Duration timeout = ConformanceRunner.DEFAULT_TIMEOUT;

  @Option(names = "--json", description = "Print the summary and failures as JSON instead.")
  private boolean json;

  @Override
  public Integer call() {
    if (minPassRate != null && (minPassRate < 0 || minPassRate > 100)) {
      throw new ParameterException(spec.commandLine(),
          "--min-pass-rate must be between 0 and 100 but was " + minPassRate);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SkipList skips;
    List<Path> files;
    try {
      skips = skipFile == null ? SkipList.NONE : SkipList.read(skipFile);
      files = ConformanceCases.find(dirs, Set.copyOf(excludedFolders));
    } catch (IOException e) {
      err.println(describe(e));
      return ExitCodes.INPUT_ERROR;
    }
    if (files.isEmpty()) {
      err.println("no conformance files (*.yaml, *.yml) found under " + dirs);
      return ExitCodes.INPUT_ERROR;
    }
    RegoVersion version = v0Compatible ? RegoVersion.V0 : RegoVersion.V1;
    ConformanceReport report = new ConformanceRunner(version, timeout, skips).run(files,
        result -> {
          if (!json && result.status() == CaseResult.Status.FAILED) {
            out.println(failureLine(result));
          }
        });
    out.println(json ? Json.writePretty(toJson(report)) : summary(report));
    return exitCode(report, err);
  }

  private int exitCode(ConformanceReport report, PrintWriter err) {
    if (minPassRate == null) {
      return report.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
    if (report.passRate() < minPassRate) {
      err.println(String.format(Locale.ROOT,
          "conformance: pass rate %.2f%% is below the minimum of %s%%", report.passRate(),
          BigDecimal.valueOf(minPassRate).stripTrailingZeros().toPlainString()));
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }

  static String failureLine(CaseResult result) {
    String note = result.note().isEmpty() ? "" : result.note() + ": ";
    return "FAIL " + result.file() + ": " + note + result.reason();
  }

  static String summary(ConformanceReport report) {
    return "conformance: " + report.passed() + " passed, " + report.failed() + " failed, "
        + report.skipped() + " skipped";
  }

  private static Value toJson(ConformanceReport report) {
    List<Value> failures = new ArrayList<>();
    for (CaseResult f : report.failures()) {
      failures.add(ObjectValue.of(
          StringValue.of("file"), StringValue.of(f.file()),
          StringValue.of("note"), StringValue.of(f.note()),
          StringValue.of("reason"), StringValue.of(f.reason())));
    }
    BigDecimal rate = BigDecimal.valueOf(report.passRate()).setScale(2, RoundingMode.HALF_UP);
    return ObjectValue.of(
        StringValue.of("passed"), NumberValue.of(report.passed()),
        StringValue.of("failed"), NumberValue.of(report.failed()),
        StringValue.of("skipped"), NumberValue.of(report.skipped()),
        StringValue.of("pass_rate"), NumberValue.of(rate),
        StringValue.of("failures"), ArrayValue.of(failures));
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException missing) {
      return missing.getFile() + ": no such file or directory";
    }
    return e.getMessage();
  }
}
