package dev.ctpat.rego.syntax;

import static dev.ctpat.rego.syntax.ParserTestSupport.module;
import static dev.ctpat.rego.syntax.ParserTestSupport.moduleErrors;
import static dev.ctpat.rego.syntax.ParserTestSupport.moduleErrorsV0;
import static dev.ctpat.rego.syntax.ParserTestSupport.moduleV0;
import static dev.ctpat.rego.syntax.ParserTestSupport.rules;
import static dev.ctpat.rego.syntax.ParserTestSupport.rulesV0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.syntax.Rule.HeadKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule heads and bodies in Rego v1 and v0. */
class RuleParsingTest {

  private static Rule rule(String source) {
    return module("package test\n" + source).rules().get(0);
  }

  private static Rule ruleV0(String source) {
    return moduleV0("package test\n" + source).rules().get(0);
  }

  private static String errorsOf(String rules) {
    return String.join("\n", moduleErrors("package test\n" + rules));
  }

  private static String errorsOfV0(String rules) {
    return String.join("\n", moduleErrorsV0("package test\n" + rules));
  }

  @Nested
  class RegoV1Heads {
    @Test
    void constantsWithAssignOrUnify() {
      Rule r = rule("p := 1");
      assertThat(r.headKind()).isEqualTo(HeadKind.VALUE);
      assertThat(Printer.print(r.head())).isEqualTo("p");
      assertThat(Printer.print(r.value())).isEqualTo("1");
      assertThat(r.assign()).isTrue();
      assertThat(r.body().isEmpty()).isTrue();
      assertThat(r.args()).isNull();
      assertThat(r.key()).isNull();
      assertThat(rule("p = 1").assign()).isFalse();
    }

    @Test
    void ruleWithoutValueIsTrue() {
      Rule r = rule("allow if input.admin");
      assertThat(r.headKind()).isEqualTo(HeadKind.VALUE);
      assertThat(r.value()).isNull();
      assertThat(Printer.print(r.body())).isEqualTo("input.admin");
    }

    @Test
    void refHeads() {
      assertThat(rules("p.q.r := 1")).isEqualTo("p.q.r := 1");
      assertThat(rules("p.q[r] := v if { some r, v in input }"))
          .isEqualTo("p.q[r] := v if { some r, v in input }");
      assertThat(rules("p[q][r] if { q := 1; r := 2 }"))
          .isEqualTo("p[q][r] if { q := 1; r := 2 }");
    }

    @Test
    void bracketHeadWithoutContainsIsASingleValueRule() {
      Rule r = rule("p[x] if { x := 1 }");
      assertThat(r.headKind()).isEqualTo(HeadKind.VALUE);
      assertThat(Printer.print(r.head())).isEqualTo("p[x]");
      assertThat(r.key()).isNull();
      assertThat(r.value()).isNull();
    }

    @Test
    void multiValueRulesUseContains() {
      Rule r = rule("deny contains msg if { msg := \"no\" }");
      assertThat(r.headKind()).isEqualTo(HeadKind.CONTAINS);
      assertThat(Printer.print(r.head())).isEqualTo("deny");
      assertThat(Printer.print(r.key())).isEqualTo("msg");
      assertThat(r.value()).isNull();
      assertThat(rules("a.b contains {\"x\": 1} if true"))
          .isEqualTo("a.b contains {\"x\": 1} if { true }");
    }

    @Test
    void containsWithoutBody() {
      Rule r = rule("p contains 1");
      assertThat(r.headKind()).isEqualTo(HeadKind.CONTAINS);
      assertThat(r.body().isEmpty()).isTrue();
    }

    @Test
    void functions() {
      Rule f = rule("f(x, [y, _]) := x + y if { x > 0 }");
      assertThat(f.headKind()).isEqualTo(HeadKind.FUNCTION);
      assertThat(Printer.print(f.head())).isEqualTo("f");
      assertThat(f.args()).extracting(Printer::print).containsExactly("x", "[y, _]");
      assertThat(Printer.print(f.value())).isEqualTo("plus(x, y)");
      Rule g = rule("lib.is_even(n) if n % 2 == 0");
      assertThat(Printer.print(g.head())).isEqualTo("lib.is_even");
      assertThat(g.value()).isNull();
    }

    @Test
    void functionValueWithoutBody() {
      assertThat(rules("f(x) := x")).isEqualTo("f(x) := x");
    }

