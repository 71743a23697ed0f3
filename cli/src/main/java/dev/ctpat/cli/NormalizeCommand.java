package dev.ctpat.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctpat.compliance.evidence.EvidenceJson;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctpat normalize}: prints the normalized evidence document the policies see. */
@Command(
    name = "normalize",
    mixinStandardHelpOptions = true,
    description = {
      "Collect an evidence folder and print the normalized document (JSON) that the policies "
          + "evaluate; ctpat assess --input accepts it.",
      "Files no adapter recognizes, and problems in files, are reported on standard error."
    },
    sortOptions = false)
final class NormalizeCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "EVIDENCE_DIR",
      description = "Folder of raw evidence exports and an optional ctpat.yaml.")
  private Path evidenceDir;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.Date.class,
      description = "The assessment day to record; overrides ctpat.yaml. Default: today (UTC).")
  private LocalDate asOf;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    NormalizedEvidence evidence;
    try {
      evidence = EvidenceDirectory.collect(evidenceDir, AssessCommand.collectionClock(asOf), err);
    } catch (InputException e) {
      err.println(e.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
    ObjectMapper mapper = EvidenceJson.mapper();
    ObjectNode document = mapper.valueToTree(evidence);
    if (asOf != null) {
      document.withObjectProperty("organization").put("as_of", asOf.toString());
    }
    out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    return ExitCodes.OK;
  }
}
