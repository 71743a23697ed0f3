package dev.ctpat.rego.compile;

import dev.ctpat.rego.api.RegoError;
import dev.ctpat.rego.api.RegoException;
import dev.ctpat.rego.builtins.Builtin;
import dev.ctpat.rego.builtins.BuiltinRegistry;
import dev.ctpat.rego.syntax.Body;
import dev.ctpat.rego.syntax.Expr;
import dev.ctpat.rego.syntax.Literal;
import dev.ctpat.rego.syntax.Location;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.Rule;
import dev.ctpat.rego.syntax.Term;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a set of modules into a {@link CompiledPolicy}: resolves imports and names, builds the
 * rule tree, checks arity of calls, reorders bodies for safety and reports unsafe variables and
 * recursion with OPA's error codes. Collects every error of a compile before failing.
 */
public final class Compiler {
  static final String UNSAFE = "rego_unsafe_var_error";
  static final String RECURSION = "rego_recursion_error";
  static final String TYPE = "rego_type_error";
  static final String COMPILE = "rego_compile_error";

  private final BuiltinRegistry registry;
  private final RuleNode root = new RuleNode(List.of());
  private final List<RegoError> errors = new ArrayList<>();
  /** Names of the first head segment of every rule, per package path. */
  private final Map<List<Value>, Set<String>> ruleNames = new HashMap<>();

  private Compiler(BuiltinRegistry registry) {
    this.registry = registry;
  }

  /**
   * Compiles modules.
   *
   * @throws RegoException with every compile error found
   */
  public static CompiledPolicy compile(List<Module> modules, BuiltinRegistry registry) {
    Compiler c = new Compiler(registry);
    c.run(modules);
    if (!c.errors.isEmpty()) {
      throw new RegoException(c.errors);
    }
    return new CompiledPolicy(modules, c.root, registry);
  }

  private void run(List<Module> modules) {
    for (Module m : modules) {
      Set<String> names = ruleNames.computeIfAbsent(packagePath(m), k -> new HashSet<>());
      for (Rule r : m.rules()) {
        names.add(ruleName(r));
      }
    }
    // Kinds first, so that bodies can tell functions from documents when resolving `with`.
    for (Module m : modules) {
      nodeFor(packagePath(m)).markPackage();
      for (Rule r : m.rules()) {
        declare(m, r);
      }
    }
    List<CompiledRule> compiled = new ArrayList<>();
    Map<RuleNode, List<CompiledRule>> byNode = new LinkedHashMap<>();
    for (Module m : modules) {
      ModuleContext ctx = new ModuleContext(m, packagePath(m), imports(m),
          ruleNames.get(packagePath(m)));
      for (Rule r : m.rules()) {
        CompiledRule cr = compileRuleChain(ctx, r, r);
        if (cr != null) {
          compiled.add(cr);
          byNode.computeIfAbsent(nodeFor(cr.path()), k -> new ArrayList<>()).add(cr);
        }
      }
    }
    for (Map.Entry<RuleNode, List<CompiledRule>> e : byNode.entrySet()) {
      List<CompiledRule> rules = new ArrayList<>();
      List<CompiledRule> defaults = new ArrayList<>();
      List<CompiledRule> functions = new ArrayList<>();
      for (CompiledRule r : e.getValue()) {
        if (r.kind() == CompiledRule.Kind.FUNCTION) {
          functions.add(r);
        } else if (r.isDefault()) {
          defaults.add(r);
        } else {
          rules.add(r);
        }
      }
      checkConflicts(e.getKey(), rules, defaults, functions);
      e.getKey().replaceRules(rules, defaults, functions);
      e.getKey().setIndex(RuleIndex.build(rules));
    }
    if (errors.isEmpty()) {
      new RecursionCheck(root, errors).run();
    }
  }

  private void checkConflicts(RuleNode node, List<CompiledRule> rules,
      List<CompiledRule> defaults, List<CompiledRule> functions) {
    Set<CompiledRule.Kind> kinds = new HashSet<>();
    rules.forEach(r -> kinds.add(r.kind()));
    defaults.forEach(r -> kinds.add(r.kind()));
    if (!functions.isEmpty() && !kinds.isEmpty()) {
      Location loc = functions.get(0).location();
      errors.add(new RegoError(TYPE, "conflicting rules " + dataPath(node.path())
          + " found", loc));
    } else if (kinds.size() > 1 && !(kinds.size() == 2 && kinds.contains(CompiledRule.Kind.OBJECT)
        && kinds.contains(CompiledRule.Kind.COMPLETE))) {
      Location loc = (rules.isEmpty() ? defaults : rules).get(0).location();
      errors.add(new RegoError(TYPE, "conflicting rules " + dataPath(node.path())
          + " found", loc));
    }
    if (defaults.size() > 1) {
      errors.add(new RegoError(TYPE, "multiple default rules " + dataPath(node.path())
          + " found", defaults.get(1).location()));
    }
    if (!functions.isEmpty()) {
      int arity = functions.get(0).args().size();
      for (CompiledRule f : functions) {
        if (f.args().size() != arity) {
          errors.add(new RegoError(TYPE, "function " + dataPath(node.path())
              + " has arity " + arity + " and " + f.args().size(), f.location()));
          break;
        }
      }
    }
  }

