package dev.ctpat.cli;

import dev.ctpat.rego.api.PreparedPolicy;
import dev.ctpat.rego.api.QueryResult;
import dev.ctpat.rego.api.Rego;
import dev.ctpat.rego.api.RegoException;
import dev.ctpat.rego.loader.PolicyLoadException;
import dev.ctpat.rego.loader.PolicyLoader;
import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.Value;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctpat eval}: evaluates a Rego query like {@code opa eval} and prints OPA's JSON. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a Rego query and print the result as opa eval does: "
          + "{\"result\": [{\"expressions\": [...], \"bindings\": {...}}]}, or {} if undefined.",
      "Policy and data files load as with opa: .rego files are modules; .json/.yaml/.yml files "
          + "merge under data at the path of their folder below the given root."
    },
    sortOptions = false)
final class EvalCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = {"-d", "--data"}, paramLabel = "PATH",
      description = "Policy or data file or directory; repeatable. "
          + "Prefix a.b: to load it at data.a.b.")
  private List<String> dataPaths = new ArrayList<>();

  @Option(names = {"-i", "--input"}, paramLabel = "FILE",
      description = "Input document (JSON or YAML).")
  private Path inputFile;

  @Option(names = "--v0-compatible", description = "Parse modules as Rego v0 (OPA before 1.0).")
  private boolean v0Compatible;

  @Option(names = "--strict-builtin-errors",
      description = "Fail on builtin errors instead of treating them as undefined.")
  private boolean strictBuiltinErrors;

  @Option(names = "--fail", description = "Exit with 1 when the result is undefined.")
  private boolean failIfUndefined;

  @Option(names = "--fail-defined", description = "Exit with 1 when the result is defined.")
  private boolean failIfDefined;

  @Parameters(paramLabel = "QUERY", description = "The query, such as data.authz.allow.")
  private String query;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RegoVersion version = v0Compatible ? RegoVersion.V0 : RegoVersion.V1;
    QueryResult result;
    try {
      Value input = inputFile == null ? null : PolicyLoader.readDocument(inputFile);
      PreparedPolicy policy = new PolicyLoader(version).load(dataPaths)
          .addTo(Rego.builder())
          .regoVersion(version)
          .strictBuiltinErrors(strictBuiltinErrors)
          .printSink((location, message) -> err.println(message))
          .build();
      result = policy.query(query, input);
    } catch (PolicyLoadException e) {
      Diagnostics.report(err, e);
      return ExitCodes.INPUT_ERROR;
    } catch (RegoException e) {
      Diagnostics.report(err, e);
      return ExitCodes.INPUT_ERROR;
    }
    out.println(EvalOutput.render(result));
    boolean failed = result.isUndefined() ? failIfUndefined : failIfDefined;
    return failed ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
