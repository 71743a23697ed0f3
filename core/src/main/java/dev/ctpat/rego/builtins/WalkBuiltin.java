package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * {@code walk(x)}: the relation of every {@code [path, value]} pair in {@code x}, in pre-order as
 * OPA produces them: the value itself with path {@code []} first, then its children (arrays by
 * index, objects by sorted key, sets in sorted order with each member as its own key). The pairs
 * are produced lazily, so a caller that stops early does not pay for the whole document.
 */
final class WalkBuiltin implements BuiltinFamily {
  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.relation("graph", "walk",
        Types.fn(Types.tuple(Types.arrayOf(Types.ANY), Types.ANY), Types.ANY),
        (ctx, args) -> () -> new PreOrder(args.get(0))));
  }

  /** A node still to visit: its path from the root and its value. */
  private record Node(List<Value> path, Value value) {}

  /** Depth-first pre-order traversal with an explicit stack of nodes still to visit. */
  private static final class PreOrder implements Iterator<Value> {
    private final Deque<Node> pending = new ArrayDeque<>();

    PreOrder(Value root) {
      pending.push(new Node(List.of(), root));
    }

    @Override
    public boolean hasNext() {
      return !pending.isEmpty();
    }

    @Override
    public Value next() {
      Node n = pending.poll();
      if (n == null) {
        throw new NoSuchElementException();
      }
      pushChildren(n);
      return ArrayValue.of(ArrayValue.of(n.path()), n.value());
    }

    /** Pushes the children last-first, so that the first child is visited next. */
    private void pushChildren(Node n) {
      List<Value> keys = new ArrayList<>();
      List<Value> values = new ArrayList<>();
      Value v = n.value();
      if (v instanceof ArrayValue a) {
        for (int i = 0; i < a.size(); i++) {
          keys.add(NumberValue.of(i));
          values.add(a.get(i));
        }
      } else if (v instanceof ObjectValue o) {
        for (Value k : o.sortedKeys()) {
          keys.add(k);
          values.add(o.get(k));
        }
      } else if (v instanceof SetValue s) {
        keys.addAll(s.sorted());
        values.addAll(s.sorted());
      }
      for (int i = keys.size() - 1; i >= 0; i--) {
        List<Value> path = new ArrayList<>(n.path().size() + 1);
        path.addAll(n.path());
        path.add(keys.get(i));
        pending.push(new Node(path, values.get(i)));
      }
    }
  }
}
