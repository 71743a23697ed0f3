package dev.ctpat.rego.syntax;

import java.util.List;

/**
 * One expression of a body, possibly negated ({@code not}) and modified ({@code with}).
 *
 * @param location where the literal starts (the {@code not} keyword if negated)
 * @param negated true for {@code not expr}
 * @param expr the expression
 * @param withs the {@code with target as value} modifiers, in source order
 */
public record Literal(Location location, boolean negated, Expr expr, List<With> withs) {
  public Literal {
    withs = List.copyOf(withs);
  }

  /** {@code with target as value}; the target is a ref to input, data, or a function/builtin. */
  public record With(Term.Ref target, Term value, Location location) {}
}