  static String dataPath(List<Value> path) {
    StringBuilder sb = new StringBuilder("data");
    for (Value v : path) {
      if (v instanceof StringValue s && isIdentifier(s.value())) {
        sb.append('.').append(s.value());
      } else {
        sb.append('[').append(v).append(']');
      }
    }
    return sb.toString();
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private RuleNode nodeFor(List<Value> path) {
    RuleNode n = root;
    for (Value k : path) {
      n = n.getOrCreate(k);
    }
    return n;
  }

  private void declare(Module m, Rule r) {
    List<Value> path = staticPath(packagePath(m), r);
    nodeFor(path);
    if (r.headKind() == Rule.HeadKind.FUNCTION && r.args() != null) {
      functionArity.putIfAbsent(path, r.args().size());
    }
  }

  /** Arity of every function, by path, known before any body is compiled. */
  private final Map<List<Value>, Integer> functionArity = new HashMap<>();

  /** The arity of the function at {@code path}, or -1 when there is none. */
  int functionArity(List<Value> path) {
    if (adoptedRoot != null) {
      RuleNode n = adoptedRoot.find(path);
      return n == null || n.functions().isEmpty() ? -1 : n.functions().get(0).args().size();
    }
    return functionArity.getOrDefault(path, -1);
  }

  static List<Value> packagePath(Module m) {
    List<Value> p = new ArrayList<>();
    for (Term t : m.packagePath().path()) {
      if (t instanceof Term.Scalar s) {
        p.add(s.value());
      }
    }
    return p;
  }

  private static String ruleName(Rule r) {
    return ((Term.Var) r.head().head()).name();
  }

  /** The rule's static path: package, name, and the leading scalar terms of its head ref. */
  private static List<Value> staticPath(List<Value> pkg, Rule r) {
    List<Value> p = new ArrayList<>(pkg);
    p.add(StringValue.of(ruleName(r)));
    for (Term t : r.head().path()) {
      if (t instanceof Term.Scalar s) {
        p.add(s.value());
      } else {
        break;
      }
    }
    return p;
  }

  private Map<String, Import> imports(Module m) {
    Map<String, Import> out = new HashMap<>();
    for (Module.Import imp : m.imports()) {
      Term.Ref ref = imp.path();
      if (!(ref.head() instanceof Term.Var root)) {
        continue;
      }
      String rootName = root.name();
      if (!rootName.equals("data") && !rootName.equals("input")) {
        continue; // future.keywords and rego.v1 only affect parsing
      }
      List<Value> path = new ArrayList<>();
      for (Term t : ref.path()) {
        if (t instanceof Term.Scalar s) {
          path.add(s.value());
        } else {
          errors.add(new RegoError(COMPILE, "invalid path in import", imp.location()));
        }
      }
      String alias = imp.alias();
      if (alias == null) {
        if (path.isEmpty()) {
          alias = rootName;
        } else if (path.get(path.size() - 1) instanceof StringValue s) {
          alias = s.value();
        } else {
          continue;
        }
      }
      out.put(alias, new Import(rootName.equals("input"), path));
    }
    return out;
  }

  record Import(boolean input, List<Value> path) {}

  record ModuleContext(Module module, List<Value> pkg, Map<String, Import> imports,
      Set<String> ruleNames) {
    boolean isGlobal(String name) {
      return name.equals("input") || name.equals("data") || imports.containsKey(name)
          || ruleNames.contains(name);
    }
  }

  private CompiledRule compileRuleChain(ModuleContext ctx, Rule rule, Rule primary) {
    CompiledRule elseRule = null;
    if (rule.elseRule() != null) {
      elseRule = compileRuleChain(ctx, rule.elseRule(), primary);
    }
    try {
      return new RuleCompiler(this, ctx).compile(rule, primary, elseRule);
    } catch (CompileError e) {
      errors.add(e.error);
      return null;
    }
  }

  /**
   * Compiles a query against this policy. Queries see no package and no imports: they name
   * documents from {@code data} and {@code input}.
   *
   * @throws RegoException for unsafe variables or unknown functions
   */
  static CompiledQuery compileQuery(CompiledPolicy policy, Body query, String source) {
    Compiler c = new Compiler(policy.registry());
    c.adoptTree(policy.root());
    ModuleContext ctx = new ModuleContext(null, List.of(), Map.of(), Set.of());
    try {
      CompiledQuery q = new RuleCompiler(c, ctx).compileQuery(query, source);
      if (!c.errors.isEmpty()) {
        throw new RegoException(c.errors);
      }
      return q;
    } catch (CompileError e) {
      throw new RegoException(e.error);
    }
  }

  private RuleNode adoptedRoot;

  private void adoptTree(RuleNode existing) {
    this.adoptedRoot = existing;
  }

  /** The rule tree used for name classification (the policy's tree when compiling a query). */
  RuleNode tree() {
    return adoptedRoot != null ? adoptedRoot : root;
  }

  Builtin builtin(String name) {
    return registry.lookup(name).orElse(null);
  }

  void error(String code, String message, Location loc) {
    errors.add(new RegoError(code, message, loc));
  }

  /** Aborts compiling one rule. */
  static final class CompileError extends RuntimeException {
    final RegoError error;

    CompileError(String code, String message, Location loc) {
      super(message, null, false, false);
      this.error = new RegoError(code, message, loc);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Compiles one rule (or query): scopes, slots, terms, safety ordering. */
  static final class RuleCompiler {
    private final Compiler compiler;
    private final ModuleContext ctx;
    private int slots;
    /** Slots declared inside each comprehension or every, to tell closures from locals. */
    private final Map<Object, Set<Integer>> nestedLocals = new HashMap<>();

    RuleCompiler(Compiler compiler, ModuleContext ctx) {
      this.compiler = compiler;
      this.ctx = ctx;
    }

    /** A lexical scope: the rule, a comprehension, or an every body. */
    final class Scope {
      final Scope parent;
      final Map<String, Ir.Local> vars = new HashMap<>();
      final Set<Integer> own = new HashSet<>();

      Scope(Scope parent) {
        this.parent = parent;
      }

      Ir.Local lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
          Ir.Local l = s.vars.get(name);
          if (l != null) {
            return l;
          }
        }
        return null;
      }

      Ir.Local declare(String name, Location loc) {
        Ir.Local l = new Ir.Local(slots++, name, name.startsWith("$"), loc);
        vars.put(name, l);
        own.add(l.slot());
        return l;
      }

      Ir.Local fresh(Location loc) {
        Ir.Local l = new Ir.Local(slots++, "$" + slots, true, loc);
        own.add(l.slot());
        return l;
      }
    }

    CompiledRule compile(Rule rule, Rule primary, CompiledRule elseRule) {
      List<Value> path = staticPath(ctx.pkg(), primary);
      Scope scope = new Scope(null);
      // Declarations: function parameters, then locals of the head and body.
      Set<String> declared = new LinkedHashSet<>();
      List<Term> args = primary.args();
      if (args != null) {
        for (Term a : args) {
          scanVars(a, declared);
        }
      }
      Set<String> occurring = new LinkedHashSet<>();
      collectDeclared(rule.body(), declared);
      collectScopeVars(rule.body(), occurring);
      List<Term> headTerms = new ArrayList<>();
      int staticCount = path.size() - ctx.pkg().size() - 1;
      List<Term> dynamicKeys = primary.head().path().subList(staticCount,
          primary.head().path().size());
      headTerms.addAll(dynamicKeys);
      if (rule.key() != null) {
        headTerms.add(rule.key());
      }
      if (rule.value() != null) {
        headTerms.add(rule.value());
      }
      for (Term t : headTerms) {
        scanVars(t, occurring);
      }
      for (String name : declared) {
        if (!name.equals("_")) {
          scope.declare(name, rule.location());
        }
      }
      for (String name : occurring) {
        if (!name.equals("_") && scope.lookup(name) == null && !ctx.isGlobal(name)) {
          scope.declare(name, rule.location());
        }
      }

      Set<Integer> bound = new HashSet<>();
      List<Ir.Node> compiledArgs = null;
      if (args != null) {
        compiledArgs = new ArrayList<>();
        for (Term a : args) {
          Ir.Node n = term(a, scope);
          compiledArgs.add(n);
          bound.addAll(allVars(n));
        }
      }
      Ir.Body body = body(rule.body(), scope, bound);

      CompiledRule.Kind kind;
      if (primary.headKind() == Rule.HeadKind.FUNCTION) {
        kind = CompiledRule.Kind.FUNCTION;
      } else if (primary.headKind() == Rule.HeadKind.CONTAINS) {
        kind = CompiledRule.Kind.SET;
      } else if (dynamicKeys.isEmpty()) {
        kind = CompiledRule.Kind.COMPLETE;
      } else {
        kind = CompiledRule.Kind.OBJECT;
      }
      List<Ir.Node> keys = new ArrayList<>();
      for (Term t : dynamicKeys) {
        keys.add(headTerm(t, scope, bound));
      }
      Ir.Node member = rule.key() == null ? null : headTerm(rule.key(), scope, bound);
      Ir.Node value = rule.value() == null
          ? new Ir.Const(dev.ctpat.rego.value.BooleanValue.TRUE, rule.location())
          : headTerm(rule.value(), scope, bound);
      return new CompiledRule(kind, primary.isDefault(), path, keys, member, value,
          compiledArgs, body, elseRule, slots, rule.location(), rule, ctx.module());
    }

    private Ir.Node headTerm(Term t, Scope scope, Set<Integer> bound) {
      Ir.Node n = term(t, scope);
      Set<Integer> needed = new LinkedHashSet<>(allVars(n));
      needed.removeAll(bound);
      Set<Integer> enumerated = new HashSet<>();
      refOutputs(n, enumerated);
      needed.removeAll(enumerated);
      if (!needed.isEmpty()) {
        throw new CompileError(UNSAFE, "var " + nameOf(scope, needed.iterator().next())
            + " is unsafe", t.location());
      }
      return n;
    }

    CompiledQuery compileQuery(Body query, String source) {
      Scope scope = new Scope(null);
      Set<String> declared = new LinkedHashSet<>();
      collectDeclared(query, declared);
      Set<String> occurring = new LinkedHashSet<>();
      collectScopeVars(query, occurring);
      List<Ir.Local> outputs = new ArrayList<>();
      for (String name : declared) {
        if (!name.equals("_")) {
          scope.declare(name, query.location());
        }
      }
      for (String name : occurring) {
        if (!name.equals("_") && scope.lookup(name) == null && !ctx.isGlobal(name)) {
          scope.declare(name, query.location());
        }
      }
      for (String name : occurring) {
        Ir.Local l = scope.vars.get(name);
        if (l != null && !l.generated()) {
          outputs.add(l);
        }
      }
      for (String name : declared) {
        Ir.Local l = scope.vars.get(name);
        if (l != null && !l.generated() && !outputs.contains(l)) {
          outputs.add(l);
        }
      }
      List<Ir.Literal> inOrder = new ArrayList<>();
      List<String> texts = QueryText.split(source, query.literals());
      List<Ir.Local> captures = new ArrayList<>();
      List<Ir.Literal> checks = new ArrayList<>();
      boolean single = query.literals().size() == 1;
      for (int i = 0; i < query.literals().size(); i++) {
        Ir.Literal lit = literal(query.literals().get(i), scope);
        Ir.Expr expr = lit.expr();
        Ir.Local capture = null;
        if (!lit.negated() && expr instanceof Ir.TermExpr t) {
          // As OPA does, a query's term expressions report their value; only a lone
          // expression without iteration may report false, others must still be true.
          capture = scope.fresh(lit.location());
          generatedSlots.add(capture.slot());
          expr = new Ir.Unify(capture, t.term());
          Set<Integer> iterated = new HashSet<>();
          refOutputs(t.term(), iterated);
          if (!single || !iterated.isEmpty()) {
            checks.add(new Ir.Literal(lit.location(), false, new Ir.TermExpr(capture),
                List.of(), ""));
          }
        }
        captures.add(capture);
        inOrder.add(new Ir.Literal(lit.location(), lit.negated(), expr, lit.withs(),
            texts.get(i)));
      }
      List<Ir.Literal> all = new ArrayList<>(inOrder);
      all.addAll(checks);
      Ir.Body body = reorder(all, new HashSet<>(), scope);
      return new CompiledQuery(body, slots, outputs, inOrder, captures);
    }

    // -- bodies -----------------------------------------------------------------------------

    private Ir.Body body(Body body, Scope scope, Set<Integer> bound) {
      List<Ir.Literal> lits = new ArrayList<>();
      for (Literal lit : body.literals()) {
        lits.add(literal(lit, scope));
      }
      return reorder(lits, bound, scope);
    }

    /** Orders literals so each runs once its inputs are bound; updates {@code bound}. */
    private Ir.Body reorder(List<Ir.Literal> lits, Set<Integer> bound, Scope scope) {
      List<Ir.Literal> remaining = new ArrayList<>(lits);
      List<Ir.Literal> out = new ArrayList<>();
      while (!remaining.isEmpty()) {
        int pick = -1;
        for (int i = 0; i < remaining.size(); i++) {
          if (placeable(remaining.get(i), bound)) {
            pick = i;
            break;
          }
        }
        if (pick < 0) {
          Ir.Literal lit = remaining.get(0);
          Set<Integer> missing = new LinkedHashSet<>(needs(lit));
          missing.removeAll(bound);
          if (missing.isEmpty()) {
            missing.addAll(patternVars(lit));
            missing.removeAll(bound);
          }
          String name = missing.isEmpty() ? "?" : nameOf(scope, missing.iterator().next());
          throw new CompileError(UNSAFE, "var " + name + " is unsafe", lit.location());
        }
        Ir.Literal lit = remaining.remove(pick);
        out.add(lit);
        if (!lit.negated()) {
          bound.addAll(provides(lit));
        }
      }
      return new Ir.Body(out);
    }

    private String nameOf(Scope scope, int slot) {
      for (Scope s = scope; s != null; s = s.parent) {
        for (Ir.Local l : s.vars.values()) {
          if (l.slot() == slot) {
            return l.name();
          }
        }
      }
      return "_";
    }

    private boolean placeable(Ir.Literal lit, Set<Integer> bound) {
      if (!bound.containsAll(needs(lit))) {
        return false;
      }
      if (!lit.negated() && lit.expr() instanceof Ir.Unify u) {
        return unifiable(u.left(), u.right(), bound);
      }
      return true;
    }

    private boolean unifiable(Ir.Node l, Ir.Node r, Set<Integer> bound) {
      boolean lGround = bound.containsAll(patternVarsOf(l));
      boolean rGround = bound.containsAll(patternVarsOf(r));
      if (lGround || rGround) {
        return true;
      }
      if (l instanceof Ir.ArrayNode la && r instanceof Ir.ArrayNode ra
          && la.items().size() == ra.items().size()) {
        Set<Integer> b = new HashSet<>(bound);
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < la.items().size(); i++) {
          pending.add(i);
        }
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
          progress = false;
          for (int k = 0; k < pending.size(); k++) {
            int i = pending.get(k);
            if (unifiable(la.items().get(i), ra.items().get(i), b)) {
              b.addAll(patternVarsOf(la.items().get(i)));
              b.addAll(patternVarsOf(ra.items().get(i)));
              pending.remove(k);
              progress = true;
              break;
            }
          }
        }
        return pending.isEmpty();
      }
      if (l instanceof Ir.ObjectNode lo && r instanceof Ir.ObjectNode ro
          && lo.keys().size() == ro.keys().size()) {
        return true;
      }
      return false;
    }

