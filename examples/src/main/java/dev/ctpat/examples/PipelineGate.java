package dev.ctpat.examples;

import dev.ctpat.adapters.CollectionResult;
import dev.ctpat.adapters.Collector;
import dev.ctpat.compliance.AssessmentReport;
import dev.ctpat.compliance.Assessor;
import dev.ctpat.compliance.CriterionResult;
import dev.ctpat.compliance.ReportJson;
import dev.ctpat.compliance.Requirement;
import dev.ctpat.compliance.Status;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Gates a build or deployment pipeline on the CTPAT assessment of an evidence folder, using
 * only the library's public API: {@link Collector} reads the raw exports, {@link Assessor}
 * evaluates the policy pack, {@link ReportJson} writes the machine-readable report.
 *
 * <pre>
 * PipelineGate EVIDENCE_DIR [--gate must|should] [--as-of YYYY-MM-DD] [--report FILE]
 * </pre>
 *
 * <p>It prints one line per criterion that fails or lacks evidence, marked {@code BLOCKS} when
 * the chosen gate counts it, writes the JSON report when asked, and exits {@code 0} when the
 * gate passes, {@code 1} when it does not and {@code 2} on bad usage or unreadable input. A
 * gate at {@code must} (the default) is CTPAT compliance; a gate at {@code should} also
 * counts the should criteria.
 */
public final class PipelineGate {
  static final int PASSED = 0;
  static final int BLOCKED = 1;
  static final int USAGE = 2;

  private static final String USAGE_LINE =
      "usage: PipelineGate EVIDENCE_DIR [--gate must|should] [--as-of YYYY-MM-DD] [--report FILE]";

  private PipelineGate() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the gate with {@code args} and returns the exit status instead of exiting. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE_LINE);
      return USAGE;
    }
    if (!Files.isDirectory(options.evidence())) {
      err.println(options.evidence() + ": not a directory");
      return USAGE;
    }
    AssessmentReport report = assess(options.evidence(), options.asOf());
    printVerdicts(report, options.gate(), out);
    if (options.report() != null && !writeReport(report, options.report(), err)) {
      return USAGE;
    }
    return report.compliant(options.gate()) ? PASSED : BLOCKED;
  }

  /**
   * Collects and assesses {@code evidence}. With an as-of day the evidence is also collected
   * against that day (ages stated only as dates are counted up to it), so that a rerun on
   * another day gives the same report.
   */
  static AssessmentReport assess(Path evidence, LocalDate asOf) {
    Clock clock = asOf == null ? Clock.systemUTC()
        : Clock.fixed(asOf.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    CollectionResult collected = Collector.collect(evidence, clock);
    Assessor.Builder assessor = Assessor.builder();
    if (asOf != null) {
      assessor.asOf(asOf);
    }
    return assessor.build().assess(collected.evidence());
  }

  /** One line per criterion that fails or lacks evidence, then the gate's verdict. */
  static void printVerdicts(AssessmentReport report, Requirement gate, PrintStream out) {
    for (CriterionResult c : report.criteria()) {
      if (c.status() == Status.FAIL || c.status() == Status.INSUFFICIENT_EVIDENCE) {
        out.println(verdictLine(c, gate));
      }
    }
    List<String> blocking = report.criteria().stream()
        .filter(c -> c.blocks(gate)).map(CriterionResult::id).toList();
    out.println(blocking.isEmpty()
        ? "GATE " + gate.id() + ": PASSED (" + report.organizationName() + ", as of " + report.asOf() + ")"
        : "GATE " + gate.id() + ": BLOCKED by " + String.join(", ", blocking));
  }

  /** E.g. {@code BLOCKS 4.7 (must) fail: Access restricted by job... [1 violation, 0 missing]}. */
  static String verdictLine(CriterionResult c, Requirement gate) {
    long violations = c.findings().stream().filter(f -> f.status() == Status.FAIL).count();
    long missing = c.findings().size() - violations;
    return String.format(Locale.ROOT, "%-6s %s (%s) %s: %s [%d violation%s, %d missing evidence]",
        c.blocks(gate) ? "BLOCKS" : "note", c.id(), c.requirement().id(), c.status().id(),
        c.title(), violations, violations == 1 ? "" : "s", missing);
  }

  private static boolean writeReport(AssessmentReport report, Path file, PrintStream err) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, ReportJson.write(report), StandardCharsets.UTF_8);
      return true;
    } catch (IOException e) {
      err.println(file + ": cannot write the report: " + e.getMessage());
      return false;
    }
  }

  /** The parsed command line. */
  record Options(Path evidence, Requirement gate, LocalDate asOf, Path report) {

    static Options parse(String[] args) {
      Path evidence = null;
      Requirement gate = Requirement.MUST;
      LocalDate asOf = null;
      Path report = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--gate" -> gate = Requirement.fromId(value(args, ++i, "--gate"))
              .orElseThrow(() -> new IllegalArgumentException("--gate must be must or should"));
          case "--as-of" -> asOf = date(value(args, ++i, "--as-of"));
          case "--report" -> report = Path.of(value(args, ++i, "--report"));
          default -> {
            if (args[i].startsWith("--") || evidence != null) {
              throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            evidence = Path.of(args[i]);
          }
        }
      }
      if (evidence == null) {
        throw new IllegalArgumentException("missing EVIDENCE_DIR");
      }
      return new Options(evidence, gate, asOf, report);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static LocalDate date(String text) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--as-of must be YYYY-MM-DD, got " + text);
      }
    }
  }
}
