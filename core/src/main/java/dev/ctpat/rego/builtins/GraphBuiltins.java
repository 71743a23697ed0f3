package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The graph builtins. A graph is an object mapping each node to its neighbours (an array or a
 * set); nodes may be any value. {@code graph.reachable} gives every node reachable from the
 * initial ones; {@code graph.reachable_paths} gives the maximal paths from them.
 *
 * <p>reachable_paths follows current OPA, where each branch of the search keeps its own visited
 * set, so a node reachable along several routes appears on each of them (older OPA releases
 * shared the set between sibling branches and cut such paths short).
 */
final class GraphBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "graph";

  @Override
  public void register(Consumer<Builtin> out) {
    Type nodes = Types.anyOf(Types.arrayOf(Types.ANY), Types.setOf(Types.ANY));
    Type graph = Types.objectOf(Types.ANY, nodes);
    out.accept(Builtin.function(CATEGORY, "graph.reachable",
        Types.fn(Types.setOf(Types.ANY), graph, nodes),
        (ctx, args) -> reachable(Operands.object(args, 0), initial(args))));
    out.accept(Builtin.function(CATEGORY, "graph.reachable_paths",
        Types.fn(Types.setOf(Types.arrayOf(Types.ANY)), graph, nodes),
        (ctx, args) -> reachablePaths(ctx, Operands.object(args, 0), initial(args))));
  }

  private static List<Value> initial(List<Value> args) throws BuiltinException {
    Value v = args.get(1);
    if (!(v instanceof ArrayValue) && !(v instanceof SetValue)) {
      throw BuiltinException.typeError("operand 2 must be {array, set} but got " + v.typeName());
    }
    return neighbours(v);
  }

  /** The members of an edge list; anything but an array or a set has none. */
  private static List<Value> neighbours(Value edges) {
    if (edges instanceof ArrayValue a) {
      return a.elements();
    }
    if (edges instanceof SetValue s) {
      return s.sorted();
    }
    return List.of();
  }

  /** Breadth-first search; a node counts as reached only if it is a key of the graph. */
  private static Value reachable(ObjectValue graph, List<Value> initial) {
    Queue<Value> queue = new ArrayDeque<>(initial);
    Set<Value> reached = new HashSet<>();
    SetValue.Builder out = SetValue.builder();
    while (!queue.isEmpty()) {
      Value node = queue.remove();
      Value edges = graph.get(node);
      if (edges == null || !reached.add(node)) {
        continue;
      }
      out.add(node);
      for (Value n : neighbours(edges)) {
        if (!reached.contains(n)) {
          queue.add(n);
        }
      }
    }
    return out.build();
  }

  private static Value reachablePaths(BuiltinContext ctx, ObjectValue graph, List<Value> initial) {
    SetValue.Builder out = SetValue.builder();
    for (Value node : initial) {
      Value edges = graph.get(node);
      if (edges == null) {
        continue;
      }
      List<Value> next = neighbours(edges);
      if (next.isEmpty()) {
        out.add(ArrayValue.of(node));
      }
      for (Value n : next) {
        extendPath(ctx, graph, n, List.of(node), Set.of(node), out);
      }
    }
    return out.build();
  }

  /**
   * Extends {@code path} with {@code node} and follows its edges. A path ends at a node outside
   * the graph (which is left off), at a node without edges, or before a node already on it.
   */
  private static void extendPath(BuiltinContext ctx, ObjectValue graph, Value node,
      List<Value> path, Set<Value> visited, SetValue.Builder out) {
    ctx.checkLimits();
    Value edges = graph.get(node);
    if (edges == null) {
      out.add(ArrayValue.of(path));
      return;
    }
    List<Value> extended = new ArrayList<>(path);
    extended.add(node);
    List<Value> next = neighbours(edges);
    if (next.isEmpty()) {
      out.add(ArrayValue.of(extended));
      return;
    }
    Set<Value> seen = new HashSet<>(visited);
    seen.add(node);
    for (Value n : next) {
      if (seen.contains(n)) {
        out.add(ArrayValue.of(extended));
      } else {
        extendPath(ctx, graph, n, extended, seen, out);
      }
    }
  }
}
