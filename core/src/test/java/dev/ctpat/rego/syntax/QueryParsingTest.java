package dev.ctpat.rego.syntax;

import static dev.ctpat.rego.syntax.ParserTestSupport.query;
import static dev.ctpat.rego.syntax.ParserTestSupport.queryError;
import static dev.ctpat.rego.syntax.ParserTestSupport.queryV0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Queries and the literals that make up every body. */
class QueryParsingTest {

  private static Literal literal(String source) {
    List<Literal> literals = Parser.parseQuery(source).literals();
    assertThat(literals).hasSize(1);
    return literals.get(0);
  }

  @Nested
  class Separators {
    @Test
    void literalsAreSeparatedBySemicolonsOrNewlines() {
      assertThat(query("data.test.p = x; data.q = z")).isEqualTo("data.test.p = x; data.q = z");
      assertThat(query("x := 1\ny = x + 1\n\n  z := 3"))
          .isEqualTo("x := 1; y = plus(x, 1); z := 3");
    }

    @Test
    void likeOpaATopLevelQueryNeedsNoSeparatorBetweenLiterals() {
      assertThat(query("x = 1 y = 2")).isEqualTo("x = 1; y = 2");
    }

    @Test
    void emptyQueryIsAnEmptyBody() {
      assertThat(Parser.parseQuery("").isEmpty()).isTrue();
      assertThat(Parser.parseQuery("  # nothing\n").isEmpty()).isTrue();
    }

    @Test
    void aSemicolonMustBeFollowedByALiteral() {
      assertThat(queryError("x = 1;")).isEqualTo("1:7: unexpected eof token");
      assertThat(queryError("x = 1;; y")).isEqualTo("1:7: unexpected ; token");
    }

    @Test
    void literalsHaveLocations() {
      Body body = Parser.parseQuery("a\n  not b; c");
      assertThat(body.location()).isEqualTo(new Location("", 1, 1));
      assertThat(body.literals()).extracting(Literal::location).containsExactly(
          new Location("", 1, 1), new Location("", 2, 3), new Location("", 2, 10));
    }
  }

  @Nested
  class Expressions {
    @Test
    void termsAssignmentsAndUnifications() {
      assertThat(literal("x").expr()).isInstanceOf(Expr.TermExpr.class);
      assertThat(literal("x := 1").expr()).isInstanceOf(Expr.Assign.class);
      assertThat(literal("x = 1").expr()).isInstanceOf(Expr.Unify.class);
    }

    @Test
    void patternsMayBeAssigned() {
      assertThat(query("[a, {\"k\": b}] := [1, {\"k\": 2}]"))
          .isEqualTo("[a, {\"k\": b}] := [1, {\"k\": 2}]");
    }

    @Test
    void bothSidesMayUseOperators() {
      Expr.Unify u = (Expr.Unify) literal("x + 1 = y * 2").expr();
      assertThat(Printer.print(u.left())).isEqualTo("plus(x, 1)");
      assertThat(Printer.print(u.right())).isEqualTo("mul(y, 2)");
    }

    @Test
    void callsStayTermExpressions() {
      Expr.TermExpr e = (Expr.TermExpr) literal("count(x) > 0").expr();
      assertThat(e.term()).isInstanceOf(Term.Call.class);
    }

    @Test
    void membershipWithKeyIsAnExpression() {
      assertThat(query("k, v in xs")).isEqualTo("internal.member_3(k, v, xs)");
    }

    @Test
    void aCommaAfterAnExpressionIsAnError() {
      assertThat(queryError("x, y")).isEqualTo("1:2: unexpected , token");
    }

    @Test
    void keywordDirectlyFollowedByARefStepIsAName() {
      assertThat(query("not.x = 1")).isEqualTo("not.x = 1");
      assertThat(query("not [1]")).isEqualTo("not [1]");
    }
  }

  @Nested
  class Negation {
    @Test
    void notNegatesTheLiteral() {
      Literal l = literal("  not x.y");
      assertThat(l.negated()).isTrue();
      assertThat(l.location()).isEqualTo(new Location("", 1, 3));
      assertThat(Printer.print(l)).isEqualTo("not x.y");
    }

    @Test
    void someAndEveryCannotBeNegated() {
      assertThat(queryError("not some x"))
          .isEqualTo("1:5: unexpected some keyword: illegal negation of 'some'");
      assertThat(queryError("not every x in xs { x }"))
          .isEqualTo("1:5: unexpected every keyword: illegal negation of 'every'");
    }
  }

  @Nested
  class With {
    @Test
    void modifiersApplyInOrder() {
      Literal l = literal("data.p with input.x as 1 with data.f as g with count as mock");
      assertThat(l.withs()).extracting(w -> Printer.print(w.target()))
          .containsExactly("input.x", "data.f", "count");
      assertThat(l.withs()).extracting(w -> Printer.print(w.value()))
          .containsExactly("1", "g", "mock");
      assertThat(l.withs().get(1).location()).isEqualTo(new Location("", 1, 26));
    }

