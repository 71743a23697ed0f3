package dev.ctpat.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN §2, checked on the sources: the Rego engine knows nothing of
 * CTPAT (it could be published alone), the value model knows nothing of the engine, and the
 * compliance facade reaches the engine only through its API.
 */
class DependencyRulesTest {
  private static final Path MAIN = Path.of("src/main/java/dev/ctpat");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)",
      Pattern.MULTILINE);

  @Test
  void theEngineDoesNotDependOnTheComplianceProduct() {
    assertThat(violations("rego", "dev.ctpat.compliance", "dev.ctpat.adapters", "dev.ctpat.cli"))
        .isEmpty();
  }

  @Test
  void valuesAndTypesDependOnNoOtherEnginePackage() {
    assertThat(violations("rego/value", "dev.ctpat.rego.")).allSatisfy(
        v -> assertThat(v).contains("dev.ctpat.rego.value."));
    assertThat(violations("rego/types", "dev.ctpat.rego.compile", "dev.ctpat.rego.eval",
        "dev.ctpat.rego.syntax", "dev.ctpat.rego.api")).isEmpty();
  }

  @Test
  void builtinsDoNotReachIntoCompilerOrEvaluator() {
    assertThat(violations("rego/builtins", "dev.ctpat.rego.compile", "dev.ctpat.rego.eval."))
        .allSatisfy(v -> assertThat(v).contains("EvalLimitException"));
  }

  @Test
  void theComplianceFacadeUsesOnlyTheEnginesPublicApi() {
    assertThat(violations("compliance", "dev.ctpat.rego.compile", "dev.ctpat.rego.eval"))
        .isEmpty();
  }

  /** Lines {@code file: import} of sources under {@code dir} importing a forbidden prefix. */
  private static List<String> violations(String dir, String... forbidden) {
    Path root = MAIN.resolve(dir);
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          for (String prefix : forbidden) {
            if (m.group(1).startsWith(prefix)) {
              out.add(root.relativize(f) + ": " + m.group(1));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
