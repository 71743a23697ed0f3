package dev.ctpat.rego.syntax;

import static dev.ctpat.rego.syntax.ParserTestSupport.query;
import static dev.ctpat.rego.syntax.ParserTestSupport.queryError;
import static dev.ctpat.rego.syntax.ParserTestSupport.term;
import static dev.ctpat.rego.syntax.ParserTestSupport.termError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Terms: scalars, refs, collections, comprehensions, calls and infix operators. */
class TermParsingTest {

  private static Value scalar(String source) {
    Term t = Parser.parseTerm(source);
    assertThat(t).isInstanceOf(Term.Scalar.class);
    return ((Term.Scalar) t).value();
  }

  @Nested
  class Scalars {
    @Test
    void nullAndBooleans() {
      assertThat(scalar("null")).isEqualTo(NullValue.INSTANCE);
      assertThat(scalar("true")).isEqualTo(BooleanValue.TRUE);
      assertThat(scalar("false")).isEqualTo(BooleanValue.FALSE);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "0, 0", "42, 42", "-7, -7", "- 7, -7", "3.50, 3.5", ".5, 0.5", "-.5, -0.5",
        "1e3, 1000", "2.5E-2, 0.025", "0e5, 0", "0.0, 0",
        "123456789012345678901234567890, 123456789012345678901234567890"})
    void numbersAreExact(String source, String expected) {
      assertThat(scalar(source)).isEqualTo(NumberValue.of(new BigDecimal(expected)));
    }

    @Test
    void hugeExponentOfZeroIsZero() {
      assertThat(scalar("0e99999999999")).isEqualTo(NumberValue.ZERO);
    }

    @ParameterizedTest
    @CsvSource({"1e30103", "1e-30104", "1e99999999999"})
    void numbersBeyondOpaLimitAreTooBig(String source) {
      assertThat(termError(source)).isEqualTo("1:1: number too big");
    }

    @Test
    void largeButAcceptableExponentsParse() {
      assertThat(scalar("1e30000")).isEqualTo(NumberValue.of(new BigDecimal("1e30000")));
    }

    @ParameterizedTest
    @CsvSource({"01", "007", "00.5"})
    void leadingZerosAreRejected(String source) {
      assertThat(termError(source))
          .isEqualTo("1:1: unexpected number token: expected number without leading zero");
    }

    @Test
    void leadingDotCannotPrecedeAFraction() {
      assertThat(termError(". 1.5")).isEqualTo("1:3: unexpected number token: invalid float");
      assertThat(termError("-.")).isEqualTo("1:3: unexpected eof token: expected number");
    }

    @Test
    void stringsAndRawStrings() {
      assertThat(scalar("\"a\\tb\"")).isEqualTo(StringValue.of("a\tb"));
      assertThat(scalar("`a\\tb`")).isEqualTo(StringValue.of("a\\tb"));
      assertThat(scalar("\"\"")).isEqualTo(StringValue.EMPTY);
    }

    @Test
    void unaryMinusAppliesOnlyToNumbers() {
      assertThat(termError("-x")).isEqualTo("1:2: unexpected identifier token: expected number");
      assertThat(termError("-(1)")).isEqualTo("1:2: unexpected ( token: expected number");
    }

