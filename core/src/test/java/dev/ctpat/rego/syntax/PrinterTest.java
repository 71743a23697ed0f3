package dev.ctpat.rego.syntax;

import static dev.ctpat.rego.syntax.ParserTestSupport.module;
import static dev.ctpat.rego.syntax.ParserTestSupport.query;
import static dev.ctpat.rego.syntax.ParserTestSupport.term;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.value.StringValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterTest {

  @Test
  void callsArePrintedInPrefixForm() {
    assertThat(term("a + b * -1")).isEqualTo("plus(a, mul(b, -1))");
  }

  @Test
  void stringsAreQuotedAsJson() {
    assertThat(term("\"a\\\"b\\n\\u0001\"")).isEqualTo("\"a\\\"b\\n\\u0001\"");
    assertThat(term("`C:\\dir`")).isEqualTo("\"C:\\\\dir\"");
  }

  @Test
  void refStepsUseDotsOnlyForIdentifiers() {
    assertThat(term("a[\"b\"][\"c d\"][\"\"][\"1x\"][\"if\"]"))
        .isEqualTo("a.b[\"c d\"][\"\"][\"1x\"].if");
  }

  @Test
  void emptySetAndEmptyObjectDiffer() {
    assertThat(term("[set(), {}]")).isEqualTo("[set(), {}]");
  }

  @Test
  void literalsShowNegationModifiersAndDeclarations() {
    assertThat(query("not p with input as 1 with data.x as {}")).isEqualTo(
        "not p with input as 1 with data.x as {}");
    assertThat(query("some x, y; some k, v in o; every v in o { v }"))
        .isEqualTo("some x, y; some k, v in o; every v in o { v }");
  }

  @Test
  void rulesPrintInRegoV1Syntax() {
    Module m = module("package a.b\nimport data.lib as l\nimport input.x\n"
        + "default allow := false\nallow if { l.ok(input.user) }\nf(x) := 1 if x else := 2\n"
        + "s contains v if some v in input\nr[k] = v if { v := k }");
    assertThat(Printer.print(m)).isEqualTo("package a.b\nimport data.lib as l\nimport input.x\n"
        + "default allow := false\nallow if { l.ok(input.user) }\nf(x) := 1 if { x } else := 2\n"
        + "s contains v if { some v in input }\nr[k] = v if { v := k }\n");
  }

  @Test
  void packageWithNonIdentifierSegments() {
    assertThat(Printer.print(module("package a[\"b-c\"]")).trim()).isEqualTo("package a[\"b-c\"]");
  }

  @Test
  void hostsLikeTheCompilerCanPrintTreesTheyBuild() {
    Location l = Location.UNKNOWN;
    Term.Ref ref = new Term.Ref(new Term.Var("data", l),
        List.of(new Term.Scalar(StringValue.of("x"), l), new Term.Var("i", l)), l);
    assertThat(Printer.print(ref)).isEqualTo("data.x[i]");
  }
}