    private Set<Integer> needs(Ir.Literal lit) {
      Set<Integer> needs = new LinkedHashSet<>();
      if (lit.negated()) {
        Set<Integer> all = new LinkedHashSet<>();
        exprVars(lit.expr(), all);
        for (Integer s : all) {
          if (!generatedSlots.contains(s)) {
            needs.add(s);
          }
        }
      } else {
        exprVars(lit.expr(), needs);
        needs.removeAll(provides(lit));
      }
      for (Ir.With w : lit.withs()) {
        if (w.value() != null) {
          needs.addAll(allVars(w.value()));
        }
      }
      return needs;
    }

    private Set<Integer> patternVars(Ir.Literal lit) {
      Set<Integer> out = new LinkedHashSet<>();
      if (lit.expr() instanceof Ir.Unify u) {
        out.addAll(patternVarsOf(u.left()));
        out.addAll(patternVarsOf(u.right()));
      }
      return out;
    }

    private Set<Integer> provides(Ir.Literal lit) {
      Set<Integer> out = new LinkedHashSet<>();
      Ir.Expr e = lit.expr();
      if (e instanceof Ir.TermExpr t) {
        refOutputs(t.term(), out);
      } else if (e instanceof Ir.Unify u) {
        out.addAll(patternVarsOf(u.left()));
        out.addAll(patternVarsOf(u.right()));
        refOutputs(u.left(), out);
        refOutputs(u.right(), out);
      } else if (e instanceof Ir.SomeIn s) {
        if (s.key() != null) {
          out.addAll(patternVarsOf(s.key()));
          refOutputs(s.key(), out);
        }
        out.addAll(patternVarsOf(s.value()));
        refOutputs(s.value(), out);
        refOutputs(s.domain(), out);
      }
      return out;
    }