    @Test
    void defaults() {
      Rule r = rule("default allow := false");
      assertThat(r.isDefault()).isTrue();
      assertThat(r.headKind()).isEqualTo(HeadKind.VALUE);
      assertThat(r.body().isEmpty()).isTrue();
      assertThat(rules("default f(_) := 1")).isEqualTo("default f(_) := 1");
      assertThat(rules("default f(_, _) = {\"a\": [x | x := 1]}"))
          .isEqualTo("default f(_, _) = {\"a\": [x | x := 1]}");
      assertThat(rules("default p.q[\"r\"] := 1")).isEqualTo("default p.q.r := 1");
    }

    @Test
    void keywordFollowedByARefStepCanNameARule() {
      assertThat(rules("else.x := 1\nimport.y := 2")).isEqualTo("else.x := 1\nimport.y := 2");
    }

    @Test
    void nameAndBracketMayBeSeparatedBySpace() {
      assertThat(rules("p [x] := 1 if x := 2")).isEqualTo("p[x] := 1 if { x := 2 }");
    }
  }

  @Nested
  class RegoV1Bodies {
    @Test
    void bracedBodiesSpanLinesAndSemicolons() {
      assertThat(rules("p if {\n  x := 1; y := 2\n  x < y\n}"))
          .isEqualTo("p if { x := 1; y := 2; lt(x, y) }");
    }

    @Test
    void singleExpressionBodies() {
      assertThat(rules("p if not q with input as 1")).isEqualTo("p if { not q with input as 1 }");
      assertThat(rules("p if every x in xs { x }")).isEqualTo("p if { every x in xs { x } }");
      assertThat(rules("p if some x in xs")).isEqualTo("p if { some x in xs }");
    }

    @Test
    void braceAfterIfIsABodyUnlessItIsACollectionLiteral() {
      assertThat(Printer.print(rule("p if { x }").body())).isEqualTo("x");
      assertThat(Printer.print(rule("p if {\n  x\n  y\n}").body())).isEqualTo("x; y");
      assertThat(Printer.print(rule("p if {\"a\": 1}").body()))
          .as("an object literal is the single expression").isEqualTo("{\"a\": 1}");
      assertThat(Printer.print(rule("p if {}").body())).isEqualTo("{}");
    }

    @Test
    void bodyLiteralsMustBeSeparated() {
      assertThat(errorsOf("p if { x y }"))
          .isEqualTo("2:10: unexpected identifier token: expected \\n or ; or }");
    }

    @Test
    void bracesAfterIfWithNothingInsideAreAnEmptyObject() {
      assertThat(Printer.print(rule("p := 1 if { }").body())).isEqualTo("{}");
    }

    @Test
    void bracedBodiesMustNotBeEmpty() {
      assertThat(errorsOf("p if { a } else := 1 { }")).isEqualTo("2:24: found empty body");
      assertThat(errorsOfV0("p { }")).isEqualTo("2:5: found empty body");
    }

    @Test
    void bodyMustBeClosed() {
      assertThat(errorsOf("p if {\n  x\n")).isEqualTo("4:1: unexpected eof token");
      assertThat(errorsOf("p if {\n  x"))
          .isEqualTo("3:4: unexpected eof token: expected \\n or ; or }");
    }
  }

  @Nested
  class Else {
    @Test
    void elseChains() {
      Rule r = rule("p := 1 if { a } else := 2 if { b } else = 3 if c else := 4");
      assertThat(Printer.print(r))
          .isEqualTo("p := 1 if { a } else := 2 if { b } else = 3 if { c } else := 4");
      Rule second = r.elseRule();
      assertThat(second.head()).isEqualTo(r.head());
      assertThat(second.headKind()).isEqualTo(HeadKind.VALUE);
      assertThat(second.location()).isEqualTo(new Location(ParserTestSupport.FILE, 2, 17));
      assertThat(second.elseRule().assign()).isFalse();
      assertThat(second.elseRule().elseRule().body().isEmpty()).isTrue();
    }

    @Test
    void elseWithoutValueIsTrue() {
      Rule r = rule("p := false if { a } else if { b }");
      assertThat(r.elseRule().value()).isNull();
    }

    @Test
    void functionsHaveElseToo() {
      Rule f = rule("f(x) := 1 if x > 0 else := 0");
      assertThat(f.elseRule().headKind()).isEqualTo(HeadKind.FUNCTION);
      assertThat(f.elseRule().args()).isEqualTo(f.args());
    }

    @Test
    void elseMayStartOnTheNextLine() {
      assertThat(rules("p := 1 if {\n  a\n}\nelse := 2")).isEqualTo("p := 1 if { a } else := 2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "p[x] := 1 if { x := 1 } else := 2|2:25: else keyword cannot be used on rules with "
            + "variables in head",
        "p contains 1 if { a } else := 2|2:23: else keyword cannot be used on multi-value rules",
        "p if { a } else 1|2:17: unexpected number token: expected else value term or rule body",
        "p if { a } else := 1 if|2:24: unexpected eof token: rule body expected",
        "p if { a } else := 1 if { b } { c }|2:31: expected else keyword"})
    void misplacedElse(String source, String error) {
      assertThat(errorsOf(source)).isEqualTo(error);
    }

