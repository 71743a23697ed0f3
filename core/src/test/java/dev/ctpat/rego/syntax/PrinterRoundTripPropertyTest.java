package dev.ctpat.rego.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Printing a tree and parsing the text gives the tree back: {@code print(parse(print(t)))}
 * equals {@code print(t)} for generated terms and queries. (Printing is injective enough for
 * this to mean the trees agree, apart from locations.)
 */
class PrinterRoundTripPropertyTest {
  private static final Location L = Location.UNKNOWN;
  private static final BigInteger BIG = BigInteger.TEN.pow(40);
  private static final List<String> NAMES = List.of("x", "y", "_", "_tmp", "a1", "every_x",
      "iff", "set_x");

  @Provide
  Arbitrary<Term> terms() {
    return term(3);
  }

  @Provide
  Arbitrary<Body> queries() {
    return literal(term(2)).list().ofMinSize(1).ofMaxSize(4).map(ls -> new Body(ls, L));
  }

  @Property(tries = 500)
  void termsRoundTrip(@ForAll("terms") Term term) {
    String printed = Printer.print(term);
    assertThat(Printer.print(Parser.parseTerm(printed))).isEqualTo(printed);
  }

  @Property(tries = 300)
  void queriesRoundTrip(@ForAll("queries") Body query) {
    String printed = Printer.print(query);
    assertThat(Printer.print(Parser.parseQuery(printed))).isEqualTo(printed);
  }

  private Arbitrary<Term> term(int depth) {
    if (depth == 0) {
      return leaf();
    }
    Arbitrary<Term> inner = Arbitraries.lazy(() -> term(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(4, leaf()),
        Tuple.of(1, inner.list().ofMaxSize(3).map(items -> new Term.ArrayTerm(items, L))),
        Tuple.of(1, inner.list().ofMaxSize(3).map(items -> new Term.SetTerm(items, L))),
        Tuple.of(1, Combinators.combine(inner, inner).as(Term.ObjectItem::new).list()
            .ofMaxSize(3).map(items -> new Term.ObjectTerm(items, L))),
        Tuple.of(2, ref(inner)),
        Tuple.of(2, call(inner)),
        Tuple.of(1, comprehension(inner)));
  }

  private Arbitrary<Term> leaf() {
    return Arbitraries.oneOf(
        Arbitraries.of(NullValue.INSTANCE, BooleanValue.TRUE, BooleanValue.FALSE).map(this::scalar),
        Arbitraries.longs().map(n -> scalar(NumberValue.of(n))),
        Combinators.combine(Arbitraries.bigIntegers().between(BIG.negate(), BIG),
            Arbitraries.integers().between(-60, 60))
            .as((unscaled, scale) -> scalar(NumberValue.of(new BigDecimal(unscaled, scale)))),
        Arbitraries.strings().withCharRange(' ', '\uD7FF').withChars('\n', '\t', '"', '\\')
            .ofMaxLength(8).map(s -> scalar(StringValue.of(s))),
        Arbitraries.of(NAMES).map(n -> new Term.Var(n, L)),
        Arbitraries.of("input", "data").map(n -> new Term.Ref(new Term.Var(n, L), List.of(), L)));
  }

  private Term scalar(Value v) {
    return new Term.Scalar(v, L);
  }

  private Arbitrary<Term> ref(Arbitrary<Term> inner) {
    Arbitrary<Term> head = Arbitraries.oneOf(
        Arbitraries.of("a", "input", "data", "x").map(n -> (Term) new Term.Var(n, L)),
        call(inner),
        inner.list().ofMinSize(1).ofMaxSize(2).map(items -> new Term.ArrayTerm(items, L)));
    Arbitrary<Term> step = Arbitraries.oneOf(
        Arbitraries.of("b", "in", "if", "with space", "").map(s -> scalar(StringValue.of(s))),
        inner);
    return Combinators.combine(head, step.list().ofMinSize(1).ofMaxSize(3))
        .as((h, path) -> new Term.Ref(h, path, L));
  }

  private Arbitrary<Term> call(Arbitrary<Term> inner) {
    Arbitrary<Term.Ref> operator = Arbitraries.of(
        new Term.Ref(new Term.Var("f", L), List.of(), L),
        new Term.Ref(new Term.Var("count", L), List.of(), L),
        new Term.Ref(new Term.Var("strings", L), List.of(scalar(StringValue.of("replace_n"))), L),
        new Term.Ref(new Term.Var("data", L), List.of(scalar(StringValue.of("lib")),
            scalar(StringValue.of("f"))), L));
    return Combinators.combine(operator, inner.list().ofMaxSize(3))
        .as((op, args) -> new Term.Call(op, args, L));
  }

  private Arbitrary<Term> comprehension(Arbitrary<Term> inner) {
    Arbitrary<Body> body = literal(inner).list().ofMinSize(1).ofMaxSize(2)
        .map(ls -> new Body(ls, L));
    return Arbitraries.oneOf(
        Combinators.combine(inner, body).as((h, b) -> new Term.ArrayComprehension(h, b, L)),
        Combinators.combine(inner, body).as((h, b) -> new Term.SetComprehension(h, b, L)),
        Combinators.combine(inner, inner, body)
            .as((k, v, b) -> new Term.ObjectComprehension(k, v, b, L)));
  }

  private Arbitrary<Literal> literal(Arbitrary<Term> inner) {
    Arbitrary<Term.Var> var = Arbitraries.of(NAMES).map(n -> new Term.Var(n, L));
    Arbitrary<Expr> expr = Arbitraries.oneOf(
        inner.map(Expr.TermExpr::new),
        Combinators.combine(inner, inner).as(Expr.Unify::new),
        Combinators.combine(inner, inner).as(Expr.Assign::new),
        var.list().ofMinSize(1).ofMaxSize(3).map(Expr.SomeDecl::new),
        Combinators.combine(var.injectNull(0.5), inner, inner).as(Expr.SomeIn::new),
        Combinators.combine(var.injectNull(0.5), var, inner, inner.map(t -> new Body(
            List.of(new Literal(L, false, new Expr.TermExpr(t), List.of())), L)))
            .as(Expr.Every::new));
    Arbitrary<Literal.With> with = Combinators.combine(
        Arbitraries.of("input", "data", "count").map(n -> new Term.Ref(new Term.Var(n, L),
            List.of(), L)), inner).as((t, v) -> new Literal.With(t, v, L));
    return Combinators.combine(expr, Arbitraries.of(true, false), with.list().ofMaxSize(2))
        .as((e, negated, withs) -> new Literal(L, negated && negatable(e), e,
            e instanceof Expr.SomeDecl ? List.of() : withs));
  }

  /** Declarations and quantifiers cannot be negated; plain {@code some x} takes no {@code with}. */
  private static boolean negatable(Expr e) {
    return !(e instanceof Expr.SomeDecl || e instanceof Expr.SomeIn || e instanceof Expr.Every);
  }
}
