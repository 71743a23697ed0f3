package dev.ctpat.rego.syntax;

import static dev.ctpat.rego.syntax.ParserTestSupport.FILE;
import static dev.ctpat.rego.syntax.ParserTestSupport.module;
import static dev.ctpat.rego.syntax.ParserTestSupport.moduleErrors;
import static dev.ctpat.rego.syntax.ParserTestSupport.moduleErrorsV0;
import static dev.ctpat.rego.syntax.ParserTestSupport.moduleV0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.rego.syntax.Parser.ParserOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Packages, imports, Rego versions, and how errors of a whole module are reported. */
class ModuleParsingTest {

  @Nested
  class Packages {
    @Test
    void packagePathIsRootedAtData() {
      Module m = module("package a.b[\"c-d\"].e");
      assertThat(Printer.print(m.packagePath())).isEqualTo("data.a.b[\"c-d\"].e");
      assertThat(m.packagePath().location()).isEqualTo(new Location(FILE, 1, 9));
      assertThat(m.file()).isEqualTo(FILE);
    }

    @Test
    void packageNamedDataIsNestedUnderData() {
      assertThat(Printer.print(module("package data.x").packagePath())).isEqualTo("data.data.x");
    }

    @Test
    void packageMayStartWithAKeyword() {
      assertThat(Printer.print(module("package if.x").packagePath())).isEqualTo("data.if.x");
    }

    @Test
    void packageAloneIsAModuleWithoutRules() {
      Module m = module("# policy\npackage test\n");
      assertThat(m.rules()).isEmpty();
      assertThat(m.imports()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "package|1:8: unexpected eof token",
        "package 1|1:9: unexpected number token",
        "package foo.|1:13: unexpected eof token: expected identifier",
        "package a[1]|1:11: unexpected number token: expecting string",
        "package a[x]|1:11: unexpected var token: expecting string",
        "package f(x)|1:13: unexpected eof token"})
    void malformedPackages(String source, String error) {
      assertThat(moduleErrors(source)).containsExactly(error);
    }

    @Test
    void moduleMustStartWithAPackage() {
      assertThat(moduleErrors("p := 1")).containsExactly("1:1: package expected");
      assertThat(moduleErrors("")).containsExactly("1:1: empty module");
      assertThat(moduleErrors("# only a comment\n")).containsExactly("1:1: empty module");
    }

    @Test
    void onlyOnePackage() {
      assertThat(moduleErrors("package a\npackage b")).containsExactly("2:1: unexpected package");
    }
  }

  @Nested
  class Imports {
    @Test
    void importsWithAndWithoutAlias() {
      Module m = module("package t\nimport data.x.y as z\nimport input.foo\nimport input\n"
          + "import data\nimport data.a[\"b\"]");
      assertThat(m.imports()).extracting(i -> Printer.print(i.path()))
          .containsExactly("data.x.y", "input.foo", "input", "data", "data.a.b");
      assertThat(m.imports()).extracting(Module.Import::alias)
          .containsExactly("z", null, null, null, null);
      assertThat(m.imports().get(1).location()).isEqualTo(new Location(FILE, 3, 1));
    }

    @Test
    void importsMayFollowRules() {
      assertThat(module("package t\np := 1\nimport data.x").imports()).hasSize(1);
    }

    @Test
    void futureAndRegoImportsAreKept() {
      Module m = module("package t\nimport future.keywords.in\nimport future.keywords\n"
          + "import rego.v1");
      assertThat(m.imports()).extracting(i -> Printer.print(i.path()))
          .containsExactly("future.keywords.in", "future.keywords", "rego.v1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "import foo.bar|2:8: unexpected import path, must begin with one of: "
            + "{data, future, input, rego}, got: foo",
        "import data.x[1]|2:15: unexpected number token: expecting string",
        "import data.x as 1|2:18: unexpected number token: expected var",
        "import data.x as y.z|2:21: unexpected eof token: expected var",
        "import 1|2:8: unexpected number token",
        "import [1]|2:8: unexpected [ token",
        "import data.foo.if|2:17: unexpected import path, must not end with a keyword, got: if "
            + "(hint: import a different path or use an alias)",
        "import future.foo|2:8: invalid import, must be `future.keywords`",
        "import future.keywords.foo|2:8: unexpected keyword, must be one of "
            + "[contains every if in]",
        "import future.keywords as k|2:8: `future` imports cannot be aliased",
        "import rego.v2|2:8: invalid import `rego.v2`, must be `rego.v1`"})
    void malformedImports(String source, String error) {
      assertThat(moduleErrors("package t\n" + source)).containsExactly(error);
    }