    private void exprVars(Ir.Expr e, Set<Integer> out) {
      if (e instanceof Ir.TermExpr t) {
        out.addAll(allVars(t.term()));
      } else if (e instanceof Ir.Unify u) {
        out.addAll(allVars(u.left()));
        out.addAll(allVars(u.right()));
      } else if (e instanceof Ir.SomeIn s) {
        if (s.key() != null) {
          out.addAll(allVars(s.key()));
        }
        out.addAll(allVars(s.value()));
        out.addAll(allVars(s.domain()));
      } else if (e instanceof Ir.Every ev) {
        Set<Integer> inner = new LinkedHashSet<>();
        inner.addAll(allVars(ev.domain()));
        Set<Integer> bodyVars = new LinkedHashSet<>();
        for (Ir.Literal l : ev.body().literals()) {
          exprVars(l.expr(), bodyVars);
          for (Ir.With w : l.withs()) {
            if (w.value() != null) {
              bodyVars.addAll(allVars(w.value()));
            }
          }
        }
        Set<Integer> locals = nestedLocals.getOrDefault(ev, Set.of());
        bodyVars.removeAll(locals);
        inner.addAll(bodyVars);
        out.addAll(inner);
      }
    }

    /** Every local slot a node reads, including closures of nested comprehensions. */
    Set<Integer> allVars(Ir.Node n) {
      Set<Integer> out = new LinkedHashSet<>();
      collectAll(n, out);
      return out;
    }

