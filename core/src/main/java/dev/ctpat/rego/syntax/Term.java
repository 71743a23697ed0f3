package dev.ctpat.rego.syntax;

import dev.ctpat.rego.value.Value;
import java.util.List;

/** A Rego term: the expressions that denote values. All terms are immutable. */
public sealed interface Term
    permits Term.Scalar, Term.Var, Term.Ref, Term.ArrayTerm, Term.ObjectTerm, Term.SetTerm,
        Term.ArrayComprehension, Term.SetComprehension, Term.ObjectComprehension, Term.Call {

  Location location();

  /** A literal null, boolean, number or string (raw strings included). */
  record Scalar(Value value, Location location) implements Term {}

  /**
   * A variable. Every occurrence of the wildcard {@code _} is a distinct variable; the compiler
   * renames them. {@code input} and {@code data} are vars at the head of refs.
   */
  record Var(String name, Location location) implements Term {
    public boolean isWildcard() {
      return name.equals("_");
    }
  }

  /**
   * A reference {@code head.path[0][path1]...}. The head is a var ({@code data}, {@code input},
   * a local, a package-local rule, an import alias), or any other term ({@code [1,2][0]},
   * {@code f(x).y}). A {@code .name} step is a string scalar in {@code path}.
   */
  record Ref(Term head, List<Term> path, Location location) implements Term {
    public Ref {
      path = List.copyOf(path);
    }
  }

  /** An array literal. */
  record ArrayTerm(List<Term> items, Location location) implements Term {
    public ArrayTerm {
      items = List.copyOf(items);
    }
  }

  /** An object literal; items in source order. */
  record ObjectTerm(List<ObjectItem> items, Location location) implements Term {
    public ObjectTerm {
      items = List.copyOf(items);
    }
  }

  /** One {@code key: value} of an object literal or comprehension. */
  record ObjectItem(Term key, Term value) {}

  /** A set literal; {@code set()} is the empty set. */
  record SetTerm(List<Term> items, Location location) implements Term {
    public SetTerm {
      items = List.copyOf(items);
    }
  }

  /** {@code [head | body]}. */
  record ArrayComprehension(Term head, Body body, Location location) implements Term {}

  /** {@code {head | body}}. */
  record SetComprehension(Term head, Body body, Location location) implements Term {}

  /** {@code {key: value | body}}. */
  record ObjectComprehension(Term key, Term value, Body body, Location location)
      implements Term {}

  /**
   * A call {@code operator(args...)}. The operator is a ref naming a builtin or a function
   * ({@code count}, {@code strings.replace_n}, {@code data.lib.f}, {@code f}). Infix operators
   * are calls of OPA's builtin names: {@code plus, minus, mul, div, rem, equal, neq, lt, lte,
   * gt, gte, and, or}, and {@code x in xs} / {@code k, v in xs} are calls of
   * {@code internal.member_2} / {@code internal.member_3}. A call with one argument more than the
   * function's arity passes its output in the last argument (v0 style {@code count(x, n)}).
   */
  record Call(Ref operator, List<Term> args, Location location) implements Term {
    public Call {
      args = List.copyOf(args);
    }
  }
}
