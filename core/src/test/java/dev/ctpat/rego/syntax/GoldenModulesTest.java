package dev.ctpat.rego.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.syntax.Parser.ParserOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole modules against golden dumps in {@code src/test/resources/syntax}: each {@code X.rego}
 * parses (as v0 when its name ends in {@code -v0}) to the tree described in {@code X.golden},
 * and printing the module and parsing the text again gives the same rules.
 */
class GoldenModulesTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = GoldenModulesTest.class.getResourceAsStream("/syntax/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Module parse(String name) throws IOException {
    ParserOptions options = name.endsWith("-v0") ? ParserOptions.V0 : ParserOptions.V1;
    return Parser.parseModule(name + ".rego", resource(name + ".rego"), options);
  }

  @ParameterizedTest
  @ValueSource(strings = {"access-v1", "legacy-v0"})
  void moduleMatchesItsGoldenDump(String name) throws IOException {
    assertThat(AstDump.dump(parse(name))).isEqualTo(resource(name + ".golden"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"access-v1", "legacy-v0"})
  void printedModuleParsesToTheSameRules(String name) throws IOException {
    String printed = Printer.print(parse(name));
    assertThat(Printer.print(Parser.parseModule("printed.rego", printed))).isEqualTo(printed);
  }
}
