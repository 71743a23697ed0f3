package dev.ctpat.cli;

import dev.ctpat.rego.builtins.BuiltinRegistry;
import dev.ctpat.rego.builtins.Capabilities;
import dev.ctpat.rego.value.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ctpat capabilities}: the builtins this engine supports, as OPA capabilities JSON. */
@Command(
    name = "capabilities",
    mixinStandardHelpOptions = true,
    description = "Print an OPA-format capabilities JSON of the builtins this engine supports, "
        + "for use with opa check --capabilities.")
final class CapabilitiesCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(Json.writePretty(
        Capabilities.of(BuiltinRegistry.standard())));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