    @Test
    void groundRefHeadsMayHaveElse() {
      assertThat(rules("p[\"a\"] := 1 if { a } else := 2"))
          .isEqualTo("p.a := 1 if { a } else := 2");
    }
  }

  @Nested
  class BodilessStatements {
    @Test
    void assignmentsAndUnificationsAreRules() {
      assertThat(rules("p := 1\np.q[\"r\"] = 2\nf(x) = x\ng(1) := 2"))
          .isEqualTo("p := 1\np.q.r = 2\nf(x) = x\ng(1) := 2");
    }

    @Test
    void callAloneIsAFunctionReturningTrue() {
      Rule f = rule("f(1)");
      assertThat(f.headKind()).isEqualTo(HeadKind.FUNCTION);
      assertThat(f.value()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "p|2:1: var cannot be used for rule name",
        "1 = 2|2:1: number cannot be used for rule name",
        "\"p\"|2:1: string cannot be used for rule name",
        "[p] := 1|2:1: array cannot be used for rule name",
        "input|2:1: refs cannot be used for rule head",
        "[1][0] = 1|2:1: invalid rule head: [1][0]",
        "x > 1|2:1: rule name conflicts with built-in function",
        "x in xs|2:1: rule name conflicts with built-in function",
        "f()|2:1: rule argument list must take at least one argument",
        "p = 1; q = 2|2:1: multiple expressions cannot be used for rule head",
        "p = 1 with input as 2|2:1: expressions using with keyword cannot be used for rule head",
        "not p|2:1: negated expressions cannot be used for rule head",
        "some x|2:1: 'some' declarations cannot be used for rule head",
        "every x in y { x }|2:1: expression cannot be used for rule head"})
    void statementsThatCannotBeRules(String source, String error) {
      assertThat(errorsOf(source)).isEqualTo(error);
    }

    @Test
    void aBareRefIsNotAValidV1Rule() {
      assertThat(errorsOf("p.q.r"))
          .isEqualTo("2:1: rule must have value assignment and/or body declaration");
      assertThat(errorsOf("p.q"))
          .isEqualTo("2:1: `contains` keyword is required for partial set rules");
    }

    @Test
    void statementsNeedNoSeparator() {
      assertThat(rules("p := 1 q := 2")).isEqualTo("p := 1\nq := 2");
    }
  }

