package dev.ctpat.rego.eval;

import dev.ctpat.rego.api.CoverageRecorder;
import dev.ctpat.rego.api.EvalLimits;
import dev.ctpat.rego.api.PrintSink;
import dev.ctpat.rego.api.QueryResult;
import dev.ctpat.rego.api.RegoError;
import dev.ctpat.rego.api.RegoException;
import dev.ctpat.rego.builtins.Builtin;
import dev.ctpat.rego.builtins.BuiltinContext;
import dev.ctpat.rego.builtins.BuiltinException;
import dev.ctpat.rego.builtins.BuiltinFunction;
import dev.ctpat.rego.builtins.BuiltinRelation;
import dev.ctpat.rego.compile.CompiledPolicy;
import dev.ctpat.rego.compile.CompiledQuery;
import dev.ctpat.rego.compile.CompiledRule;
import dev.ctpat.rego.compile.Ir;
import dev.ctpat.rego.compile.RuleIndex;
import dev.ctpat.rego.compile.RuleNode;
import dev.ctpat.rego.syntax.Location;
import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Top-down evaluation of one query against a compiled policy, with unification and
 * backtracking in continuation-passing style. One evaluator serves one query on one thread;
 * it holds the query's caches, clock reading and budgets.
 *
 * <p>Convention: every method that binds variables undoes its bindings before it returns, so
 * callers never see bindings leak out of a failed or finished branch.
 */
public final class Evaluator implements BuiltinContext {
  /** Marks a cached "undefined" result. */
  private static final Value UNDEFINED = StringValue.of("\u0000undefined");

  private final CompiledPolicy policy;
  private final Value baseData;
  private final Config config;
  private final long deadline;
  private long steps;
  private int depth;
  private Scope scope;
  private final Map<Object, Object> memo = new HashMap<>();
  /** The rule whose body is being evaluated, for {@code rego.metadata.*}. */
  private CompiledRule currentRule;

  /**
   * Settings of one evaluation.
   *
   * @param strict builtin errors fail the query
   * @param printSink where {@code print} writes
   * @param now the query's clock reading
   * @param limits the bounds
   * @param capabilities enabled optional capabilities ({@code net})
   * @param runtime what {@code opa.runtime()} returns
   * @param optimize use rule and comprehension indexes and per-query caches; off only to check
   *     that they change no result
   * @param version the Rego version of the policy, for {@code rego.parse_module}
   * @param coverage where to record rule definitions that succeed, or null
   */
  public record Config(boolean strict, PrintSink printSink, Instant now, EvalLimits limits,
      Set<String> capabilities, Value runtime, boolean optimize, RegoVersion version,
      CoverageRecorder coverage) {}

  public Evaluator(CompiledPolicy policy, Value baseData, Value input, Config config) {
    this.policy = policy;
    this.baseData = baseData;
    this.config = config;
    this.deadline = System.nanoTime() + config.limits().timeout().toNanos();
    this.scope = new Scope(input, List.of(), Map.of());
  }

  // == public entry points =====================================================================

  /** Runs a compiled query and reports every solution. */
  public QueryResult run(CompiledQuery query) {
    Frame f = new Frame(query.frameSize());
    List<QueryResult.Row> rows = new ArrayList<>();
    guard(() -> evalBody(f, query.body().literals(), 0, () -> {
      Map<String, Value> bindings = new LinkedHashMap<>();
      for (Ir.Local l : query.outputs()) {
        Value v = f.get(l.slot());
        if (v != null) {
          bindings.put(l.name(), v);
        }
      }
      List<QueryResult.ExpressionValue> exprs = new ArrayList<>();
      for (int i = 0; i < query.topLevel().size(); i++) {
        Ir.Local capture = query.captures().get(i);
        Value v = capture == null ? BooleanValue.TRUE : f.get(capture.slot());
        exprs.add(new QueryResult.ExpressionValue(v, query.topLevel().get(i).text()));
      }
      rows.add(new QueryResult.Row(exprs, bindings));
      return true;
    }));
    return new QueryResult(rows);
  }

  private void guard(Runnable r) {
    try {
      r.run();
    } catch (StackOverflowError e) {
      throw new RegoException(new RegoError("eval_limit_error",
          "evaluation exceeded the maximum nesting depth", Location.UNKNOWN));
    } catch (EvalLimitException e) {
      throw new RegoException(new RegoError(e.code(), e.getMessage(), Location.UNKNOWN));
    }
  }

  // == bodies ==================================================================================

  private boolean evalBody(Frame f, List<Ir.Literal> lits, int i, Cont k) {
    if (i == lits.size()) {
      return k.run();
    }
    step();
    Ir.Literal lit = lits.get(i);
    Cont next = () -> evalBody(f, lits, i + 1, k);
    if (!lit.withs().isEmpty()) {
      return evalWith(f, lit, next);
    }
    return evalLiteral(f, lit, next);
  }

  private boolean evalLiteral(Frame f, Ir.Literal lit, Cont k) {
    if (lit.negated()) {
      boolean[] found = {false};
      evalExpr(f, lit.expr(), () -> {
        found[0] = true;
        return false;
      });
      return found[0] || k.run();
    }
    return evalExpr(f, lit.expr(), k);
  }

  private boolean evalExpr(Frame f, Ir.Expr expr, Cont k) {
    if (expr instanceof Ir.TermExpr t) {
      return evalTerm(f, t.term(), v -> v.equals(BooleanValue.FALSE) || k.run());
    } else if (expr instanceof Ir.Unify u) {
      return unify(f, u.left(), u.right(), k);
    } else if (expr instanceof Ir.SomeIn s) {
      return evalTerm(f, s.domain(), coll -> forEachMember(coll, (key, val) ->
          (s.key() == null ? match(f, s.value(), val, k)
              : match(f, s.key(), key, () -> match(f, s.value(), val, k)))));
    } else if (expr instanceof Ir.Every e) {
      return evalTerm(f, e.domain(), coll -> {
        if (!isCollection(coll)) {
          return true;
        }
        boolean all = forEachMember(coll, (key, val) -> {
          boolean[] found = {false};
          Cont body = () -> evalBody(f, e.body().literals(), 0, () -> {
            found[0] = true;
            return false;
          });
          if (e.key() == null) {
            match(f, e.value(), val, body);
          } else {
            match(f, e.key(), key, () -> match(f, e.value(), val, body));
          }
          return found[0];
        });
        return !all || k.run();
      });
    }
    return k.run();
  }