    private void collectAll(Ir.Node n, Set<Integer> out) {
      if (n instanceof Ir.Local l) {
        out.add(l.slot());
      } else if (n instanceof Ir.Ref r) {
        collectAll(r.head(), out);
        r.path().forEach(p -> collectAll(p, out));
      } else if (n instanceof Ir.ArrayNode a) {
        a.items().forEach(i -> collectAll(i, out));
      } else if (n instanceof Ir.SetNode s) {
        s.items().forEach(i -> collectAll(i, out));
      } else if (n instanceof Ir.ObjectNode o) {
        o.keys().forEach(k -> collectAll(k, out));
        o.values().forEach(v -> collectAll(v, out));
      } else if (n instanceof Ir.Call c) {
        c.args().forEach(a -> collectAll(a, out));
        if (c.output() != null) {
          collectAll(c.output(), out);
        }
      } else if (n instanceof Ir.Comprehension c) {
        Set<Integer> inner = new LinkedHashSet<>();
        if (c.key() != null) {
          collectAll(c.key(), inner);
        }
        collectAll(c.value(), inner);
        for (Ir.Literal l : c.body().literals()) {
          exprVars(l.expr(), inner);
          for (Ir.With w : l.withs()) {
            if (w.value() != null) {
              collectAll(w.value(), inner);
            }
          }
        }
        inner.removeAll(nestedLocals.getOrDefault(c, Set.of()));
        out.addAll(inner);
      } else {
      }
    }

    /** Vars in positions unification can bind: bare vars and members of array/object terms. */
    Set<Integer> patternVarsOf(Ir.Node n) {
      Set<Integer> out = new LinkedHashSet<>();
      collectPattern(n, out);
      return out;
    }

    private void collectPattern(Ir.Node n, Set<Integer> out) {
      if (n instanceof Ir.Local l) {
        out.add(l.slot());
      } else if (n instanceof Ir.ArrayNode a) {
        a.items().forEach(i -> collectPattern(i, out));
      } else if (n instanceof Ir.ObjectNode o) {
        o.values().forEach(v -> collectPattern(v, out));
      }
    }

    /** Vars that evaluating a node can bind by iteration: ref path vars and call outputs. */
    private void refOutputs(Ir.Node n, Set<Integer> out) {
      if (n instanceof Ir.Ref r) {
        refOutputs(r.head(), out);
        for (Ir.Node p : r.path()) {
          if (p instanceof Ir.Local || p instanceof Ir.ArrayNode || p instanceof Ir.ObjectNode) {
            collectPattern(p, out);
          }
          refOutputs(p, out);
        }
      } else if (n instanceof Ir.ArrayNode a) {
        a.items().forEach(i -> refOutputs(i, out));
      } else if (n instanceof Ir.SetNode s) {
        s.items().forEach(i -> refOutputs(i, out));
      } else if (n instanceof Ir.ObjectNode o) {
        o.keys().forEach(k -> refOutputs(k, out));
        o.values().forEach(v -> refOutputs(v, out));
      } else if (n instanceof Ir.Call c) {
        c.args().forEach(a -> refOutputs(a, out));
        if (c.output() != null) {
          collectPattern(c.output(), out);
          refOutputs(c.output(), out);
        }
      } else {
      }
    }

    private final Set<Integer> generatedSlots = new HashSet<>();

    // -- literals ---------------------------------------------------------------------------

    private Ir.Literal literal(Literal lit, Scope scope) {
      Ir.Expr expr;
      if (lit.expr() instanceof Expr.TermExpr t) {
        expr = new Ir.TermExpr(term(t.term(), scope));
      } else if (lit.expr() instanceof Expr.Unify u) {
        expr = new Ir.Unify(term(u.left(), scope), term(u.right(), scope));
      } else if (lit.expr() instanceof Expr.Assign a) {
        checkAssignable(a.left());
        expr = new Ir.Unify(term(a.left(), scope), term(a.right(), scope));
      } else if (lit.expr() instanceof Expr.SomeDecl s) {
        expr = new Ir.Noop();
      } else if (lit.expr() instanceof Expr.SomeIn s) {
        expr = new Ir.SomeIn(s.key() == null ? null : term(s.key(), scope), term(s.value(), scope), term(s.domain(), scope));
      } else {
        expr = every((Expr.Every) lit.expr(), scope, lit.location());
      }
      List<Ir.With> withs = new ArrayList<>();
      for (Literal.With w : lit.withs()) {
        withs.add(with(w, scope));
      }
      return new Ir.Literal(lit.location(), lit.negated(), expr, withs, "");
    }

    private void checkAssignable(Term left) {
      if (left instanceof Term.Ref || left instanceof Term.Call
          || left instanceof Term.SetTerm) {
        throw new CompileError(COMPILE, "cannot assign to " + describe(left), left.location());
      }
    }

    private static String describe(Term t) {
      if (t instanceof Term.Ref r) {
        return "ref";
      } else if (t instanceof Term.Call c) {
        return "call";
      } else if (t instanceof Term.SetTerm s) {
        return "set";
      } else {
        return "term";
      }
    }

    private Ir.Every every(Expr.Every e, Scope outer, Location loc) {
      Ir.Node domain = term(e.domain(), outer);
      Scope scope = new Scope(outer);
      Set<String> declared = new LinkedHashSet<>();
      if (e.key() != null) {
        scanVars(e.key(), declared);
      }
      scanVars(e.value(), declared);
      collectDeclared(e.body(), declared);
      for (String name : declared) {
        if (!name.equals("_")) {
          scope.declare(name, loc);
        }
      }
      Set<String> occurring = new LinkedHashSet<>();
      collectScopeVars(e.body(), occurring);
      declareRest(scope, occurring);
      Ir.Node key = e.key() == null ? null : term(e.key(), scope);
      Ir.Node value = term(e.value(), scope);
      Set<Integer> bound = new HashSet<>(outerSlots(outer));
      if (key != null) {
        bound.addAll(allVars(key));
      }
      bound.addAll(allVars(value));
      Ir.Body body = body(e.body(), scope, bound);
      Ir.Every ev = new Ir.Every(key, value, domain, body);
      Set<Integer> locals = new HashSet<>(scope.own);
      nestedLocals.put(ev, locals);
      return ev;
    }

    private void declareRest(Scope scope, Set<String> occurring) {
      for (String name : occurring) {
        if (!name.equals("_") && scope.lookup(name) == null && !ctx.isGlobal(name)) {
          scope.declare(name, Location.UNKNOWN);
        }
      }
    }

    private Set<Integer> outerSlots(Scope s) {
      Set<Integer> out = new HashSet<>();
      for (Scope p = s; p != null; p = p.parent) {
        out.addAll(p.own);
      }
      return out;
    }

