package dev.ctpat.cli;

import dev.ctpat.compliance.AssessmentReport;
import dev.ctpat.compliance.Assessor;
import dev.ctpat.compliance.EntityType;
import dev.ctpat.compliance.PolicyPack;
import dev.ctpat.compliance.PolicyPackException;
import dev.ctpat.compliance.ReportJson;
import dev.ctpat.rego.loader.PolicyLoadException;
import dev.ctpat.rego.loader.PolicyLoader;
import dev.ctpat.rego.value.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ctpat assess}: collects an evidence directory (or reads a normalized document),
 * evaluates every criterion of the CTPAT pack and prints or writes the report.
 */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = {
      "Assess evidence against the CTPAT cybersecurity criteria and report the result.",
      "Exit status: 0 compliant under --fail-on, 1 not compliant, 2 usage or input error."
    },
    sortOptions = false)
final class AssessCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "EVIDENCE_DIR",
      description = "Folder of raw evidence exports and an optional ctpat.yaml.")
  private Path evidenceDir;

  @Option(names = "--input", paramLabel = "NORMALIZED.json",
      description = "Assess a normalized evidence document (JSON or YAML, as ctpat normalize "
          + "prints it) instead of a folder.")
  private Path input;

  @Option(names = "--entity", paramLabel = "TYPE", converter = Converters.Entity.class,
      description = "CTPAT entity type, e.g. importer, highway_carrier; overrides the evidence.")
  private EntityType entity;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.Date.class,
      description = "The day to assess as of; overrides the evidence. Default: the evidence's "
          + "as_of, else today (UTC).")
  private LocalDate asOf;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      converter = Converters.Format.class,
      description = "text (default): a table for people; json: the report of DESIGN.md §6.")
  private ReportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE (atomically) instead of standard output.")
  private Path output;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "must",
      converter = Converters.Gate.class,
      description = "must (default): exit 1 when a must criterion fails or lacks evidence; "
          + "should: also for should criteria; never: exit 0 whatever the result.")
  private FailOn failOn;

  @Option(names = "--policies", paramLabel = "DIR",
      description = "Also evaluate the organization's own criteria in DIR; repeatable.")
  private List<Path> policies = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((evidenceDir == null) == (input == null)) {
      throw new ParameterException(spec.commandLine(),
          "give an EVIDENCE_DIR or --input NORMALIZED.json (exactly one)");
    }
    AssessmentReport report;
    try {
      Assessor assessor = assessor();
      report = input != null
          ? assessor.assess(readInput())
          : assessor.assess(EvidenceDirectory.collect(evidenceDir, Clock.systemUTC(), err));
    } catch (InputException e) {
      err.println(e.getMessage());
      return ExitCodes.INPUT_ERROR;
    } catch (PolicyPackException e) {
      e.problems().forEach(err::println);
      return ExitCodes.INPUT_ERROR;
    } catch (IllegalArgumentException e) {
      err.println((input != null ? input : evidenceDir) + ": " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
    String text = format == ReportFormat.JSON
        ? ReportJson.write(report)
        : TextReport.render(report, output == null && Terminal.supportsColour());
    if (output == null) {
      out.print(text);
    } else {
      try {
        AtomicFiles.write(output, text);
      } catch (IOException e) {
        err.println(output + ": cannot write the report: " + e);
        return ExitCodes.INPUT_ERROR;
      }
    }
    return failOn.passes(report) ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private Assessor assessor() {
    Assessor.Builder builder = Assessor.builder();
    if (entity != null) {
      builder.entityType(entity);
    }
    if (asOf != null) {
      builder.asOf(asOf);
    }
    policies.forEach(dir -> builder.addPolicies(PolicyPack.fromDirectory(dir)));
    return builder.build();
  }

  private Value readInput() {
    try {
      return PolicyLoader.readDocument(input);
    } catch (PolicyLoadException e) {
      throw new InputException(e.problems().stream().map(Object::toString).toList());
    }
  }

  /** The report formats this command writes. */
  enum ReportFormat {
    TEXT,
    JSON
  }
}
