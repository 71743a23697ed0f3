package dev.ctpat.rego.builtins;

import dev.ctpat.rego.syntax.Annotation;
import dev.ctpat.rego.syntax.Body;
import dev.ctpat.rego.syntax.Expr;
import dev.ctpat.rego.syntax.Literal;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.Rule;
import dev.ctpat.rego.syntax.Term;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed module as the value of OPA's AST JSON, which {@code rego.parse_module} returns: the
 * module is {@code {"package": {"path": [...]}, "imports": [...], "rules": [...]}}, every term
 * is {@code {"type": ..., "value": ...}}, and every expression is
 * {@code {"index": i, "terms": ...}}, where the terms of a call or of {@code =} / {@code :=}
 * are the operator ref followed by the operands. Locations are left out, as OPA leaves them out
 * by default, and so are comments, which the parser does not keep.
 *
 * <p>Like OPA's parser, this names each wildcard {@code _} {@code $0}, {@code $1}, ... in order
 * of appearance, and gives a rule without a body the body {@code true} and a rule without a
 * value the value {@code true}.
 */
final class RegoAstJson {
  private static final Value TRUE_TERM = term("boolean", BooleanValue.TRUE);

  private int wildcards;

  private RegoAstJson() {}

  /** The module as OPA's JSON encoding of it reads back as a Rego value. */
  static Value of(Module module) {
    return new RegoAstJson().module(module);
  }

  private Value module(Module m) {
    ObjectValue.Builder b = ObjectValue.builder()
        .put("package", ObjectValue.builder().put("path", refElements(m.packagePath())).build());
    if (!m.imports().isEmpty()) {
      List<Value> imports = new ArrayList<>();
      for (Module.Import i : m.imports()) {
        ObjectValue.Builder ib = ObjectValue.builder().put("path", term(i.path()));
        if (i.alias() != null) {
          ib.put("alias", StringValue.of(i.alias()));
        }
        imports.add(ib.build());
      }
      b.put("imports", ArrayValue.of(imports));
    }
    if (!m.annotations().isEmpty()) {
      b.put("annotations", annotations(m.annotations()));
    }
    if (!m.rules().isEmpty()) {
      List<Value> rules = new ArrayList<>();
      for (Rule r : m.rules()) {
        rules.add(rule(r));
      }
      b.put("rules", ArrayValue.of(rules));
    }
    return b.build();
  }

  private Value rule(Rule r) {
    ObjectValue.Builder b = ObjectValue.builder().put("head", head(r));
    b.put("body", r.body().isEmpty() ? trueBody() : body(r.body()));
    if (r.isDefault()) {
      b.put("default", BooleanValue.TRUE);
    }
    if (r.elseRule() != null) {
      b.put("else", rule(r.elseRule()));
    }
    if (!r.annotations().isEmpty()) {
      b.put("annotations", annotations(r.annotations()));
    }
    return b.build();
  }

  private Value head(Rule r) {
    ObjectValue.Builder b = ObjectValue.builder();
    Term.Ref ref = r.head();
    if (ref.path().isEmpty() && ref.head() instanceof Term.Var v) {
      b.put("name", StringValue.of(v.name()));
    }
    b.put("ref", refElements(ref));
    if (r.args() != null) {
      b.put("args", terms(r.args()));
    }
    if (r.headKind() == Rule.HeadKind.CONTAINS) {
      b.put("key", term(r.key()));
    } else {
      b.put("value", r.value() == null ? TRUE_TERM : term(r.value()));
    }
    if (r.assign()) {
      b.put("assign", BooleanValue.TRUE);
    }
    return b.build();
  }

  private static Value trueBody() {
    return ArrayValue.of(ObjectValue.builder()
        .put("index", NumberValue.ZERO).put("terms", TRUE_TERM).build());
  }

  private Value body(Body body) {
    List<Value> exprs = new ArrayList<>();
    for (Literal lit : body.literals()) {
      exprs.add(expr(lit, exprs.size()));
    }
    return ArrayValue.of(exprs);
  }

  private Value expr(Literal lit, int index) {
    ObjectValue.Builder b = ObjectValue.builder()
        .put("index", NumberValue.of(index))
        .put("terms", exprTerms(lit.expr()));
    if (lit.negated()) {
      b.put("negated", BooleanValue.TRUE);
    }
    if (!lit.withs().isEmpty()) {
      List<Value> withs = new ArrayList<>();
      for (Literal.With w : lit.withs()) {
        withs.add(ObjectValue.builder()
            .put("target", term(w.target())).put("value", term(w.value())).build());
      }
      b.put("with", ArrayValue.of(withs));
    }
    return b.build();
  }