    private Ir.With with(Literal.With w, Scope scope) {
      Term.Ref target = w.target();
      List<String> names = refNames(target);
      if (names != null && (names.get(0).equals("input") || names.get(0).equals("data"))
          && !(scope.lookup(names.get(0)) != null)) {
        boolean isInput = names.get(0).equals("input");
        List<Value> path = new ArrayList<>();
        for (int i = 1; i < names.size(); i++) {
          path.add(StringValue.of(names.get(i)));
        }
        if (!isInput) {
          if (compiler.functionArity(path) >= 0) {
            return functionWith("data." + String.join(".", names.subList(1, names.size())),
                w, scope);
          }
        }
        return new Ir.With(isInput ? Ir.WithKind.INPUT : Ir.WithKind.DATA, path, null,
            term(w.value(), scope), null, null, w.location());
      }
      if (names == null) {
        throw new CompileError(COMPILE, "with keyword target must reference existing input, "
            + "data, or a function", w.location());
      }
      String resolved = resolveFunctionName(names);
      if (resolved == null) {
        throw new CompileError(COMPILE, "with keyword target must reference existing input, "
            + "data, or a function", w.location());
      }
      return functionWith(resolved, w, scope);
    }

    /** True when a with value names a builtin or a function (rather than a value). */
    private boolean namesFunction(Term v) {
      List<String> names = v instanceof Term.Ref r ? refNames(r)
          : v instanceof Term.Var var ? List.of(var.name()) : null;
      if (names == null) {
        return false;
      }
      String target = resolveFunctionName(names);
      return target != null && (!target.startsWith("data.")
          || compiler.functionArity(pathOf(target)) >= 0);
    }

    private Ir.With functionWith(String name, Literal.With w, Scope scope) {
      Term v = w.value();
      List<String> valueNames = v instanceof Term.Ref r ? refNames(r)
          : v instanceof Term.Var var ? List.of(var.name()) : null;
      if (valueNames != null && scope.lookup(valueNames.get(0)) == null && namesFunction(v)) {
        String target = resolveFunctionName(valueNames);
        if (target != null) {
          if (target.startsWith("data.")) {
            return new Ir.With(Ir.WithKind.FUNCTION, null, name, null, null,
                pathOf(target), w.location());
          }
          return new Ir.With(Ir.WithKind.FUNCTION, null, name, null,
              compiler.builtin(target), null, w.location());
        }
      }
      return new Ir.With(Ir.WithKind.FUNCTION, null, name, term(v, scope), null, null,
          w.location());
    }

    private static List<Value> pathOf(String dataName) {
      List<Value> p = new ArrayList<>();
      String[] parts = dataName.split("\\.");
      for (int i = 1; i < parts.length; i++) {
        p.add(StringValue.of(parts[i]));
      }
      return p;
    }

    /** The names of a ref made of a var and string steps, or null. */
    private static List<String> refNames(Term.Ref ref) {
      if (!(ref.head() instanceof Term.Var v)) {
        return null;
      }
      List<String> names = new ArrayList<>();
      names.add(v.name());
      for (Term t : ref.path()) {
        if (t instanceof Term.Scalar s && s.value() instanceof StringValue str) {
          names.add(str.value());
        } else {
          return null;
        }
      }
      return names;
    }

    /**
     * The canonical name of a function: {@code data.pkg.f} for a function rule, the builtin's
     * name for a builtin, or null if there is none.
     */
    private String resolveFunctionName(List<String> names) {
      String first = names.get(0);
      List<Value> path = null;
      if (first.equals("data")) {
        path = new ArrayList<>();
        for (int i = 1; i < names.size(); i++) {
          path.add(StringValue.of(names.get(i)));
        }
      } else if (ctx.imports().containsKey(first) && !ctx.imports().get(first).input()) {
        path = new ArrayList<>(ctx.imports().get(first).path());
        for (int i = 1; i < names.size(); i++) {
          path.add(StringValue.of(names.get(i)));
        }
      } else if (ctx.ruleNames().contains(first)) {
        path = new ArrayList<>(ctx.pkg());
        for (String n : names) {
          path.add(StringValue.of(n));
        }
      }
      if (path != null && compiler.tree().find(path) != null) {
        return dataPath(path);
      }
      String dotted = String.join(".", names);
      if (compiler.builtin(dotted) != null) {
        return dotted;
      }
      return null;
    }

    // -- terms ------------------------------------------------------------------------------

    Ir.Node term(Term t, Scope scope) {
      if (t instanceof Term.Scalar s) {
        return new Ir.Const(s.value(), s.location());
      } else if (t instanceof Term.Var v) {
        return var(v, scope);
      } else if (t instanceof Term.Ref r) {
        return ref(r, scope);
      } else if (t instanceof Term.ArrayTerm a) {
        return fold(new Ir.ArrayNode(terms(a.items(), scope), a.location()));
      } else if (t instanceof Term.SetTerm s) {
        return fold(new Ir.SetNode(terms(s.items(), scope), s.location()));
      } else if (t instanceof Term.ObjectTerm o) {
        List<Ir.Node> keys = new ArrayList<>();
        List<Ir.Node> values = new ArrayList<>();
        for (Term.ObjectItem item : o.items()) {
          keys.add(term(item.key(), scope));
          values.add(term(item.value(), scope));
        }
        return fold(new Ir.ObjectNode(keys, values, o.location()));
      } else if (t instanceof Term.ArrayComprehension c) {
        return comprehension(Ir.ComprehensionKind.ARRAY, null, c.head(), c.body(), scope,
            c.location());
      } else if (t instanceof Term.SetComprehension c) {
        return comprehension(Ir.ComprehensionKind.SET, null, c.head(), c.body(), scope,
            c.location());
      } else if (t instanceof Term.ObjectComprehension c) {
        return comprehension(Ir.ComprehensionKind.OBJECT, c.key(), c.value(), c.body(), scope,
            c.location());
      }
      return call((Term.Call) t, scope);
    }

    private List<Ir.Node> terms(List<Term> ts, Scope scope) {
      List<Ir.Node> out = new ArrayList<>(ts.size());
      for (Term t : ts) {
        out.add(term(t, scope));
      }
      return out;
    }

    private Ir.Node fold(Ir.Node n) {
      return ConstantFolding.fold(n);
    }

