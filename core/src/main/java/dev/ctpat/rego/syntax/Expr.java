package dev.ctpat.rego.syntax;

import java.util.List;

/** The expression forms a {@link Literal} can hold. */
public sealed interface Expr
    permits Expr.TermExpr, Expr.Unify, Expr.Assign, Expr.SomeDecl, Expr.SomeIn, Expr.Every {

  /** A term used as an expression: true unless undefined or {@code false}. Calls live here. */
  record TermExpr(Term term) implements Expr {}

  /** {@code left = right}: unification. */
  record Unify(Term left, Term right) implements Expr {}

  /** {@code left := right}: declares the vars of {@code left} and unifies. */
  record Assign(Term left, Term right) implements Expr {}

  /** {@code some x, y}: declares local vars. */
  record SomeDecl(List<Term.Var> vars) implements Expr {
    public SomeDecl {
      vars = List.copyOf(vars);
    }
  }

  /**
   * {@code some value in domain} or {@code some key, value in domain}; {@code key} is null in
   * the first form. Key and value may be patterns (arrays, objects) as well as vars.
   */
  record SomeIn(Term key, Term value, Term domain) implements Expr {}

  /**
   * {@code every value in domain { body }} or {@code every key, value in domain { body }};
   * {@code key} is null in the first form.
   */
  record Every(Term key, Term value, Term domain, Body body) implements Expr {}
}
