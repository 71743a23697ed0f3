package dev.ctpat.rego.compile;

import dev.ctpat.rego.api.RegoError;
import dev.ctpat.rego.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds rules that depend on themselves through references or calls, which Rego forbids
 * ({@code rego_recursion_error}).
 */
final class RecursionCheck {
  private final RuleNode root;
  private final List<RegoError> errors;
  private final Map<RuleNode, Set<RuleNode>> edges = new HashMap<>();

  RecursionCheck(RuleNode root, List<RegoError> errors) {
    this.root = root;
    this.errors = errors;
  }

  void run() {
    List<RuleNode> nodes = new ArrayList<>();
    collect(root, nodes);
    for (RuleNode n : nodes) {
      Set<RuleNode> deps = new LinkedHashSet<>();
      for (CompiledRule r : all(n)) {
        for (CompiledRule c = r; c != null; c = c.elseRule()) {
          dependencies(c, deps);
        }
      }
      edges.put(n, deps);
    }
    Map<RuleNode, Integer> state = new HashMap<>();
    for (RuleNode n : nodes) {
      if (!state.containsKey(n)) {
        Deque<RuleNode> stack = new ArrayDeque<>();
        if (visit(n, state, stack)) {
          return;
        }
      }
    }
  }

  private static List<CompiledRule> all(RuleNode n) {
    List<CompiledRule> out = new ArrayList<>(n.rules());
    out.addAll(n.defaults());
    out.addAll(n.functions());
    return out;
  }

  private void collect(RuleNode n, List<RuleNode> out) {
    if (hasRules(n)) {
      out.add(n);
    }
    n.children().values().forEach(c -> collect(c, out));
  }

  private boolean visit(RuleNode n, Map<RuleNode, Integer> state, Deque<RuleNode> stack) {
    state.put(n, 1);
    stack.push(n);
    for (RuleNode d : edges.getOrDefault(n, Set.of())) {
      Integer s = state.get(d);
      if (s == null) {
        if (visit(d, state, stack)) {
          return true;
        }
      } else if (s == 1) {
        report(d, stack);
        return true;
      }
    }
    stack.pop();
    state.put(n, 2);
    return false;
  }

  private void report(RuleNode start, Deque<RuleNode> stack) {
    List<RuleNode> cycle = new ArrayList<>();
    for (RuleNode n : stack) {
      cycle.add(0, n);
      if (n == start) {
        break;
      }
    }
    StringBuilder sb = new StringBuilder("rule " + Compiler.dataPath(start.path())
        + " is recursive: ");
    for (RuleNode n : cycle) {
      sb.append(Compiler.dataPath(n.path())).append(" -> ");
    }
    sb.append(Compiler.dataPath(start.path()));
    CompiledRule first = all(start).get(0);
    errors.add(new RegoError(Compiler.RECURSION, sb.toString(), first.location()));
  }

  private void dependencies(CompiledRule r, Set<RuleNode> out) {
    List<Ir.Node> nodes = new ArrayList<>(r.keys());
    if (r.member() != null) {
      nodes.add(r.member());
    }
    if (r.value() != null) {
      nodes.add(r.value());
    }
    if (r.args() != null) {
      nodes.addAll(r.args());
    }
    for (Ir.Node n : nodes) {
      node(n, out);
    }
    body(r.body(), out);
  }

  private void body(Ir.Body b, Set<RuleNode> out) {
    for (Ir.Literal l : b.literals()) {
      Ir.Expr e = l.expr();
      if (e instanceof Ir.TermExpr t) {
        node(t.term(), out);
      } else if (e instanceof Ir.Unify u) {
        node(u.left(), out);
        node(u.right(), out);
      } else if (e instanceof Ir.SomeIn s) {
        if (s.key() != null) {
          node(s.key(), out);
        }
        node(s.value(), out);
        node(s.domain(), out);
      } else if (e instanceof Ir.Every ev) {
        node(ev.domain(), out);
        body(ev.body(), out);
      }
      for (Ir.With w : l.withs()) {
        if (w.value() != null) {
          node(w.value(), out);
        }
      }
    }
  }

  private void node(Ir.Node n, Set<RuleNode> out) {
    if (n instanceof Ir.Ref r) {
      if (r.head() instanceof Ir.DataRoot) {
        List<Value> prefix = new ArrayList<>();
        for (Ir.Node p : r.path()) {
          if (!(p instanceof Ir.Const c)) {
            break;
          }
          prefix.add(c.value());
        }
        addOverlapping(prefix, out);
      } else {
        node(r.head(), out);
      }
      r.path().forEach(p -> node(p, out));
    } else if (n instanceof Ir.DataRoot) {
      addOverlapping(List.of(), out);
    } else if (n instanceof Ir.ArrayNode a) {
      a.items().forEach(i -> node(i, out));
    } else if (n instanceof Ir.SetNode s) {
      s.items().forEach(i -> node(i, out));
    } else if (n instanceof Ir.ObjectNode o) {
      o.keys().forEach(k -> node(k, out));
      o.values().forEach(v -> node(v, out));
    } else if (n instanceof Ir.Comprehension c) {
      if (c.key() != null) {
        node(c.key(), out);
      }
      node(c.value(), out);
      body(c.body(), out);
    } else if (n instanceof Ir.Call c) {
      if (c.functionPath() != null) {
        addOverlapping(c.functionPath(), out);
      }
      c.args().forEach(a -> node(a, out));
      if (c.output() != null) {
        node(c.output(), out);
      }
    }
  }

  /** Adds the rule nodes on the way to {@code path} and every rule node below it. */
  private void addOverlapping(List<Value> path, Set<RuleNode> out) {
    RuleNode n = root;
    for (Value k : path) {
      if (hasRules(n)) {
        out.add(n);
      }
      n = n.child(k);
      if (n == null) {
        return;
      }
    }
    addBelow(n, out);
  }

  private static boolean hasRules(RuleNode n) {
    return !n.rules().isEmpty() || !n.defaults().isEmpty() || !n.functions().isEmpty();
  }

  private void addBelow(RuleNode n, Set<RuleNode> out) {
    if (hasRules(n)) {
      out.add(n);
    }
    n.children().values().forEach(c -> addBelow(c, out));
  }
}