  @Nested
  class RegoV1Requirements {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "p { true }|2:1: `if` keyword is required before rule body",
        "p = 1 { true }|2:1: `if` keyword is required before rule body",
        "f(x) { true }|2:1: `if` keyword is required before function body",
        "f(x) = 1 { true }|2:1: `if` keyword is required before function body",
        "p contains x { x = 1 }|2:1: `if` keyword is required before rule body",
        "p if { a } else = 1 { b }|2:12: `if` keyword is required before rule body",
        "contains(x) := 1|2:1: contains keyword cannot be used for rule name"})
    void bodiesNeedIf(String source, String error) {
      assertThat(errorsOf(source)).isEqualTo(error);
    }

    @Test
    void partialSetRulesNeedContains() {
      assertThat(moduleErrors("package test\np[x] {\n  x = [\"a\", \"b\"][_]\n}"))
          .containsExactly("2:1: `if` keyword is required before rule body",
              "2:1: `contains` keyword is required for partial set rules");
    }

    @Test
    void furtherBodiesInheritIf() {
      assertThat(rules("p if { a } { b }")).isEqualTo("p if { a }\np if { b }");
      assertThat(moduleErrors("package test\np { a } { b }")).containsExactly(
          "2:1: `if` keyword is required before rule body",
          "2:9: `if` keyword is required before rule body");
    }
  }

  @Nested
  class Defaults {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "default p|2:1: illegal default rule (must have a value)",
        "default p contains 1|2:1: illegal default rule (must have a value)",
        "default p := x|2:1: illegal default rule (value cannot contain var)",
        "default p := [input.x]|2:1: illegal default rule (value cannot contain ref)",
        "default p := count([])|2:1: illegal default rule (value cannot contain call)",
        "default f(1) := 1|2:1: illegal default rule (arguments cannot contain number)",
        "default f(x, x) := 1|2:1: illegal default rule (arguments cannot be repeated x)",
        "default 1|2:1: unexpected default keyword"})
    void invalidDefaults(String source, String error) {
      assertThat(errorsOf(source)).isEqualTo(error);
    }

    @Test
    void defaultRulesHaveNoBody() {
      assertThat(errorsOf("default p := 1 if { true }")).isEqualTo("2:16: unexpected if keyword");
    }
  }

  @Nested
  class HeadErrors {
    @Test
    void operatorDirectlyAfterTheName() {
      assertThat(errorsOf("p+1 = 2")).isEqualTo("2:2: unexpected plus token");
    }

    @Test
    void containsIsOnlyForMultiValueRules() {
      assertThat(errorsOf("f(x) contains 1")).isEqualTo("2:6: unexpected contains keyword: "
          + "the contains keyword can only be used with multi-value rule definitions "
          + "(e.g., f contains <VALUE> { ... })");
    }

    @Test
    void callResultsCannotBeRuleHeads() {
      assertThat(errorsOf("f(x).y := 1"))
          .isEqualTo("2:8: unexpected assign token: rule head ref f(x).y invalid");
    }
  }

  @Nested
  class RegoV0Forms {
    @Test
    void bodiesWithoutIf() {
      Rule r = ruleV0("allow { input.admin }");
      assertThat(r.headKind()).isEqualTo(HeadKind.VALUE);
      assertThat(r.value()).isNull();
      assertThat(Printer.print(r.body())).isEqualTo("input.admin");
    }

    @Test
    void bracketHeadWithoutValueIsAPartialSet() {
      Rule r = ruleV0("p[x] { x = 1 }");
      assertThat(r.headKind()).isEqualTo(HeadKind.CONTAINS);
      assertThat(Printer.print(r.head())).isEqualTo("p");
      assertThat(Printer.print(r.key())).isEqualTo("x");
      assertThat(Printer.print(ruleV0("p[\"a\"] { true }").key())).isEqualTo("\"a\"");
      assertThat(rulesV0("p.q { true }")).isEqualTo("p contains \"q\" if { true }");
    }

    @Test
    void bracketHeadWithValueIsAPartialObject() {
      Rule r = ruleV0("p[k] = v { k = 1; v = 2 }");
      assertThat(r.headKind()).isEqualTo(HeadKind.VALUE);
      assertThat(Printer.print(r.head())).isEqualTo("p[k]");
      assertThat(Printer.print(r.value())).isEqualTo("v");
    }

    @Test
    void deeperRefHeadsAreSingleValues() {
      assertThat(rulesV0("p.q.r { true }\np[x][y] { true }"))
          .isEqualTo("p.q.r if { true }\np[x][y] if { true }");
    }

    @Test
    void functionsAndDefaults() {
      assertThat(rulesV0("f(x) = y { y = x }\ng(x) { x }\ndefault d = 1"))
          .isEqualTo("f(x) = y if { y = x }\ng(x) if { x }\ndefault d = 1");
    }

    @Test
    void multipleBodiesAreSeparateRules() {
      Module m = moduleV0("package test\np = 1 { a } {\n  b\n}");
      assertThat(ParserTestSupport.print(m.rules())).isEqualTo("p = 1 if { a }\np = 1 if { b }");
      assertThat(m.rules().get(1).location())
          .isEqualTo(new Location(ParserTestSupport.FILE, 2, 13));
    }

    @Test
    void elseChains() {
      assertThat(rulesV0("p = 1 { a } else = 2 { b } else { c }"))
          .isEqualTo("p = 1 if { a } else = 2 if { b } else if { c }");
    }

    @Test
    void bodilessForms() {
      assertThat(rulesV0("p[1]\np.q\np.q.r\nf(1)\np = 1"))
          .isEqualTo("p contains 1\np contains \"q\"\np.q.r\nf(1)\np = 1");
    }

    @Test
    void partialSetsCannotHaveElse() {
      assertThat(errorsOfV0("p[x] { x = 1 } else = 2 { true }"))
          .isEqualTo("2:16: else keyword cannot be used on multi-value rules");
      assertThat(errorsOfV0("p[\"a\"] = 1 { true } else = 2 { true }"))
          .isEqualTo("2:21: else keyword cannot be used on multi-value rules");
    }

    @Test
    void futureKeywordsAreNamesWithoutImport() {
      assertThat(rulesV0("if { true }\ncontains[x] { x = 1 }\nin = 1"))
          .isEqualTo("if if { true }\ncontains contains x if { x = 1 }\nin = 1");
    }

    @Test
    void ifWithoutImportIsNotAKeyword() {
      assertThat(errorsOfV0("p if { true }")).isEqualTo("2:1: var cannot be used for rule name");
    }

    @Test
    void futureKeywordsNeedImportsInsideBodies() {
      assertThat(errorsOfV0("p { some x in [1] }"))
          .isEqualTo("2:12: unexpected identifier token: expected \\n or ; or }");
    }
  }
}