    @Test
    void regoV0KeywordsAreFewerSoMoreNamesMayEndAPath() {
      assertThat(moduleV0("package t\nimport data.foo.if").imports()).hasSize(1);
      assertThat(moduleErrorsV0("package t\nimport data.foo.not"))
          .containsExactly("2:17: unexpected import path, must not end with a keyword, got: not "
              + "(hint: import a different path or use an alias)");
    }

    @Test
    void regoV1ImportCannotBeAliasedInV0() {
      assertThat(moduleErrorsV0("package t\nimport rego.v1 as r"))
          .containsExactly("2:8: `rego` imports cannot be aliased");
    }
  }

  @Nested
  class RegoVersions {
    @Test
    void modulesReportTheVersionTheyWereParsedAs() {
      assertThat(module("package t").version()).isEqualTo(RegoVersion.V1);
      assertThat(moduleV0("package t").version()).isEqualTo(RegoVersion.V0);
    }

    @Test
    void importingRegoV1MakesAV0ModuleAV1Module() {
      Module m = moduleV0("package t\nimport rego.v1\np contains x if { some x in [1] }");
      assertThat(m.version()).isEqualTo(RegoVersion.V1);
      assertThat(moduleErrorsV0("package t\nimport rego.v1\np[x] { x = 1 }")).containsExactly(
          "3:1: `if` keyword is required before rule body",
          "3:1: `contains` keyword is required for partial set rules");
    }

    @Test
    void regoV1RulesAreCheckedEvenWhenTheImportComesLater() {
      assertThat(moduleErrorsV0("package t\np { true }\nimport rego.v1"))
          .containsExactly("2:1: `if` keyword is required before rule body");
    }

    @Test
    void futureKeywordsImportedOneByOne() {
      assertThat(ParserTestSupport.print(moduleV0("package t\nimport future.keywords.in\n"
          + "p { 1 in [1] }").rules())).isEqualTo("p if { internal.member_2(1, [1]) }");
      assertThat(ParserTestSupport.print(moduleV0("package t\nimport future.keywords.if\n"
          + "p if true").rules())).isEqualTo("p if { true }");
      assertThat(ParserTestSupport.print(moduleV0("package t\nimport future.keywords.contains\n"
          + "p contains 1 { true }").rules())).isEqualTo("p contains 1 if { true }");
    }

    @Test
    void importingEveryAlsoImportsIn() {
      assertThat(ParserTestSupport.print(moduleV0("package t\nimport future.keywords.every\n"
          + "p { every x in [1] { x } }").rules())).isEqualTo("p if { every x in [1] { x } }");
    }

    @Test
    void importingAllFutureKeywords() {
      assertThat(ParserTestSupport.print(moduleV0("package t\nimport future.keywords\n"
          + "p contains x if { some x in [1] }").rules()))
          .isEqualTo("p contains x if { some x in [1] }");
    }

    @Test
    void futureImportsAreAcceptedInV1() {
      assertThat(module("package t\nimport future.keywords.if\nimport rego.v1").imports())
          .hasSize(2);
    }

    @Test
    void importedKeywordsApplyFromTheImportOn() {
      assertThat(ParserTestSupport.print(moduleV0("package t\nin := 1\n"
          + "import future.keywords.in\np { in.x }").rules())).isEqualTo("in := 1\np if { in.x }");
    }
  }

  @Nested
  class Errors {
    @Test
    void errorsRenderAsFileLineColumnCodeAndMessage() {
      assertThatThrownBy(() -> Parser.parseModule("policy.rego", "package a\np if {"))
          .isInstanceOf(ParseException.class)
          .hasMessage("policy.rego:2:7: rego_parse_error: unexpected eof token");
    }

    @Test
    void severalStatementsReportTheirOwnErrors() {
      assertThat(moduleErrors("package t\n"
          + "p := [1,\n"
          + "q := 2\n"
          + "r if {\n"
          + "  x := )\n"
          + "}\n"
          + "s := 1\n"
          + "t := {\n"))
          .containsExactly(
              "3:3: unexpected assign token: expected \",\" or \"]\"",
              "5:8: unexpected ) token",
              "9:1: unexpected eof token");
    }

    @Test
    void errorsAreSortedByPosition() {
      assertThat(moduleErrorsV0("package t\nimport rego.v1\np { a }\nq := (\nr if x"))
          .containsExactly("3:1: `if` keyword is required before rule body",
              "5:3: non-terminated expression");
    }

    @Test
    void parsingStopsAfterTenSyntaxErrors() {
      String source = "package t\n" + "p := ]\n".repeat(25);
      assertThat(moduleErrors(source)).hasSize(ModuleParser.MAX_SYNTAX_ERRORS);
    }

    @Test
    void optionsNeedAVersion() {
      assertThatThrownBy(() -> new ParserOptions(null)).isInstanceOf(NullPointerException.class);
    }
  }
}