  private static boolean isCollection(Value v) {
    return v instanceof ArrayValue || v instanceof ObjectValue || v instanceof SetValue;
  }

  /** Visitor of collection members; returns false to stop. */
  @FunctionalInterface
  private interface MemberVisitor {
    boolean visit(Value key, Value value);
  }

  /** Visits (index, element), (key, value) or (member, member); false if a visit stopped. */
  private boolean forEachMember(Value coll, MemberVisitor v) {
    if (coll instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        step();
        if (!v.visit(NumberValue.of(i), a.get(i))) {
          return false;
        }
      }
    } else if (coll instanceof ObjectValue o) {
      for (Value key : o.sortedKeys()) {
        step();
        if (!v.visit(key, o.get(key))) {
          return false;
        }
      }
    } else if (coll instanceof SetValue s) {
      for (Value m : s.sorted()) {
        step();
        if (!v.visit(m, m)) {
          return false;
        }
      }
    }
    return true;
  }

  // == with ====================================================================================

  private boolean evalWith(Frame f, Ir.Literal lit, Cont k) {
    return withValues(f, lit.withs(), 0, new Value[lit.withs().size()], values -> {
      Scope parent = scope;
      Scope child = parent.with(lit.withs(), values);
      scope = child;
      try {
        return evalLiteral(f, lit, () -> {
          scope = parent;
          try {
            return k.run();
          } finally {
            scope = child;
          }
        });
      } finally {
        scope = parent;
      }
    });
  }

  private interface ValuesCont {
    boolean accept(Value[] values);
  }

  private boolean withValues(Frame f, List<Ir.With> withs, int i, Value[] out, ValuesCont k) {
    if (i == withs.size()) {
      return k.accept(out.clone());
    }
    Ir.With w = withs.get(i);
    if (w.value() == null) {
      return withValues(f, withs, i + 1, out, k);
    }
    return evalTerm(f, w.value(), v -> {
      out[i] = v;
      return withValues(f, withs, i + 1, out, k);
    });
  }

  /** The with-modified world: input, data overrides, function replacements, and caches. */
  private final class Scope {
    final Value input;
    final List<DataOverride> dataOverrides;
    final Map<String, Ir.With> functionOverrides;
    final Map<String, Value> functionValues = new HashMap<>();
    final Map<RuleNode, Value> docCache = new HashMap<>();
    final Map<List<Object>, Value> callCache = new HashMap<>();
    final Map<Ir.Comprehension, Map<List<Value>, Value>> comprehensionCache =
        new java.util.IdentityHashMap<>();

    Scope(Value input, List<DataOverride> dataOverrides, Map<String, Ir.With> functionOverrides) {
      this.input = input;
      this.dataOverrides = dataOverrides;
      this.functionOverrides = functionOverrides;
    }

    private Scope plain;

    /** This scope with every function replacement removed (cached). */
    Scope withoutFunctionOverrides() {
      if (functionOverrides.isEmpty()) {
        return this;
      }
      if (plain == null) {
        plain = new Scope(input, dataOverrides, Map.of());
      }
      return plain;
    }

    Scope with(List<Ir.With> withs, Value[] values) {
      Value in = input;
      List<DataOverride> overrides = new ArrayList<>(dataOverrides);
      Map<String, Ir.With> fns = new HashMap<>(functionOverrides);
      Map<String, Value> fnValues = new HashMap<>(functionValues);
      for (int i = 0; i < withs.size(); i++) {
        Ir.With w = withs.get(i);
        switch (w.kind()) {
          case INPUT -> in = w.path().isEmpty() ? values[i] : patch(in, w.path(), 0, values[i]);
          case DATA -> overrides.add(new DataOverride(w.path(), values[i]));
          case FUNCTION -> {
            fns.put(w.functionName(), w);
            if (values[i] != null) {
              fnValues.put(w.functionName(), values[i]);
            } else {
              fnValues.remove(w.functionName());
            }
          }
        }
      }
      Scope s = new Scope(in, overrides, fns);
      s.functionValues.putAll(fnValues);
      return s;
    }
  }

  private record DataOverride(List<Value> path, Value value) {}

  /** {@code base} with the value at {@code path} replaced, creating objects on the way. */
  private static Value patch(Value base, List<Value> path, int i, Value v) {
    if (i == path.size()) {
      return v;
    }
    ObjectValue.Builder b = ObjectValue.builder();
    Value child = null;
    if (base instanceof ObjectValue o) {
      o.entries().forEach(b::put);
      child = o.get(path.get(i));
    }
    b.put(path.get(i), patch(child, path, i + 1, v));
    return b.build();
  }

  // == unification =============================================================================

  private boolean unify(Frame f, Ir.Node a, Ir.Node b, Cont k) {
    boolean aOpen = isOpen(f, a);
    boolean bOpen = isOpen(f, b);
    if (!aOpen) {
      return evalTerm(f, a, va -> match(f, b, va, k));
    }
    if (!bOpen) {
      return evalTerm(f, b, vb -> match(f, a, vb, k));
    }
    if (a instanceof Ir.ArrayNode aa && b instanceof Ir.ArrayNode ba) {
      if (aa.items().size() != ba.items().size()) {
        return true;
      }
      return unifyPairs(f, aa.items(), ba.items(), new boolean[aa.items().size()], k);
    }
    if (a instanceof Ir.ObjectNode ao && b instanceof Ir.ObjectNode bo) {
      return unifyObjects(f, ao, bo, k);
    }
    throw new RegoException(new RegoError("rego_unsafe_var_error",
        "cannot unify two unbound terms", a.location()));
  }

  private boolean unifyPairs(Frame f, List<Ir.Node> as, List<Ir.Node> bs, boolean[] done,
      Cont k) {
    for (int i = 0; i < as.size(); i++) {
      if (!done[i] && (!isOpen(f, as.get(i)) || !isOpen(f, bs.get(i)))) {
        boolean[] next = done.clone();
        next[i] = true;
        return unify(f, as.get(i), bs.get(i), () -> unifyPairs(f, as, bs, next, k));
      }
    }
    for (int i = 0; i < as.size(); i++) {
      if (!done[i]) {
        boolean[] next = done.clone();
        next[i] = true;
        return unify(f, as.get(i), bs.get(i), () -> unifyPairs(f, as, bs, next, k));
      }
    }
    return k.run();
  }

  private boolean unifyObjects(Frame f, Ir.ObjectNode a, Ir.ObjectNode b, Cont k) {
    if (a.keys().size() != b.keys().size()) {
      return true;
    }
    return evalList(f, a.keys(), 0, new Value[a.keys().size()], aks ->
        evalList(f, b.keys(), 0, new Value[b.keys().size()], bks -> {
          List<Ir.Node> left = new ArrayList<>();
          List<Ir.Node> right = new ArrayList<>();
          for (int i = 0; i < aks.length; i++) {
            int j = indexOf(bks, aks[i]);
            if (j < 0) {
              return true;
            }
            left.add(a.values().get(i));
            right.add(b.values().get(j));
          }
          return unifyPairs(f, left, right, new boolean[left.size()], k);
        }));
  }

  private static int indexOf(Value[] vs, Value v) {
    for (int i = 0; i < vs.length; i++) {
      if (vs[i].equals(v)) {
        return i;
      }
    }
    return -1;
  }

  /** True when the node is a pattern with unbound variables (a var, or array/object of them). */
  private static boolean isOpen(Frame f, Ir.Node n) {
    if (n instanceof Ir.Local l) {
      return f.get(l.slot()) == null;
    }
    if (n instanceof Ir.ArrayNode a) {
      for (Ir.Node i : a.items()) {
        if (isOpen(f, i)) {
          return true;
        }
      }
      return false;
    }
    if (n instanceof Ir.ObjectNode o) {
      for (Ir.Node v : o.values()) {
        if (isOpen(f, v)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Matches a pattern against a ground value, binding its open variables. */
  private boolean match(Frame f, Ir.Node p, Value v, Cont k) {
    if (p instanceof Ir.Local l) {
      Value cur = f.get(l.slot());
      if (cur != null) {
        return !cur.equals(v) || k.run();
      }
      f.bind(l.slot(), v);
      try {
        return k.run();
      } finally {
        f.unbind(l.slot());
      }
    }
    if (p instanceof Ir.ArrayNode a && isOpen(f, a)) {
      if (!(v instanceof ArrayValue av) || av.size() != a.items().size()) {
        return true;
      }
      return matchItems(f, a.items(), av, 0, k);
    }
    if (p instanceof Ir.ObjectNode o && isOpen(f, o)) {
      if (!(v instanceof ObjectValue ov) || ov.size() != o.keys().size()) {
        return true;
      }
      return evalList(f, o.keys(), 0, new Value[o.keys().size()], keys -> {
        Value[] vals = new Value[keys.length];
        for (int i = 0; i < keys.length; i++) {
          vals[i] = ov.get(keys[i]);
          if (vals[i] == null) {
            return true;
          }
        }
        return matchValues(f, o.values(), vals, 0, k);
      });
    }
    return evalTerm(f, p, pv -> !pv.equals(v) || k.run());
  }

  private boolean matchItems(Frame f, List<Ir.Node> ps, ArrayValue av, int i, Cont k) {
    if (i == ps.size()) {
      return k.run();
    }
    return match(f, ps.get(i), av.get(i), () -> matchItems(f, ps, av, i + 1, k));
  }

  private boolean matchValues(Frame f, List<Ir.Node> ps, Value[] vs, int i, Cont k) {
    if (i == ps.size()) {
      return k.run();
    }
    return match(f, ps.get(i), vs[i], () -> matchValues(f, ps, vs, i + 1, k));
  }

  // == terms ===================================================================================

  private interface ListCont {
    boolean accept(Value[] values);
  }

  /** Evaluates each node in turn (each may take several values) and hands on every tuple. */
  private boolean evalList(Frame f, List<Ir.Node> nodes, int i, Value[] acc, ListCont k) {
    if (i == nodes.size()) {
      return k.accept(acc);
    }
    Ir.Node n = nodes.get(i);
    if (n instanceof Ir.Const c) {
      acc[i] = c.value();
      return evalList(f, nodes, i + 1, acc, k);
    }
    return evalTerm(f, n, v -> {
      acc[i] = v;
      return evalList(f, nodes, i + 1, acc, k);
    });
  }

  /**
   * Evaluates call arguments; an argument that is a still-unbound variable waits until the
   * others (which may bind it by iteration, as in {@code x == xs[x]}) have been evaluated.
   */
  private boolean evalArgs(Frame f, List<Ir.Node> args, ListCont k) {
    int open = -1;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i) instanceof Ir.Local l && f.get(l.slot()) == null) {
        open = i;
        break;
      }
    }
    if (open < 0) {
      return evalList(f, args, 0, new Value[args.size()], k);
    }
    List<Ir.Node> reordered = new ArrayList<>(args);
    Ir.Node waiting = reordered.remove(open);
    reordered.add(waiting);
    int pos = open;
    return evalList(f, reordered, 0, new Value[args.size()], vs -> {
      Value[] original = new Value[vs.length];
      for (int i = 0, j = 0; i < vs.length; i++) {
        original[i] = i == pos ? vs[vs.length - 1] : vs[j++];
      }
      return k.accept(original);
    });
  }

  private boolean evalTerm(Frame f, Ir.Node n, ValueCont k) {
    if (n instanceof Ir.Const c) {
      return k.accept(c.value());
    } else if (n instanceof Ir.Local l) {
      Value v = f.get(l.slot());
      if (v == null) {
        throw new RegoException(new RegoError("rego_unsafe_var_error",
            "var " + l.name() + " is unsafe", l.location()));
      }
      return k.accept(v);
    } else if (n instanceof Ir.Ref r) {
      return evalRef(f, r, k);
    } else if (n instanceof Ir.Call c) {
      return evalCall(f, c, k);
    } else if (n instanceof Ir.InputRoot) {
      return scope.input == null || k.accept(scope.input);
    } else if (n instanceof Ir.DataRoot) {
      return evalData(f, List.of(), 0, policy.root(), baseData, new ArrayList<>(), k);
    } else if (n instanceof Ir.ArrayNode a) {
      return evalList(f, a.items(), 0, new Value[a.items().size()],
          vs -> k.accept(ArrayValue.of(vs)));
    } else if (n instanceof Ir.SetNode s) {
      return evalList(f, s.items(), 0, new Value[s.items().size()],
          vs -> k.accept(SetValue.of(vs)));
    } else if (n instanceof Ir.ObjectNode o) {
      return evalList(f, o.keys(), 0, new Value[o.keys().size()],
          ks -> evalList(f, o.values(), 0, new Value[o.values().size()], vs -> {
            ObjectValue.Builder b = ObjectValue.builder();
            for (int i = 0; i < ks.length; i++) {
              b.put(ks[i], vs[i]); // as in OPA, a repeated key keeps its last value
            }
            return k.accept(b.build());
          }));
    } else if (n instanceof Ir.Comprehension c) {
      return k.accept(comprehension(f, c));
    }
    throw new IllegalStateException("unknown node " + n);
  }

  private Value comprehension(Frame f, Ir.Comprehension c) {
    if (c.index() != null && config.optimize()) {
      return indexedComprehension(f, c);
    }
    return evalComprehension(f, c, c.body());
  }

  /** Evaluates the comprehension once per scope for every key, then looks the key up. */
  private Value indexedComprehension(Frame f, Ir.Comprehension c) {
    Ir.ComprehensionIndex index = c.index();
    Map<List<Value>, Value> table = scope.comprehensionCache.get(c);
    if (table == null) {
      table = buildComprehensionTable(f, c);
      scope.comprehensionCache.put(c, table);
    }
    List<Value> key = new ArrayList<>(index.closureSlots().size());
    for (int slot : index.closureSlots()) {
      key.add(f.get(slot));
    }
    Value v = table.get(key);
    if (v != null) {
      return v;
    }
    return switch (c.kind()) {
      case ARRAY -> ArrayValue.EMPTY;
      case SET -> SetValue.EMPTY;
      case OBJECT -> ObjectValue.EMPTY;
    };
  }

  private Map<List<Value>, Value> buildComprehensionTable(Frame f, Ir.Comprehension c) {
    Ir.ComprehensionIndex index = c.index();
    Map<List<Value>, List<Value[]>> groups = new LinkedHashMap<>();
    int[] n = {0};
    depthIn(c.location());
    try {
      evalBody(f, index.body().literals(), 0, () -> {
        List<Value> key = new ArrayList<>(index.keySlots().size());
        for (int slot : index.keySlots()) {
          key.add(f.get(slot));
        }
        List<Value[]> rows = groups.computeIfAbsent(key, x -> new ArrayList<>());
        if (c.key() == null) {
          return evalTerm(f, c.value(), v -> {
            rows.add(new Value[] {v});
            checkSize(++n[0]);
            return true;
          });
        }
        return evalTerm(f, c.key(), kv -> evalTerm(f, c.value(), v -> {
          rows.add(new Value[] {kv, v});
          checkSize(++n[0]);
          return true;
        }));
      });
    } finally {
      depth--;
    }
    Map<List<Value>, Value> table = new HashMap<>();
    groups.forEach((key, rows) -> table.put(key, collect(c, rows)));
    return table;
  }

  private Value collect(Ir.Comprehension c, List<Value[]> rows) {
    switch (c.kind()) {
      case ARRAY -> {
        List<Value> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(r[0]));
        return ArrayValue.of(out);
      }
      case SET -> {
        SetValue.Builder out = SetValue.builder();
        rows.forEach(r -> out.add(r[0]));
        return out.build();
      }
      default -> {
        ObjectValue.Builder out = ObjectValue.builder();
        for (Value[] r : rows) {
          Value prev = out.get(r[0]);
          if (prev != null && !prev.equals(r[1])) {
            throw conflict("object keys must be unique", c.location());
          }
          out.put(r[0], r[1]);
        }
        return out.build();
      }
    }
  }

  private Value evalComprehension(Frame f, Ir.Comprehension c, Ir.Body body) {
    depthIn(c.location());
    try {
      switch (c.kind()) {
        case ARRAY -> {
          List<Value> out = new ArrayList<>();
          evalBody(f, c.body().literals(), 0, () -> evalTerm(f, c.value(), v -> {
            out.add(v);
            checkSize(out.size());
            return true;
          }));
          return ArrayValue.of(out);
        }
        case SET -> {
          SetValue.Builder out = SetValue.builder();
          int[] n = {0};
          evalBody(f, c.body().literals(), 0, () -> evalTerm(f, c.value(), v -> {
            out.add(v);
            checkSize(++n[0]);
            return true;
          }));
          return out.build();
        }
        default -> {
          ObjectValue.Builder out = ObjectValue.builder();
          int[] n = {0};
          evalBody(f, c.body().literals(), 0, () -> evalTerm(f, c.key(), key ->
              evalTerm(f, c.value(), v -> {
                Value prev = out.get(key);
                if (prev != null && !prev.equals(v)) {
                  throw conflict("object keys must be unique", c.location());
                }
                out.put(key, v);
                checkSize(++n[0]);
                return true;
              })));
          return out.build();
        }
      }
    } finally {
      depth--;
    }
  }

  // == references ==============================================================================

  private boolean evalRef(Frame f, Ir.Ref r, ValueCont k) {
    Ir.Node head = r.head();
    if (head instanceof Ir.DataRoot) {
      return evalData(f, r.path(), 0, policy.root(), baseData, new ArrayList<>(), k);
    }
    if (head instanceof Ir.InputRoot) {
      return scope.input == null || walk(f, scope.input, r.path(), 0, k);
    }
    return evalTerm(f, head, hv -> walk(f, hv, r.path(), 0, k));
  }

  /** Walks a ground value along a ref path, iterating where the path has open variables. */
  private boolean walk(Frame f, Value v, List<Ir.Node> path, int i, ValueCont k) {
    if (i == path.size()) {
      return k.accept(v);
    }
    Ir.Node e = path.get(i);
    if (isOpen(f, e)) {
      return forEachMember(v, (key, child) -> match(f, e, key, () -> walk(f, child, path, i + 1,
          k)));
    }
    if (e instanceof Ir.Const c) {
      Value child = child(v, c.value());
      return child == null || walk(f, child, path, i + 1, k);
    }
    return evalTerm(f, e, key -> {
      Value child = child(v, key);
      return child == null || walk(f, child, path, i + 1, k);
    });
  }

  private static Value child(Value v, Value key) {
    if (v instanceof ObjectValue o) {
      return o.get(key);
    }
    if (v instanceof ArrayValue a) {
      if (key instanceof NumberValue n && n.isInt()) {
        int idx = n.intValueExact();
        return idx >= 0 && idx < a.size() ? a.get(idx) : null;
      }
      return null;
    }
    if (v instanceof SetValue s) {
      return s.contains(key) ? key : null;
    }
    return null;
  }

  /**
   * Walks {@code data}: the rule tree and the base document side by side. Where a node defines
   * rules, its whole document is computed (and cached) and the walk continues in the value.
   */
  private boolean evalData(Frame f, List<Ir.Node> path, int i, RuleNode node, Value base,
      List<Value> cur, ValueCont k) {
    Value override = overrideAt(cur);
    if (override != null) {
      return walk(f, override, path, i, k);
    }
    if (node == null && !overrideBelow(cur)) {
      return base == null || walk(f, base, path, i, k);
    }
    if (node != null && (!node.rules().isEmpty() || !node.defaults().isEmpty())) {
      Value doc = document(node, base, cur);
      return doc == null || walk(f, doc, path, i, k);
    }
    if (i == path.size()) {
      Value doc = document(node, base, cur);
      return doc == null || k.accept(doc);
    }
    Ir.Node e = path.get(i);
    if (isOpen(f, e)) {
      Set<Value> keys = new java.util.LinkedHashSet<>();
      if (node != null) {
        for (Map.Entry<Value, RuleNode> c : node.children().entrySet()) {
          if (c.getValue().definesDocuments()) {
            keys.add(c.getKey());
          }
        }
      }
      if (base instanceof ObjectValue bo) {
        keys.addAll(bo.keys());
      } else if (base != null && node == null) {
        return walk(f, base, path, i, k);
      }
      for (Value key : sorted(keys)) {
        boolean more = match(f, e, key, () -> descend(f, path, i, node, base, cur, key, k));
        if (!more) {
          return false;
        }
      }
      return true;
    }
    return evalTerm(f, e, key -> descend(f, path, i, node, base, cur, key, k));
  }

  private static List<Value> sorted(Set<Value> keys) {
    List<Value> l = new ArrayList<>(keys);
    l.sort(null);
    return l;
  }

  private boolean descend(Frame f, List<Ir.Node> path, int i, RuleNode node, Value base,
      List<Value> cur, Value key, ValueCont k) {
    RuleNode child = node == null ? null : node.child(key);
    if (child != null && !child.definesDocuments() && !child.children().isEmpty()) {
      // functions only below: not a document
      child = child.definesDocuments() ? child : null;
    } else if (child != null && !child.definesDocuments()) {
      child = null;
    }
    Value childBase = base instanceof ObjectValue o ? o.get(key) : child(base, key);
    cur.add(key);
    try {
      if (child == null && childBase == null && overrideAt(cur) == null && !overrideBelow(cur)) {
        return true;
      }
      return evalData(f, path, i + 1, child, childBase, cur, k);
    } finally {
      cur.remove(cur.size() - 1);
    }
  }

  private Value overrideAt(List<Value> cur) {
    List<DataOverride> os = scope.dataOverrides;
    for (int i = os.size() - 1; i >= 0; i--) {
      if (os.get(i).path().equals(cur)) {
        return os.get(i).value();
      }
    }
    return null;
  }

  private boolean overrideBelow(List<Value> cur) {
    for (DataOverride o : scope.dataOverrides) {
      if (o.path().size() > cur.size() && o.path().subList(0, cur.size()).equals(cur)) {
        return true;
      }
    }
    return false;
  }

  /** The complete document at a node: rule values, children and base data merged. */
  private Value document(RuleNode node, Value base, List<Value> cur) {
    Value override = overrideAt(cur);
    if (override != null) {
      return override;
    }
    boolean cacheable = node != null && scope.dataOverrides.isEmpty() && config.optimize();
    if (cacheable) {
      Value cached = scope.docCache.get(node);
      if (cached != null) {
        return cached == UNDEFINED ? null : cached;
      }
    }
    Value result = computeDocument(node, base, cur);
    if (cacheable) {
      scope.docCache.put(node, result == null ? UNDEFINED : result);
    }
    return result;
  }

  private Value computeDocument(RuleNode node, Value base, List<Value> cur) {
    if (node == null) {
      return applyOverridesBelow(base, cur);
    }
    Value own = null;
    if (!node.rules().isEmpty() || !node.defaults().isEmpty()) {
      own = ruleDocument(node);
    }
    ObjectValue.Builder b = null;
    for (Map.Entry<Value, RuleNode> c : node.children().entrySet()) {
      if (!c.getValue().definesDocuments()) {
        continue;
      }
      Value childBase = base instanceof ObjectValue o ? o.get(c.getKey()) : null;
      cur.add(c.getKey());
      Value cv;
      try {
        cv = document(c.getValue(), childBase, cur);
      } finally {
        cur.remove(cur.size() - 1);
      }
      if (cv != null) {
        if (b == null) {
          b = ObjectValue.builder();
        }
        b.put(c.getKey(), cv);
      }
    }
    Value merged;
    boolean hasRules = !node.rules().isEmpty() || !node.defaults().isEmpty();
    if (own != null) {
      merged = b == null ? own : mergeDocuments(own, b.build(), node, leafDepth(node));
    } else if (hasRules) {
      merged = b == null ? null : b.build();
    } else if (!node.functions().isEmpty() && node.children().isEmpty()) {
      merged = node.definesDocuments()
          ? computeFunction(node, List.of(), node.functions().get(0).location()) : null;
    } else {
      merged = b == null ? ObjectValue.EMPTY : b.build();
    }
    if (base != null) {
      merged = merged == null ? base : merge(base, merged);
    }
    return applyOverridesBelow(merged, cur);
  }

  private Value applyOverridesBelow(Value v, List<Value> cur) {
    for (DataOverride o : scope.dataOverrides) {
      if (o.path().size() > cur.size() && o.path().subList(0, cur.size()).equals(cur)) {
        v = patch(v, o.path(), cur.size(), o.value());
      }
    }
    return v;
  }

  /** How many keys below a node its rules' values sit (the shortest dynamic head). */
  private static int leafDepth(RuleNode node) {
    int depth = Integer.MAX_VALUE;
    for (CompiledRule r : node.rules()) {
      depth = Math.min(depth, r.keys().size());
    }
    return node.rules().isEmpty() ? 0 : depth;
  }

  /**
   * Merges a node's rule-defined document with its children's documents. Above the rules'
   * leaves objects merge; at a leaf, only equal values or two sets (multi-value rules) combine,
   * anything else is a conflict, as a rule's value cannot be extended by another rule.
   */
  private static Value mergeDocuments(Value a, Value b, RuleNode node, int depth) {
    if (depth <= 0 || !(a instanceof ObjectValue ao) || !(b instanceof ObjectValue bo)) {
      if (a.equals(b)) {
        return a;
      }
      if (depth <= 0 && a instanceof SetValue as && b instanceof SetValue bs) {
        return SetValue.builder().addAll(as.elements()).addAll(bs.elements()).build();
      }
      CompiledRule r = node.rules().isEmpty() ? node.defaults().get(0) : node.rules().get(0);
      throw conflict("object keys must be unique", r.location());
    }
    ObjectValue.Builder out = ObjectValue.builder();
    ao.entries().forEach(out::put);
    for (Map.Entry<Value, Value> e : bo.entries().entrySet()) {
      Value prev = ao.get(e.getKey());
      out.put(e.getKey(), prev == null ? e.getValue()
          : mergeDocuments(prev, e.getValue(), node, depth - 1));
    }
    return out.build();
  }

  /** Deep-merges two objects; for a key in both, objects merge and otherwise the right wins. */
  private static Value merge(Value a, Value b) {
    if (!(a instanceof ObjectValue ao) || !(b instanceof ObjectValue bo)) {
      return b;
    }
    ObjectValue.Builder out = ObjectValue.builder();
    ao.entries().forEach(out::put);
    for (Map.Entry<Value, Value> e : bo.entries().entrySet()) {
      Value prev = ao.get(e.getKey());
      out.put(e.getKey(), prev == null ? e.getValue() : merge(prev, e.getValue()));
    }
    return out.build();
  }

  // == rules ===================================================================================

  private Value ruleDocument(RuleNode node) {
    CompiledRule.Kind kind = node.rules().isEmpty() ? node.defaults().get(0).kind()
        : node.rules().get(0).kind();
    List<CompiledRule> rules = candidates(node);
    depthIn(node.rules().isEmpty() ? node.defaults().get(0).location()
        : node.rules().get(0).location());
    try {
      boolean hasObject = false;
      for (CompiledRule r : node.rules()) {
        hasObject |= !r.keys().isEmpty();
      }
      if (kind == CompiledRule.Kind.SET && !hasObject) {
        return setDocument(rules);
      }
      if (hasObject) {
        return objectDocument(rules);
      }
      Value v = completeValue(rules);
      if (v == null && !node.defaults().isEmpty()) {
        CompiledRule d = node.defaults().get(0);
        Frame f = new Frame(d.frameSize());
        Value[] out = new Value[1];
        evalTerm(f, d.value(), dv -> {
          out[0] = dv;
          return false;
        });
        v = out[0];
      }
      return v;
    } finally {
      depth--;
    }
  }

  /** The rules that can apply now: all of them, or those the node's index selects. */
  private List<CompiledRule> candidates(RuleNode node) {
    RuleIndex index = node.index();
    if (index == null || !config.optimize()) {
      return node.rules();
    }
    Value[] key = new Value[1];
    if (scope.input != null) {
      walk(new Frame(0), scope.input, index.ref().path(), 0, v -> {
        key[0] = v;
        return false;
      });
    }
    return index.candidates(key[0]);
  }

  private Value completeValue(List<CompiledRule> rules) {
    Value[] result = new Value[1];
    Location[] at = new Location[1];
    for (CompiledRule def : rules) {
      for (CompiledRule r = def; r != null; r = r.elseRule()) {
        boolean[] any = {false};
        CompiledRule rule = r;
        Frame f = new Frame(r.frameSize());
        enter(r);
        evalBody(f, r.body().literals(), 0, () -> evalTerm(f, rule.value(), v -> {
          any[0] = true;
          covered(rule);
          if (result[0] != null && !result[0].equals(v)) {
            throw conflict("complete rules must not produce multiple outputs", rule.location());
          }
          result[0] = v;
          at[0] = rule.location();
          return true;
        }));
        leave();
        if (any[0]) {
          break;
        }
      }
    }
    return result[0];
  }

  private Value setDocument(List<CompiledRule> rules) {
    SetValue.Builder out = SetValue.builder();
    int[] n = {0};
    for (CompiledRule r : rules) {
      Frame f = new Frame(r.frameSize());
      enter(r);
      evalBody(f, r.body().literals(), 0, () -> evalTerm(f, r.member(), v -> {
        covered(r);
        out.add(v);
        checkSize(++n[0]);
        return true;
      }));
      leave();
    }
    return out.build();
  }

  /** Entries of object rules, nested by their dynamic keys, with conflict checks. */
  private Value objectDocument(List<CompiledRule> rules) {
    Map<Value, Object> root = new LinkedHashMap<>();
    int[] n = {0};
    for (CompiledRule r : rules) {
      Frame f = new Frame(r.frameSize());
      List<Ir.Node> keyNodes = r.keys();
      boolean isSet = r.kind() == CompiledRule.Kind.SET;
      enter(r);
      evalBody(f, r.body().literals(), 0, () -> evalList(f, keyNodes, 0,
          new Value[keyNodes.size()], keys -> evalTerm(f, isSet ? r.member() : r.value(), v -> {
            covered(r);
            if (isSet) {
              insertMember(root, keys, 0, v, r.location());
            } else {
              insert(root, keys, 0, v, r.location());
            }
            checkSize(++n[0]);
            return true;
          })));
      leave();
    }
    return toObject(root);
  }

  @SuppressWarnings("unchecked")
  private void insert(Map<Value, Object> m, Value[] keys, int i, Value v, Location loc) {
    Value key = keys[i];
    if (i == keys.length - 1) {
      Object prev = m.get(key);
      if (prev == null) {
        m.put(key, v);
      } else if (prev instanceof Value pv) {
        if (!pv.equals(v)) {
          throw conflict("object keys must be unique", loc);
        }
      } else {
        throw conflict("object keys must be unique", loc);
      }
      return;
    }
    Object prev = m.get(key);
    Map<Value, Object> child;
    if (prev == null) {
      child = new LinkedHashMap<>();
      m.put(key, child);
    } else if (prev instanceof Map<?, ?> pm) {
      child = (Map<Value, Object>) pm;
    } else {
      throw conflict("object keys must be unique", loc);
    }
    insert(child, keys, i + 1, v, loc);
  }

  /** Adds a member to the set at a key path, for multi-value rules with ref heads. */
  @SuppressWarnings("unchecked")
  private void insertMember(Map<Value, Object> m, Value[] keys, int i, Value member,
      Location loc) {
    Object prev = m.get(keys[i]);
    if (i == keys.length - 1) {
      if (prev == null) {
        prev = new java.util.LinkedHashSet<Value>();
        m.put(keys[i], prev);
      } else if (!(prev instanceof java.util.Set<?>)) {
        throw conflict("object keys must be unique", loc);
      }
      ((java.util.Set<Value>) prev).add(member);
      return;
    }
    if (prev == null) {
      prev = new LinkedHashMap<Value, Object>();
      m.put(keys[i], prev);
    } else if (!(prev instanceof Map<?, ?>)) {
      throw conflict("object keys must be unique", loc);
    }
    insertMember((Map<Value, Object>) prev, keys, i + 1, member, loc);
  }

  @SuppressWarnings("unchecked")
  private static ObjectValue toObject(Map<Value, Object> m) {
    ObjectValue.Builder b = ObjectValue.builder();
    m.forEach((k, v) -> b.put(k, v instanceof Value val ? val
        : v instanceof java.util.Set<?> set ? SetValue.of((java.util.Set<Value>) set)
        : toObject((Map<Value, Object>) v)));
    return b.build();
  }

  // == calls ===================================================================================

  private boolean evalCall(Frame f, Ir.Call c, ValueCont k) {
    if (c.builtin() != null && c.builtin().name().startsWith("rego.metadata.")
        && currentRule != null && !scope.functionOverrides.containsKey(c.name())) {
      Value md = c.builtin().name().equals("rego.metadata.rule")
          ? Metadata.rule(currentRule) : Metadata.chain(currentRule, policy.modules());
      return c.output() == null ? k.accept(md)
          : match(f, c.output(), md, () -> k.accept(BooleanValue.TRUE));
    }
    if (c.builtin() != null && c.builtin().name().equals("print")) {
      return print(f, c) && (c.output() == null ? k.accept(BooleanValue.TRUE) : true);
    }
    return evalArgs(f, c.args(), args -> {
      List<Value> argList = List.of(args.clone());
      return invoke(c.name(), c.builtin(), c.functionPath(), argList, c.location(), result -> {
        if (c.output() == null) {
          return k.accept(result);
        }
        return match(f, c.output(), result, () -> k.accept(BooleanValue.TRUE));
      });
    });
  }

  private boolean invoke(String name, Builtin builtin, List<Value> fnPath, List<Value> args,
      Location loc, ValueCont k) {
    Ir.With replacement = scope.functionOverrides.get(name);
    if (replacement != null) {
      Value constant = scope.functionValues.get(name);
      if (constant != null) {
        return k.accept(constant);
      }
      Builtin rb = replacement.replacementBuiltin();
      List<Value> rp = replacement.replacementFunction();
      Scope saved = scope;
      // A mock runs against the real functions: it neither calls itself nor other mocks.
      scope = scope.withoutFunctionOverrides();
      try {
        if (rb != null) {
          return callBuiltin(rb, args, loc, k);
        }
        return callFunction(rp, args, loc, k);
      } finally {
        scope = saved;
      }
    }
    if (builtin != null) {
      return callBuiltin(builtin, args, loc, k);
    }
    return callFunction(fnPath, args, loc, k);
  }

  private boolean callBuiltin(Builtin b, List<Value> args, Location loc, ValueCont k) {
    step();
    try {
      b.checkArgumentKinds(args);
      if (b.implementation() instanceof BuiltinFunction fn) {
        Value v = fn.call(this, args);
        return v == null || k.accept(v);
      }
      for (Value v : ((BuiltinRelation) b.implementation()).call(this, args)) {
        if (!k.accept(v)) {
          return false;
        }
      }
      return true;
    } catch (BuiltinException e) {
      if (config.strict()) {
        throw new RegoException(new RegoError(e.code(), b.name() + ": " + e.getMessage(), loc));
      }
      return true;
    } catch (ArithmeticException | IllegalArgumentException | IndexOutOfBoundsException e) {
      if (config.strict()) {
        throw new RegoException(new RegoError(BuiltinException.BUILTIN_ERROR,
            b.name() + ": " + e.getMessage(), loc));
      }
      return true;
    }
  }

  private boolean callFunction(List<Value> path, List<Value> args, Location loc, ValueCont k) {
    RuleNode node = policy.root().find(path);
    if (node == null || node.functions().isEmpty()) {
      return true;
    }
    List<Object> key = new ArrayList<>(args.size() + 1);
    key.add(node);
    key.addAll(args);
    Value cached = config.optimize() ? scope.callCache.get(key) : null;
    if (cached == null) {
      cached = computeFunction(node, args, loc);
      if (config.optimize()) {
        scope.callCache.put(key, cached == null ? UNDEFINED : cached);
      }
    }
    return cached == UNDEFINED || cached == null || k.accept(cached);
  }

  private Value computeFunction(RuleNode node, List<Value> args, Location loc) {
    depthIn(loc);
    try {
      Value[] result = new Value[1];
      CompiledRule dflt = null;
      for (CompiledRule def : node.functions()) {
        if (def.isDefault()) {
          dflt = def;
          continue;
        }
        for (CompiledRule r = def; r != null; r = r.elseRule()) {
          boolean[] any = {false};
          CompiledRule rule = r;
          Frame f = new Frame(r.frameSize());
          enter(r);
          matchArgs(f, rule.args(), args, 0, () -> evalBody(f, rule.body().literals(), 0,
              () -> evalTerm(f, rule.value(), v -> {
                any[0] = true;
                covered(rule);
                if (result[0] != null && !result[0].equals(v)) {
                  throw conflict("functions must not produce multiple outputs for same inputs",
                      rule.location());
                }
                result[0] = v;
                return true;
              })));
          leave();
          if (any[0]) {
            break;
          }
        }
      }
      if (result[0] == null && dflt != null) {
        CompiledRule d = dflt;
        Frame f = new Frame(d.frameSize());
        matchArgs(f, d.args(), args, 0, () -> evalTerm(f, d.value(), v -> {
          result[0] = v;
          return false;
        }));
      }
      return result[0];
    } finally {
      depth--;
    }
  }

  private boolean matchArgs(Frame f, List<Ir.Node> params, List<Value> args, int i, Cont k) {
    if (i == params.size()) {
      return k.run();
    }
    return match(f, params.get(i), args.get(i), () -> matchArgs(f, params, args, i + 1, k));
  }

  private boolean print(Frame f, Ir.Call c) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < c.args().size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      Value[] first = new Value[1];
      try {
        evalTerm(f, c.args().get(i), v -> {
          first[0] = v;
          return false;
        });
      } catch (RegoException e) {
        if (!e.code().startsWith("eval_")) {
          throw e;
        }
      }
      Value v = first[0];
      sb.append(v == null ? "<undefined>" : v instanceof StringValue s ? s.value() : v.toString());
    }
    config.printSink().print(c.location(), sb.toString());
    return true;
  }

  private void covered(CompiledRule r) {
    if (config.coverage() != null) {
      config.coverage().record(r.location());
    }
  }

  private final java.util.ArrayDeque<CompiledRule> ruleStack = new java.util.ArrayDeque<>();

  private void enter(CompiledRule r) {
    if (currentRule != null) {
      ruleStack.push(currentRule);
    }
    currentRule = r;
  }

  /** Restores the enclosing rule; exceptions unwind the whole query, so no finally is needed. */
  private void leave() {
    currentRule = ruleStack.isEmpty() ? null : ruleStack.pop();
  }

  // == limits and errors =======================================================================

  private void step() {
    long s = ++steps;
    if (s > config.limits().maxSteps()) {
      throw new EvalLimitException("eval_limit_error",
          "evaluation exceeded the step budget of " + config.limits().maxSteps());
    }
    if ((s & 1023) == 0 && System.nanoTime() > deadline) {
      throw new EvalLimitException("eval_cancel_error",
          "evaluation exceeded the time limit of " + config.limits().timeout());
    }
  }

  private void depthIn(Location loc) {
    if (++depth > config.limits().maxDepth()) {
      depth--;
      throw new EvalLimitException("eval_limit_error",
          "evaluation exceeded the maximum depth of " + config.limits().maxDepth() + " at "
              + loc);
    }
  }

  private void checkSize(int n) {
    if (n > config.limits().maxCollectionSize()) {
      throw new EvalLimitException("eval_limit_error",
          "a collection exceeded the maximum size of " + config.limits().maxCollectionSize());
    }
  }

  private static RegoException conflict(String message, Location loc) {
    return new RegoException(new RegoError("eval_conflict_error", message, loc));
  }

  // == BuiltinContext ==========================================================================

  @Override
  public Instant now() {
    return config.now();
  }

  @Override
  public boolean strict() {
    return config.strict();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T memo(Object key, Supplier<T> compute) {
    return (T) memo.computeIfAbsent(key, x -> compute.get());
  }

  @Override
  public void checkLimits() {
    step();
  }

  @Override
  public Value runtime() {
    return config.runtime();
  }

  @Override
  public RegoVersion regoVersion() {
    return config.version();
  }

  @Override
  public boolean capabilityEnabled(String capability) {
    return config.capabilities().contains(capability);
  }
}
