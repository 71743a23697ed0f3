package dev.ctpat.rego.syntax;

import dev.ctpat.rego.value.StringValue;
import java.util.List;

/**
 * Renders syntax trees as Rego v1 text, for messages and debugging. Calls are always written in
 * prefix form ({@code plus(x, 1)}, {@code internal.member_2(x, xs)}), as OPA prints them, so the
 * text shows exactly how operators were grouped. Printing a term and parsing the text again
 * yields the same term (apart from locations).
 */
public final class Printer {
  private Printer() {}

  public static String print(Term term) {
    StringBuilder sb = new StringBuilder();
    term(term, sb);
    return sb.toString();
  }

  public static String print(Literal literal) {
    StringBuilder sb = new StringBuilder();
    literal(literal, sb);
    return sb.toString();
  }

  /** The body's literals separated by {@code ; }. */
  public static String print(Body body) {
    StringBuilder sb = new StringBuilder();
    body(body, sb);
    return sb.toString();
  }

  /** The rule and its {@code else} chain on one line. */
  public static String print(Rule rule) {
    StringBuilder sb = new StringBuilder();
    rule(rule, sb);
    return sb.toString();
  }

  /** The package, imports and rules, one per line. */
  public static String print(Module module) {
    StringBuilder sb = new StringBuilder("package ");
    packagePath(module.packagePath(), sb);
    sb.append('\n');
    for (Module.Import imp : module.imports()) {
      sb.append("import ");
      term(imp.path(), sb);
      if (imp.alias() != null) {
        sb.append(" as ").append(imp.alias());
      }
      sb.append('\n');
    }
    for (Rule rule : module.rules()) {
      rule(rule, sb);
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The package path without its leading {@code data}. */
  private static void packagePath(Term.Ref path, StringBuilder sb) {
    List<Term> steps = path.path();
    if (steps.isEmpty()) {
      term(path, sb);
      return;
    }
    sb.append(((StringValue) ((Term.Scalar) steps.get(0)).value()).value());
    refPath(steps.subList(1, steps.size()), sb);
  }

  private static void rule(Rule rule, StringBuilder sb) {
    if (rule.isDefault()) {
      sb.append("default ");
    }
    term(rule.head(), sb);
    if (rule.args() != null) {
      sb.append('(');
      join(rule.args(), sb);
      sb.append(')');
    }
    if (rule.key() != null) {
      sb.append(" contains ");
      term(rule.key(), sb);
    }
    value(rule.value(), rule.assign(), sb);
    ruleBody(rule.body(), sb);
    for (Rule e = rule.elseRule(); e != null; e = e.elseRule()) {
      sb.append(" else");
      value(e.value(), e.assign(), sb);
      ruleBody(e.body(), sb);
    }
  }

  private static void value(Term value, boolean assign, StringBuilder sb) {
    if (value != null) {
      sb.append(assign ? " := " : " = ");
      term(value, sb);
    }
  }

  private static void ruleBody(Body body, StringBuilder sb) {
    if (!body.isEmpty()) {
      sb.append(" if { ");
      body(body, sb);
      sb.append(" }");
    }
  }

  private static void body(Body body, StringBuilder sb) {
    List<Literal> literals = body.literals();
    for (int i = 0; i < literals.size(); i++) {
      if (i > 0) {
        sb.append("; ");
      }
      literal(literals.get(i), sb);
    }
  }

  private static void literal(Literal literal, StringBuilder sb) {
    if (literal.negated()) {
      sb.append("not ");
    }
    expr(literal.expr(), sb);
    for (Literal.With with : literal.withs()) {
      sb.append(" with ");
      term(with.target(), sb);
      sb.append(" as ");
      term(with.value(), sb);
    }
  }

  private static void expr(Expr expr, StringBuilder sb) {
    if (expr instanceof Expr.TermExpr t) {
      term(t.term(), sb);
    } else if (expr instanceof Expr.Unify u) {
      binary(u.left(), " = ", u.right(), sb);
    } else if (expr instanceof Expr.Assign a) {
      binary(a.left(), " := ", a.right(), sb);
    } else if (expr instanceof Expr.SomeDecl d) {
      sb.append("some ");
      join(d.vars(), sb);
    } else if (expr instanceof Expr.SomeIn s) {
      sb.append("some ");
      membership(s.key(), s.value(), s.domain(), sb);
    } else if (expr instanceof Expr.Every e) {
      sb.append("every ");
      membership(e.key(), e.value(), e.domain(), sb);
      sb.append(" { ");
      body(e.body(), sb);
      sb.append(" }");
    }
  }

  private static void binary(Term left, String op, Term right, StringBuilder sb) {
    term(left, sb);
    sb.append(op);
    term(right, sb);
  }

  private static void membership(Term key, Term value, Term domain, StringBuilder sb) {
    if (key != null) {
      term(key, sb);
      sb.append(", ");
    }
    term(value, sb);
    sb.append(" in ");
    term(domain, sb);
  }

  private static void term(Term term, StringBuilder sb) {
    if (term instanceof Term.Scalar s) {
      sb.append(s.value());
    } else if (term instanceof Term.Var v) {
      sb.append(v.name());
    } else if (term instanceof Term.Ref r) {
      term(r.head(), sb);
      refPath(r.path(), sb);
    } else if (term instanceof Term.ArrayTerm a) {
      sb.append('[');
      join(a.items(), sb);
      sb.append(']');
    } else if (term instanceof Term.SetTerm s) {
      if (s.items().isEmpty()) {
        sb.append("set()");
      } else {
        sb.append('{');
        join(s.items(), sb);
        sb.append('}');
      }
    } else if (term instanceof Term.ObjectTerm o) {
      sb.append('{');
      for (int i = 0; i < o.items().size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        binary(o.items().get(i).key(), ": ", o.items().get(i).value(), sb);
      }
      sb.append('}');
    } else if (term instanceof Term.ArrayComprehension c) {
      comprehension('[', c.head(), c.body(), ']', sb);
    } else if (term instanceof Term.SetComprehension c) {
      comprehension('{', c.head(), c.body(), '}', sb);
    } else if (term instanceof Term.ObjectComprehension c) {
      sb.append('{');
      binary(c.key(), ": ", c.value(), sb);
      sb.append(" | ");
      body(c.body(), sb);
      sb.append('}');
    } else if (term instanceof Term.Call c) {
      term(c.operator(), sb);
      sb.append('(');
      join(c.args(), sb);
      sb.append(')');
    }
  }

  private static void comprehension(char open, Term head, Body body, char close,
      StringBuilder sb) {
    sb.append(open);
    term(head, sb);
    sb.append(" | ");
    body(body, sb);
    sb.append(close);
  }

  private static void refPath(List<Term> path, StringBuilder sb) {
    for (Term step : path) {
      if (step instanceof Term.Scalar s && s.value() instanceof StringValue name
          && isIdentifier(name.value())) {
        sb.append('.').append(name.value());
      } else {
        sb.append('[');
        term(step, sb);
        sb.append(']');
      }
    }
  }

  private static void join(List<? extends Term> terms, StringBuilder sb) {
    for (int i = 0; i < terms.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      term(terms.get(i), sb);
    }
  }

  /** Whether {@code s} can follow a dot in a ref: an ASCII identifier. */
  private static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }
}