    @Test
    void plainNameTargetsBecomeRefs() {
      Literal.With w = literal("f(1) with f as g").withs().get(0);
      assertThat(w.target().head()).isEqualTo(new Term.Var("f", new Location("", 1, 11)));
      assertThat(w.target().path()).isEmpty();
    }

    @Test
    void valuesMayUseOperators() {
      assertThat(query("p with input as {\"a\": 1} | {\"b\": 2}"))
          .isEqualTo("p with input as or({\"a\": 1}, {\"b\": 2})");
    }

    @Test
    void malformedModifiers() {
      assertThat(queryError("p with 1 as 2"))
          .isEqualTo("1:8: unexpected number token: expected ident");
      assertThat(queryError("p with input 1"))
          .isEqualTo("1:14: unexpected number token: expected as keyword");
      assertThat(queryError("p with f(x) as 1"))
          .isEqualTo("1:13: unexpected as keyword: expected with target path");
    }
  }

  @Nested
  class Some {
    @Test
    void declaresVars() {
      Expr.SomeDecl d = (Expr.SomeDecl) literal("some x, y, _").expr();
      assertThat(d.vars()).extracting(Term.Var::name).containsExactly("x", "y", "_");
    }

    @Test
    void iteratesWithIn() {
      Expr.SomeIn s = (Expr.SomeIn) literal("some x in xs").expr();
      assertThat(s.key()).isNull();
      assertThat(Printer.print(s.value())).isEqualTo("x");
      assertThat(Printer.print(s.domain())).isEqualTo("xs");
    }

    @Test
    void iteratesKeysAndValues() {
      Expr.SomeIn s = (Expr.SomeIn) literal("some k, [a, b] in input.pairs").expr();
      assertThat(Printer.print(s.key())).isEqualTo("k");
      assertThat(Printer.print(s.value())).isEqualTo("[a, b]");
      assertThat(Printer.print(s.domain())).isEqualTo("input.pairs");
    }

    @Test
    void domainMayUseOperators() {
      assertThat(query("some x in a | b")).isEqualTo("some x in or(a, b)");
    }

    @Test
    void someInMayHaveModifiers() {
      assertThat(query("some x in xs with input as 1")).isEqualTo("some x in xs with input as 1");
    }

    @Test
    void malformedSome() {
      assertThat(queryError("some 1")).isEqualTo("1:6: unexpected number token: expected var");
      assertThat(queryError("some x,")).isEqualTo("1:8: unexpected eof token: expected var");
      assertThat(queryError("some f(x)"))
          .isEqualTo("1:10: unexpected eof token: expected `x in xs` or `x, y in xs` expression");
    }
  }

  @Nested
  class Every {
    @Test
    void quantifiesOverValues() {
      Expr.Every e = (Expr.Every) literal("every x in xs { x > 0; x < 9 }").expr();
      assertThat(e.key()).isNull();
      assertThat(Printer.print(e.value())).isEqualTo("x");
      assertThat(Printer.print(e.domain())).isEqualTo("xs");
      assertThat(Printer.print(e.body())).isEqualTo("gt(x, 0); lt(x, 9)");
    }

    @Test
    void quantifiesOverKeysAndValues() {
      assertThat(query("every k, v in {\"a\": 1} {\n  k != v\n}"))
          .isEqualTo("every k, v in {\"a\": 1} { neq(k, v) }");
    }

    @Test
    void everyMayHaveModifiers() {
      assertThat(query("every x in xs { x } with input as 1"))
          .isEqualTo("every x in xs { x } with input as 1");
    }

    @Test
    void malformedEvery() {
      assertThat(queryError("every x in xs"))
          .isEqualTo("1:14: unexpected eof token: missing body");
      assertThat(queryError("every x { x }"))
          .isEqualTo("1:9: unexpected { token: expected `x[, y] in xs { ... }` expression");
      assertThat(queryError("every [x] in xs { x }"))
          .isEqualTo("1:17: unexpected { token: expected value to be a variable");
      assertThat(queryError("every [k], v in xs { x }"))
          .isEqualTo("1:20: unexpected { token: expected key to be a variable");
      assertThat(queryError("every x in xs {}")).isEqualTo("1:16: found empty body");
    }
  }

  @Nested
  class RegoV0 {
    @Test
    void futureKeywordsAreOrdinaryNames() {
      assertThat(queryV0("every := in; if = contains")).isEqualTo("every := in; if = contains");
    }

    @Test
    void withoutTheInKeywordMembershipReadsAsThreeLiterals() {
      assertThat(queryV0("x in xs")).isEqualTo("x; in; xs");
    }

    @Test
    void withoutTheInKeywordSomeInReadsAsSeveralLiterals() {
      assertThat(queryV0("some x in xs")).isEqualTo("some x; in; xs");
    }
  }
}