    @Test
    void lexerProblemsAreReportedAtTheirToken() {
      assertThat(termError("\"abc")).isEqualTo("1:1: non-terminated string");
      assertThat(termError("[1, 2.]")).isEqualTo("1:5: expected fraction");
      assertThat(termError("[@]")).isEqualTo("1:2: illegal token");
    }
  }

  @Nested
  class VarsAndRefs {
    @Test
    void wordsAreVars() {
      assertThat(Parser.parseTerm("x")).isEqualTo(new Term.Var("x", new Location("", 1, 1)));
      assertThat(((Term.Var) Parser.parseTerm("_")).isWildcard()).isTrue();
    }

    @Test
    void inputAndDataAreRefsEvenAlone() {
      Term input = Parser.parseTerm("input");
      assertThat(input).isInstanceOf(Term.Ref.class);
      assertThat(((Term.Ref) input).path()).isEmpty();
      assertThat(Parser.parseTerm("data")).isInstanceOf(Term.Ref.class);
    }

    @Test
    void dotStepsAreStringsAndBracketStepsAreTerms() {
      Term.Ref ref = (Term.Ref) Parser.parseTerm("a.b[c][\"d\"][0]");
      assertThat(ref.head()).isEqualTo(new Term.Var("a", new Location("", 1, 1)));
      assertThat(ref.path()).extracting(Printer::print)
          .containsExactly("\"b\"", "c", "\"d\"", "0");
      assertThat(term("a.b[c][\"d\"][0]")).isEqualTo("a.b[c].d[0]");
    }

    @Test
    void keywordsMayFollowADot() {
      assertThat(term("input.in.if.not.package.null")).isEqualTo("input.in.if.not.package.null");
    }

    @Test
    void bracketsMayHoldAnyTerm() {
      assertThat(term("a[x + 1][[1, 2]][f(y)]")).isEqualTo("a[plus(x, 1)][[1, 2]][f(y)]");
    }

    @Test
    void compositeAndCallResultsCanBeIndexed() {
      assertThat(term("[1, 2][i]")).isEqualTo("[1, 2][i]");
      assertThat(term("{\"a\": 1}.a")).isEqualTo("{\"a\": 1}.a");
      assertThat(term("{1}[1]")).isEqualTo("{1}[1]");
      assertThat(term("[x | x = 1][0]")).isEqualTo("[x | x = 1][0]");
      Term.Ref ref = (Term.Ref) Parser.parseTerm("f(x)[0].y");
      assertThat(ref.head()).isInstanceOf(Term.Call.class);
      assertThat(term("a.b(x).c[1]")).isEqualTo("a.b(x).c[1]");
    }

    @Test
    void scalarsCannotBeIndexed() {
      assertThat(termError("\"abc\"[0]")).isEqualTo("1:1: illegal ref (head cannot be string)");
      assertThat(termError("true.x")).isEqualTo("1:1: illegal ref (head cannot be boolean)");
    }

    @Test
    void parenthesizedRefsCannotBeIndexed() {
      assertThat(termError("(a.b)[0]")).isEqualTo("1:2: illegal ref (head cannot be ref)");
    }

    @Test
    void whitespaceEndsARef() {
      assertThat(query("x := a [0]")).isEqualTo("x := a; [0]");
      assertThat(termError("a. b"))
          .isEqualTo("1:3: unexpected whitespace token: expected identifier");
    }

    @Test
    void aDotNeedsAName() {
      assertThat(termError("a.1")).isEqualTo("1:3: unexpected number token: expected identifier");
      assertThat(termError("a.")).isEqualTo("1:3: unexpected eof token: expected identifier");
    }

    @Test
    void bracketsMustClose() {
      assertThat(termError("a[1")).isEqualTo("1:4: unexpected eof token: expected ]");
    }
  }

  @Nested
  class Collections {
    @Test
    void arrays() {
      assertThat(term("[]")).isEqualTo("[]");
      assertThat(term("[1, \"a\", [true]]")).isEqualTo("[1, \"a\", [true]]");
    }

    @Test
    void objectsWithAnyKeys() {
      assertThat(term("{}")).isEqualTo("{}");
      assertThat(term("{\"a\": 1, 2: [3], [4]: {5}, x: y}"))
          .isEqualTo("{\"a\": 1, 2: [3], [4]: {5}, x: y}");
    }

    @Test
    void objectItemsKeepSourceOrder() {
      Term.ObjectTerm o = (Term.ObjectTerm) Parser.parseTerm("{\"b\": 1, \"a\": 2}");
      assertThat(o.items()).extracting(i -> Printer.print(i.key()))
          .containsExactly("\"b\"", "\"a\"");
    }

    @Test
    void setsAndTheEmptySet() {
      assertThat(term("{1, 2}")).isEqualTo("{1, 2}");
      assertThat(Parser.parseTerm("set()")).isInstanceOf(Term.SetTerm.class);
      assertThat(((Term.SetTerm) Parser.parseTerm("set()")).items()).isEmpty();
      assertThat(term("set(1)")).as("set with arguments is a call").isEqualTo("set(1)");
    }

    @Test
    void trailingCommasAreAllowed() {
      assertThat(term("{\"x\": {\"a\",}, \"y\": set(), \"z\": [1, 2,], \"w\": f(1,),}"))
          .isEqualTo("{\"x\": {\"a\"}, \"y\": set(), \"z\": [1, 2], \"w\": f(1)}");
    }

    @Test
    void leadingCommasAreAllowedForCompatibility() {
      assertThat(term("[, 1, 2]")).isEqualTo("[1, 2]");
      assertThat(term("[,]")).isEqualTo("[]");
      assertThat(term("{, 1}")).isEqualTo("{1}");
    }

    @Test
    void itemsMayUseOperators() {
      assertThat(term("[1 + 2, x in y]")).isEqualTo("[plus(1, 2), internal.member_2(x, y)]");
      assertThat(term("{a + 1: b * 2}")).isEqualTo("{plus(a, 1): mul(b, 2)}");
      assertThat(term("{a == b}")).isEqualTo("{equal(a, b)}");
    }

    @Test
    void collectionsMaySpanLines() {
      assertThat(term("[\n  1,\n  2,\n]")).isEqualTo("[1, 2]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[1 2]|1:4: unexpected number token: expected \",\" or \"]\"",
        "{1 2}|1:4: unexpected number token: non-terminated set",
        "{\"a\": 1 2}|1:9: unexpected number token: non-terminated object",
        "{\"a\": 1, \"b\" 2}|1:14: unexpected number token: expected \":\"",
        "{\"a\": 1, \"b\": 2 3}|1:17: unexpected number token: expected \",\" or \"}\"",
        "f(1 2)|1:5: unexpected number token: expected \",\" or \")\"",
        "(1 2)|1:4: non-terminated expression",
        "[|1:2: unexpected eof token"})
    void malformedCollectionsSayWhatWasExpected(String source, String error) {
      assertThat(termError(source)).isEqualTo(error);
    }
  }

  @Nested
  class Comprehensions {
    @Test
    void arraySetAndObjectComprehensions() {
      assertThat(term("[x | x := xs[_]]")).isEqualTo("[x | x := xs[_]]");
      assertThat(term("{x | some x in xs}")).isEqualTo("{x | some x in xs}");
      assertThat(term("{k: v | v := o[k]}")).isEqualTo("{k: v | v := o[k]}");
      assertThat(Parser.parseTerm("{k: v | v := o[k]}"))
          .isInstanceOf(Term.ObjectComprehension.class);
    }

    @Test
    void bodiesMayUseSemicolonsAndNewlines() {
      assertThat(term("[x |\n  y := 1\n  x := y + 1; x > 0\n]"))
          .isEqualTo("[x | y := 1; x := plus(y, 1); gt(x, 0)]");
    }

    @Test
    void comprehensionHeadsMayBeComposite() {
      assertThat(term("[[a, b] | a := 1; b := 2]")).isEqualTo("[[a, b] | a := 1; b := 2]");
      assertThat(term("{a + 1: b | a := 1; b := 2}")).isEqualTo("{plus(a, 1): b | a := 1; b := 2}");
    }

    @Test
    void pipeThatCannotStartABodyIsAnOrCall() {
      assertThat(term("[a | b, c]")).isEqualTo("[or(a, b), c]");
      assertThat(term("{a | b, c}")).isEqualTo("{or(a, b), c}");
      assertThat(term("{\"k\": a | b, \"j\": 1}")).isEqualTo("{\"k\": or(a, b), \"j\": 1}");
      assertThat(term("{\"k\": a | b}")).as("but a body is tried first")
          .isEqualTo("{\"k\": a | b}");
    }

    @Test
    void headsWithOperatorsAreAnExtensionOfOpa() {
      // OPA reads these as collections holding an or call, and fails (OPA issue 4215).
      assertThat(term("[x * 2 | some x in xs]")).isEqualTo("[mul(x, 2) | some x in xs]");
      assertThat(term("{x + 1 | x := 1}")).isEqualTo("{plus(x, 1) | x := 1}");
      assertThat(term("{k: v - 1 | v := o[k]}")).isEqualTo("{k: minus(v, 1) | v := o[k]}");
      assertThat(term("[x == y & z | x := 1]")).isEqualTo("[equal(x, and(y, z)) | x := 1]");
      assertThat(term("[x in xs | x := 1]")).isEqualTo("[internal.member_2(x, xs) | x := 1]");
    }

    @Test
    void whereOpaReadsAnOrCallThatReadingStands() {
      assertThat(term("[x * 2 | y]")).isEqualTo("[or(mul(x, 2), y)]");
      assertThat(term("{x + 1 | y}")).isEqualTo("{or(plus(x, 1), y)}");
    }

    @Test
    void whenNeitherReadingWorksOpasErrorIsReported() {
      assertThat(termError("[x * 2 | some]")).isEqualTo("1:10: unexpected some keyword");
      assertThat(termError("[x * 2 | y z]")).isEqualTo("1:12: unexpected identifier token: "
          + "expected \",\" or \"]\"");
    }

    @Test
    void leadingCommaRulesOutComprehensions() {
      assertThat(term("[, a | b]")).isEqualTo("[or(a, b)]");
    }

    @Test
    void comprehensionBodyErrorsAreReported() {
      assertThat(termError("[x | ]")).isEqualTo("1:6: found empty body");
      assertThat(termError("[x | y z]"))
          .isEqualTo("1:8: unexpected identifier token: expected \\n or ; or ]");
    }
  }

  @Nested
  class Calls {
    @Test
    void callsWithPlainAndDottedNames() {
      assertThat(term("count(x)")).isEqualTo("count(x)");
      assertThat(term("strings.replace_n(p, s)")).isEqualTo("strings.replace_n(p, s)");
      assertThat(term("data.lib.f(1, [2])")).isEqualTo("data.lib.f(1, [2])");
      assertThat(term("now()")).isEqualTo("now()");
    }

    @Test
    void theOperatorIsARef() {
      Term.Call call = (Term.Call) Parser.parseTerm("strings.replace_n(p, s)");
      assertThat(call.operator().path()).extracting(Printer::print)
          .containsExactly("\"replace_n\"");
      assertThat(call.args()).hasSize(2);
    }

    @Test
    void aSpaceBeforeTheParenthesisMakesTwoTerms() {
      assertThat(termError("f (x)")).isEqualTo("1:3: unexpected ( token: expected end of term");
    }

    @Test
    void containsIsAnOrdinaryNameOutsideRuleHeads() {
      assertThat(term("contains(\"abc\", \"b\")")).isEqualTo("contains(\"abc\", \"b\")");
    }
  }

  @Nested
  class Operators {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "a + b => plus(a, b)",
        "a - b => minus(a, b)",
        "a * b => mul(a, b)",
        "a / b => div(a, b)",
        "a % b => rem(a, b)",
        "a & b => and(a, b)",
        "a | b => or(a, b)",
        "a == b => equal(a, b)",
        "a != b => neq(a, b)",
        "a < b => lt(a, b)",
        "a <= b => lte(a, b)",
        "a > b => gt(a, b)",
        "a >= b => gte(a, b)",
        "a in b => internal.member_2(a, b)"})
    void infixOperatorsCallOpaBuiltins(String source, String expected) {
      assertThat(term(source)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "a + b * c => plus(a, mul(b, c))",
        "a * b + c => plus(mul(a, b), c)",
        "a - b - c => minus(minus(a, b), c)",
        "a / b * c % d => rem(mul(div(a, b), c), d)",
        "a + b & c => and(plus(a, b), c)",
        "a & b | c & d => or(and(a, b), and(c, d))",
        "a | b == c => equal(or(a, b), c)",
        "a == b != c => neq(equal(a, b), c)",
        "a < b + 1 => lt(a, plus(b, 1))",
        "x in xs == true => internal.member_2(x, equal(xs, true))",
        "x in xs in ys => internal.member_2(internal.member_2(x, xs), ys)",
        "(a + b) * c => mul(plus(a, b), c)",
        "a - -1 => minus(a, -1)",
        "a -1 => minus(a, 1)"})
    void precedenceAndAssociativityFollowOpa(String source, String expected) {
      assertThat(term(source)).isEqualTo(expected);
    }

    @Test
    void operatorsMayContinueOnTheNextLine() {
      assertThat(query("x := 1 +\n  2")).isEqualTo("x := plus(1, 2)");
    }

    @Test
    void keyValueMembershipWhereOpaAllowsIt() {
      assertThat(term("k, v in xs")).isEqualTo("internal.member_3(k, v, xs)");
      assertThat(term("(k, v in xs)")).isEqualTo("internal.member_3(k, v, xs)");
      assertThat(term("a[k, v in xs]")).isEqualTo("a[internal.member_3(k, v, xs)]");
      assertThat(term("[k, v in xs]")).as("a comma separates array items")
          .isEqualTo("[k, internal.member_2(v, xs)]");
      assertThat(term("f(k, v in xs)")).isEqualTo("f(k, internal.member_2(v, xs))");
    }

    @Test
    void infixCallsAreLocatedAtTheirLeftOperand() {
      Term.Call call = (Term.Call) Parser.parseTerm("  a + b");
      assertThat(call.location()).isEqualTo(new Location("", 1, 3));
      assertThat(call.operator().location()).isEqualTo(new Location("", 1, 5));
    }

    @Test
    void danglingOperatorIsAnError() {
      assertThat(termError("a +")).isEqualTo("1:4: unexpected eof token");
      assertThat(queryError("x := 1 +")).isEqualTo("1:9: unexpected eof token");
    }
  }

  @Nested
  class Locations {
    @Test
    void everyTermHasItsPosition() {
      Term.ArrayTerm a = (Term.ArrayTerm) Parser.parseTerm("[\n  x.y,\n  {\"k\": -1}]");
      assertThat(a.location()).isEqualTo(new Location("", 1, 1));
      Term.Ref ref = (Term.Ref) a.items().get(0);
      assertThat(ref.location()).isEqualTo(new Location("", 2, 3));
      assertThat(ref.path().get(0).location()).isEqualTo(new Location("", 2, 5));
      Term.ObjectTerm o = (Term.ObjectTerm) a.items().get(1);
      assertThat(o.location()).isEqualTo(new Location("", 3, 3));
      assertThat(o.items().get(0).value().location())
          .as("a negative number starts at its sign").isEqualTo(new Location("", 3, 9));
    }

    @Test
    void columnsCountCodePoints() {
      Term.ArrayTerm a = (Term.ArrayTerm) Parser.parseTerm("[\"😀\", x]");
      assertThat(a.items().get(1).location().column()).isEqualTo(7);
    }

    @Test
    void callsAreLocatedAtTheirName() {
      Term.Call call = (Term.Call) Parser.parseTerm(" count(x)");
      assertThat(call.location()).isEqualTo(new Location("", 1, 2));
      assertThat(call.operator().location()).isEqualTo(new Location("", 1, 2));
      assertThat(call.args().get(0).location()).isEqualTo(new Location("", 1, 8));
    }
  }

  @Nested
  class WholeTerms {
    @Test
    void parseTermRejectsTrailingText() {
      assertThat(termError("1 2")).isEqualTo("1:3: unexpected number token: expected end of term");
      assertThat(termError("x = 1")).isEqualTo("1:3: unexpected eq token: expected end of term");
    }

    @Test
    void parseTermRejectsEmptyText() {
      assertThat(termError("  ")).isEqualTo("1:3: unexpected eof token");
    }

    @Test
    void parseTermIgnoresCommentsAndWhitespace() {
      assertThat(term("# input\n{\"a\": [1,\n 2]} # done\n")).isEqualTo("{\"a\": [1, 2]}");
    }

    @Test
    void keywordsCannotBeVars() {
      assertThat(termError("[if]")).isEqualTo("1:2: unexpected if keyword");
      assertThat(termError("some")).isEqualTo("1:1: unexpected some keyword");
    }

    @Test
    void inputGivenAsRegoTextParsesToGroundTerms() {
      Term t = Parser.parseTerm("{\"servers\": [{\"id\": \"a\", \"ports\": {80, 443}}],}");
      assertThat(Terms.isGround(t)).isTrue();
      assertThat(Printer.print(t))
          .isEqualTo("{\"servers\": [{\"id\": \"a\", \"ports\": {80, 443}}]}");
    }
  }
}
