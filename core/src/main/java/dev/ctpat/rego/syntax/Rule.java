package dev.ctpat.rego.syntax;

import java.util.List;

/**
 * A rule as written. The head is a ref relative to the package ({@code p}, {@code p.q[r]},
 * {@code deny}); the compiler decides from the head's shape and {@link HeadKind} whether it is a
 * complete rule, a partial set, a partial object, or a function.
 *
 * @param location where the rule starts
 * @param headKind how the head was written
 * @param isDefault true for {@code default ...} rules
 * @param head the head ref (for functions, the function's name)
 * @param args the function's parameters (patterns), or null if the rule is not a function
 * @param key for {@code contains} rules and v0 {@code p[x]} set rules, the member term; else null
 * @param value the value term, or null when none was written (then {@code true})
 * @param assign true when the value was given with {@code :=}
 * @param body the body; empty for a rule without one
 * @param elseRule the next rule of an {@code else} chain, or null; its head is this head
 * @param annotations METADATA blocks that apply to this rule (scope rule, document, ...)
 */
public record Rule(
    Location location,
    HeadKind headKind,
    boolean isDefault,
    Term.Ref head,
    List<Term> args,
    Term key,
    Term value,
    boolean assign,
    Body body,
    Rule elseRule,
    List<Annotation> annotations) {

  public Rule {
    args = args == null ? null : List.copyOf(args);
    annotations = List.copyOf(annotations);
  }

  /** How the head was written. */
  public enum HeadKind {
    /** {@code p}, {@code p := v}, {@code p = v}, {@code p.q[r] := v}, {@code p[k] = v}. */
    VALUE,
    /** {@code p contains x}, or v0 {@code p[x]} without a value. */
    CONTAINS,
    /** {@code f(args) := v}, {@code f(args)}. */
    FUNCTION
  }
}