    private Ir.Node var(Term.Var v, Scope scope) {
      if (v.isWildcard()) {
        Ir.Local l = scope.fresh(v.location());
        generatedSlots.add(l.slot());
        return l;
      }
      Ir.Local l = scope.lookup(v.name());
      if (l != null) {
        return new Ir.Local(l.slot(), l.name(), l.generated(), v.location());
      }
      return global(v.name(), v.location());
    }

    private Ir.Node global(String name, Location loc) {
      if (name.equals("input")) {
        return new Ir.InputRoot(loc);
      }
      if (name.equals("data")) {
        return new Ir.DataRoot(loc);
      }
      Import imp = ctx.imports().get(name);
      if (imp != null) {
        List<Ir.Node> path = new ArrayList<>();
        imp.path().forEach(p -> path.add(new Ir.Const(p, loc)));
        Ir.Node root = imp.input() ? new Ir.InputRoot(loc) : new Ir.DataRoot(loc);
        return path.isEmpty() ? root : new Ir.Ref(root, path, loc);
      }
      if (ctx.ruleNames().contains(name)) {
        List<Ir.Node> path = new ArrayList<>();
        ctx.pkg().forEach(p -> path.add(new Ir.Const(p, loc)));
        path.add(new Ir.Const(StringValue.of(name), loc));
        return new Ir.Ref(new Ir.DataRoot(loc), path, loc);
      }
      throw new CompileError(UNSAFE, "var " + name + " is unsafe", loc);
    }

    private Ir.Node ref(Term.Ref r, Scope scope) {
      Ir.Node head = term(r.head(), scope);
      List<Ir.Node> path = new ArrayList<>();
      if (head instanceof Ir.Ref hr && (hr.head() instanceof Ir.DataRoot
          || hr.head() instanceof Ir.InputRoot)) {
        path.addAll(hr.path());
        head = hr.head();
      }
      for (Term t : r.path()) {
        path.add(term(t, scope));
      }
      return path.isEmpty() ? head : new Ir.Ref(head, path, r.location());
    }

    private Ir.Node comprehension(Ir.ComprehensionKind kind, Term key, Term value, Body body,
        Scope outer, Location loc) {
      Scope scope = new Scope(outer);
      Set<String> declared = new LinkedHashSet<>();
      collectDeclared(body, declared);
      for (String name : declared) {
        if (!name.equals("_")) {
          scope.declare(name, loc);
        }
      }
      Set<String> occurring = new LinkedHashSet<>();
      collectScopeVars(body, occurring);
      if (key != null) {
        scanVars(key, occurring);
      }
      scanVars(value, occurring);
      declareRest(scope, occurring);
      Set<Integer> bound = new HashSet<>(outerSlots(outer));
      Ir.Body b = body(body, scope, bound);
      Ir.Node k = key == null ? null : term(key, scope);
      Ir.Node v = term(value, scope);
      for (Ir.Node head : key == null ? List.of(v) : List.of(k, v)) {
        Set<Integer> needed = new LinkedHashSet<>(allVars(head));
        needed.removeAll(bound);
        if (!needed.isEmpty()) {
          throw new CompileError(UNSAFE, "var " + nameOf(scope, needed.iterator().next())
              + " is unsafe", head.location());
        }
      }
      Set<Integer> locals = new HashSet<>(scope.own);
      Ir.Comprehension probe = new Ir.Comprehension(kind, k, v, b, null, loc);
      nestedLocals.put(probe, locals);
      Ir.ComprehensionIndex index = comprehensionIndex(probe, locals, scope);
      Ir.Comprehension c = new Ir.Comprehension(kind, k, v, b, index, loc);
      nestedLocals.put(c, locals);
      return c;
    }

    /**
     * An index for a comprehension whose only links to the enclosing body are equalities
     * {@code closure == expr} over its own variables, or null. Such a comprehension is
     * evaluated once per query and its results grouped by {@code expr}, which turns the
     * classic nested-loop join into a lookup.
     */
    private Ir.ComprehensionIndex comprehensionIndex(Ir.Comprehension c, Set<Integer> locals,
        Scope scope) {
      Set<Integer> closure = allVars(c);
      if (closure.isEmpty()) {
        return null;
      }
      Set<Integer> headVars = new HashSet<>(allVars(c.value()));
      if (c.key() != null) {
        headVars.addAll(allVars(c.key()));
      }
      if (!java.util.Collections.disjoint(headVars, closure)) {
        return null;
      }
      List<Integer> closureSlots = new ArrayList<>();
      List<Integer> keySlots = new ArrayList<>();
      List<Ir.Literal> rewritten = new ArrayList<>();
      for (Ir.Literal lit : c.body().literals()) {
        Ir.Node[] sides = equalitySides(lit);
        Ir.Node keyExpr = null;
        Integer closureSlot = null;
        if (sides != null) {
          for (int i = 0; i < 2; i++) {
            Ir.Node var = sides[i];
            Ir.Node other = sides[1 - i];
            if (var instanceof Ir.Local l && closure.contains(l.slot())
                && !closureSlots.contains(l.slot())
                && (other instanceof Ir.Ref || other instanceof Ir.Call)
                && java.util.Collections.disjoint(allVars(other), closure)) {
              closureSlot = l.slot();
              keyExpr = other;
              break;
            }
          }
        }
        if (closureSlot == null) {
          Set<Integer> vars = new HashSet<>();
          exprVars(lit.expr(), vars);
          lit.withs().forEach(w -> {
            if (w.value() != null) {
              vars.addAll(allVars(w.value()));
            }
          });
          if (!java.util.Collections.disjoint(vars, closure)) {
            return null;
          }
          rewritten.add(lit);
          continue;
        }
        Ir.Local key = scope.fresh(lit.location());
        locals.add(key.slot());
        closureSlots.add(closureSlot);
        keySlots.add(key.slot());
        rewritten.add(new Ir.Literal(lit.location(), false, new Ir.Unify(key, keyExpr),
            List.of(), lit.text()));
      }
      if (!closureSlots.containsAll(closure)) {
        return null;
      }
      return new Ir.ComprehensionIndex(closureSlots, keySlots, new Ir.Body(rewritten));
    }