  private Value exprTerms(Expr e) {
    if (e instanceof Expr.TermExpr t) {
      return t.term() instanceof Term.Call c ? callElements(c) : term(t.term());
    } else if (e instanceof Expr.Unify u) {
      return ArrayValue.of(operator("eq"), term(u.left()), term(u.right()));
    } else if (e instanceof Expr.Assign a) {
      return ArrayValue.of(operator("assign"), term(a.left()), term(a.right()));
    } else if (e instanceof Expr.SomeDecl s) {
      return ObjectValue.builder().put("symbols", terms(s.vars())).build();
    } else if (e instanceof Expr.SomeIn s) {
      return ObjectValue.builder().put("symbols", ArrayValue.of(membership(s))).build();
    }
    Expr.Every every = (Expr.Every) e;
    return ObjectValue.builder()
        .put("key", every.key() == null ? NullValue.INSTANCE : term(every.key()))
        .put("value", term(every.value()))
        .put("domain", term(every.domain()))
        .put("body", body(every.body()))
        .build();
  }

  /** {@code some k, v in xs} is declared, as OPA declares it, by a call of the membership test. */
  private Value membership(Expr.SomeIn s) {
    List<Value> call = new ArrayList<>();
    if (s.key() == null) {
      call.add(operator("internal", "member_2"));
    } else {
      call.add(operator("internal", "member_3"));
      call.add(term(s.key()));
    }
    call.add(term(s.value()));
    call.add(term(s.domain()));
    return term("call", ArrayValue.of(call));
  }

  private Value term(Term t) {
    if (t instanceof Term.Scalar s) {
      return term(s.value().typeName(), s.value());
    } else if (t instanceof Term.Var v) {
      String name = v.isWildcard() ? "$" + wildcards++ : v.name();
      return term("var", StringValue.of(name));
    } else if (t instanceof Term.Ref r) {
      return term("ref", refElements(r));
    } else if (t instanceof Term.ArrayTerm a) {
      return term("array", terms(a.items()));
    } else if (t instanceof Term.SetTerm s) {
      return term("set", terms(s.items()));
    } else if (t instanceof Term.ObjectTerm o) {
      List<Value> items = new ArrayList<>();
      for (Term.ObjectItem item : o.items()) {
        items.add(ArrayValue.of(term(item.key()), term(item.value())));
      }
      return term("object", ArrayValue.of(items));
    } else if (t instanceof Term.ArrayComprehension c) {
      return comprehension("arraycomprehension", c.head(), c.body());
    } else if (t instanceof Term.SetComprehension c) {
      return comprehension("setcomprehension", c.head(), c.body());
    } else if (t instanceof Term.ObjectComprehension c) {
      Value key = term(c.key());
      Value value = term(c.value());
      return term("objectcomprehension", ObjectValue.builder()
          .put("key", key).put("value", value).put("body", body(c.body())).build());
    }
    return term("call", callElements((Term.Call) t));
  }

  private Value comprehension(String type, Term head, Body body) {
    Value headTerm = term(head);
    return term(type, ObjectValue.builder()
        .put("term", headTerm).put("body", body(body)).build());
  }

  private static Value term(String type, Value value) {
    return ObjectValue.builder()
        .put("type", StringValue.of(type)).put("value", value).build();
  }

  private Value terms(List<? extends Term> ts) {
    List<Value> out = new ArrayList<>(ts.size());
    for (Term t : ts) {
      out.add(term(t));
    }
    return ArrayValue.of(out);
  }

  /** The terms of a ref: its head, then each step. */
  private Value refElements(Term.Ref r) {
    List<Value> out = new ArrayList<>();
    out.add(term(r.head()));
    for (Term step : r.path()) {
      out.add(term(step));
    }
    return ArrayValue.of(out);
  }

  private Value callElements(Term.Call c) {
    List<Value> out = new ArrayList<>();
    out.add(term(c.operator()));
    for (Term arg : c.args()) {
      out.add(term(arg));
    }
    return ArrayValue.of(out);
  }

  /** The ref term naming a builtin, e.g. {@code internal.member_2}. */
  private static Value operator(String name, String... steps) {
    List<Value> ref = new ArrayList<>();
    ref.add(term("var", StringValue.of(name)));
    for (String step : steps) {
      ref.add(term("string", StringValue.of(step)));
    }
    return term("ref", ArrayValue.of(ref));
  }

  /** METADATA blocks as their YAML fields plus the scope, as {@code rego.metadata} shows them. */
  private static Value annotations(List<Annotation> as) {
    List<Value> out = new ArrayList<>();
    for (Annotation a : as) {
      ObjectValue.Builder b = ObjectValue.builder();
      a.fields().forEach((k, v) -> b.put(k, Json.fromJava(v)));
      out.add(b.put("scope", StringValue.of(a.scope())).build());
    }
    return ArrayValue.of(out);
  }
}
