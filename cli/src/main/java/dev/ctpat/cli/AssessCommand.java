package dev.ctpat.cli;

import dev.ctpat.compliance.AssessmentReport;
import dev.ctpat.compliance.Assessor;
import dev.ctpat.compliance.EntityType;
import dev.ctpat.compliance.PolicyPack;
import dev.ctpat.compliance.PolicyPackException;
import dev.ctpat.compliance.ReportJson;
import dev.ctpat.compliance.report.ReportDocument;
import dev.ctpat.compliance.report.ReportFormats;
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

  @Option(names = "--format", paramLabel = "FORMAT[,FORMAT...]", defaultValue = "text",
      description = "text (default): a table for people; json: the report of DESIGN.md §6; "
          + "markdown, html, sarif, junit, oscal. Several, comma-separated, with --output-dir.")
  private String formats;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE (atomically) instead of standard output.")
  private Path output;

  @Option(names = "--output-dir", paramLabel = "DIR",
      description = "Write each format to DIR/ctpat-report.EXT (atomically).")
  private Path outputDir;

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
    List<ReportFormat> chosen = chosenFormats();
    AssessmentReport report;
    Progress progress = Progress.onTerminal(err);
    try {
      progress.begin("compiling the policy pack");
      Assessor assessor = assessor();
      progress.end(assessor.criteria().size() + " criteria");
      progress.begin("reading evidence from " + (input != null ? input : evidenceDir));
      var evidence = input != null ? readInput()
          : EvidenceDirectory.collect(evidenceDir, collectionClock(asOf), err);
      progress.end("done");
      progress.begin("assessing");
      report = evidence instanceof Value v ? assessor.assess(v)
          : assessor.assess((dev.ctpat.compliance.evidence.NormalizedEvidence) evidence);
      progress.end(report.criteria().size() + " criteria assessed");
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
    if (outputDir != null) {
      try {
        java.nio.file.Files.createDirectories(outputDir);
      } catch (IOException e) {
        err.println(outputDir + ": cannot create the output folder: " + e.getMessage());
        return ExitCodes.INPUT_ERROR;
      }
    }
    for (ReportFormat format : chosen) {
      Path target = outputDir != null ? outputDir.resolve("ctpat-report." + format.extension())
          : output;
      String text = format.render(report, target == null && Terminal.supportsColour());
      if (target == null) {
        out.print(text);
        continue;
      }
      try {
        AtomicFiles.write(target, text);
      } catch (IOException e) {
        err.println(target + ": cannot write the report: " + e);
        return ExitCodes.INPUT_ERROR;
      }
    }
    return failOn.passes(report) ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** The formats asked for, checked against --output and --output-dir before any work. */
  private List<ReportFormat> chosenFormats() {
    List<ReportFormat> chosen = new ArrayList<>();
    for (String name : formats.split(",", -1)) {
      String format = name.strip().toLowerCase(java.util.Locale.ROOT);
      ReportFormat f = ReportFormat.named(format);
      if (f == null) {
        throw new ParameterException(spec.commandLine(), "unknown --format " + name.strip()
            + "; choose from " + ReportFormat.names());
      }
      if (chosen.contains(f)) {
        throw new ParameterException(spec.commandLine(), "--format names " + format + " twice");
      }
      chosen.add(f);
    }
    if (output != null && outputDir != null) {
      throw new ParameterException(spec.commandLine(),
          "give --output or --output-dir, not both");
    }
    if (chosen.size() > 1 && outputDir == null) {
      throw new ParameterException(spec.commandLine(),
          "several formats need --output-dir DIR");
    }
    return chosen;
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

  /**
   * A report format this command writes: the text table, the JSON report, or one of the
   * renderers of {@link ReportFormats}.
   */
  record ReportFormat(String name, String extension, Renderer renderer) {
    /** Renders a report; {@code colour} only matters for the text table. */
    interface Renderer {
      String render(AssessmentReport report, boolean colour);
    }

    String render(AssessmentReport report, boolean colour) {
      return renderer.render(report, colour);
    }

    static ReportFormat named(String name) {
      if (name.equals("text")) {
        return new ReportFormat("text", "txt", TextReport::render);
      }
      if (name.equals("json")) {
        return new ReportFormat("json", "json", (r, c) -> ReportJson.write(r));
      }
      return ReportFormats.find(name).map(rr -> new ReportFormat(rr.format(), rr.fileExtension(),
          (r, c) -> rr.renderToString(ReportDocument.of(r)))).orElse(null);
    }

    static String names() {
      List<String> all = new ArrayList<>(List.of("text", "json"));
      all.addAll(ReportFormats.names());
      return String.join(", ", all);
    }
  }

  /**
   * The clock evidence is collected against: the start of the --as-of day when given, so that
   * ages computed by adapters (signature age, licence expiry) count to that day.
   */
  static Clock collectionClock(java.time.LocalDate asOf) {
    return asOf == null ? Clock.systemUTC()
        : Clock.fixed(asOf.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
            java.time.ZoneOffset.UTC);
  }
}