    /** The two sides of {@code a = b} or {@code a == b}, or null for other literals. */
    private static Ir.Node[] equalitySides(Ir.Literal lit) {
      if (lit.negated() || !lit.withs().isEmpty()) {
        return null;
      }
      if (lit.expr() instanceof Ir.Unify u) {
        return new Ir.Node[] {u.left(), u.right()};
      }
      if (lit.expr() instanceof Ir.TermExpr t && t.term() instanceof Ir.Call call
          && call.builtin() != null && call.builtin().name().equals("equal")
          && call.output() == null) {
        return new Ir.Node[] {call.args().get(0), call.args().get(1)};
      }
      return null;
    }

    private Ir.Node call(Term.Call c, Scope scope) {
      List<String> names = refNames(c.operator());
      if (names == null) {
        throw new CompileError(TYPE, "invalid function name", c.location());
      }
      List<Ir.Node> args = terms(c.args(), scope);
      String dotted = String.join(".", names);
      List<Value> fnPath = functionPath(names, scope);
      if (fnPath != null) {
        int arity = compiler.functionArity(fnPath);
        if (arity >= 0) {
          return withOutput(dataPath(fnPath), null, fnPath, args, arity, c.location());
        }
        if (names.get(0).equals("data") || ctx.imports().containsKey(names.get(0))) {
          throw new CompileError(TYPE, "undefined function " + dataPath(fnPath), c.location());
        }
      }
      Builtin b = compiler.builtin(dotted);
      if (b == null) {
        throw new CompileError(TYPE, "undefined function " + dotted, c.location());
      }
      if (b.isVariadic()) {
        return new Ir.Call(b.name(), b, null, args, null, c.location());
      }
      return withOutput(b.name(), b, null, args, b.arity(), c.location());
    }

    private Ir.Node withOutput(String name, Builtin b, List<Value> fnPath, List<Ir.Node> args,
        int arity, Location loc) {
      if (args.size() == arity) {
        return new Ir.Call(name, b, fnPath, args, null, loc);
      }
      if (args.size() == arity + 1) {
        return new Ir.Call(name, b, fnPath, args.subList(0, arity), args.get(arity), loc);
      }
      String msg = args.size() > arity + 1 ? "too many arguments" : "too few arguments";
      throw new CompileError(TYPE, name.startsWith("data.") ? name + ": " + msg
          : name + ": arity mismatch: " + msg + " (expected " + arity + ", got "
          + args.size() + ")", loc);
    }

    /** The data path a call's name refers to, if it can name a function rule. */
    private List<Value> functionPath(List<String> names, Scope scope) {
      String first = names.get(0);
      List<Value> path;
      if (first.equals("data")) {
        path = new ArrayList<>();
      } else if (ctx.imports().containsKey(first) && !ctx.imports().get(first).input()) {
        path = new ArrayList<>(ctx.imports().get(first).path());
      } else if (ctx.ruleNames().contains(first)) {
        path = new ArrayList<>(ctx.pkg());
        path.add(StringValue.of(first));
      } else {
        return null;
      }
      for (int i = 1; i < names.size(); i++) {
        path.add(StringValue.of(names.get(i)));
      }
      return path;
    }

    // -- variable scanning ------------------------------------------------------------------

    /** Names declared in a body's own scope: {@code some}, {@code :=}, {@code some .. in}. */
    private static void collectDeclared(Body body, Set<String> out) {
      for (Literal lit : body.literals()) {
        if (lit.expr() instanceof Expr.SomeDecl s) {
          s.vars().forEach(v -> out.add(v.name()));
        } else if (lit.expr() instanceof Expr.Assign a) {
          scanVars(a.left(), out);
        } else if (lit.expr() instanceof Expr.SomeIn s) {
          if (s.key() != null) {
            scanPatternVars(s.key(), out);
          }
          scanPatternVars(s.value(), out);
        } else {
        }
      }
    }

    private static void scanPatternVars(Term t, Set<String> out) {
      if (t instanceof Term.Var v) {
        out.add(v.name());
      } else if (t instanceof Term.ArrayTerm a) {
        a.items().forEach(i -> scanPatternVars(i, out));
      } else if (t instanceof Term.ObjectTerm o) {
        o.items().forEach(i -> scanPatternVars(i.value(), out));
      } else {
      }
    }

    /** Every var name occurring in a body's own scope (not inside nested scopes). */
    private void collectScopeVars(Body body, Set<String> out) {
      for (Literal lit : body.literals()) {
        if (lit.expr() instanceof Expr.TermExpr t) {
          scanVars(t.term(), out);
        } else if (lit.expr() instanceof Expr.Unify u) {
          scanVars(u.left(), out);
          scanVars(u.right(), out);
        } else if (lit.expr() instanceof Expr.Assign a) {
          scanVars(a.left(), out);
          scanVars(a.right(), out);
        } else if (lit.expr() instanceof Expr.SomeDecl s) {
          s.vars().forEach(v -> out.add(v.name()));
        } else if (lit.expr() instanceof Expr.SomeIn s) {
          if (s.key() != null) {
            scanVars(s.key(), out);
          }
          scanVars(s.value(), out);
          scanVars(s.domain(), out);
        } else if (lit.expr() instanceof Expr.Every e) {
          scanVars(e.domain(), out);
        }
        for (Literal.With w : lit.withs()) {
          if (!namesFunction(w.value())) {
            scanVars(w.value(), out);
          }
        }
      }
    }

    /** Var names in a term, not descending into comprehensions. */
    private static void scanVars(Term t, Set<String> out) {
      if (t instanceof Term.Var v) {
        out.add(v.name());
      } else if (t instanceof Term.Ref r) {
        scanVars(r.head(), out);
        r.path().forEach(p -> scanVars(p, out));
      } else if (t instanceof Term.ArrayTerm a) {
        a.items().forEach(i -> scanVars(i, out));
      } else if (t instanceof Term.SetTerm s) {
        s.items().forEach(i -> scanVars(i, out));
      } else if (t instanceof Term.ObjectTerm o) {
        for (Term.ObjectItem i : o.items()) {
          scanVars(i.key(), out);
          scanVars(i.value(), out);
        }
      } else if (t instanceof Term.Call c) {
        c.args().forEach(a -> scanVars(a, out));
      } else {
      }
    }
  }
}
