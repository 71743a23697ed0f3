package dev.ctpat.rego.syntax;

import java.util.List;

/** A conjunction of literals: a rule body, a query, or a comprehension's body. */
public record Body(List<Literal> literals, Location location) {
  public Body {
    literals = List.copyOf(literals);
  }

  public boolean isEmpty() {
    return literals.isEmpty();
  }
}
