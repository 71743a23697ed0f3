package dev.ctpat.rego.builtins;

import com.google.common.collect.ImmutableSet;
import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The {@code object.*} builtins: {@code object.get}, {@code object.keys}, {@code object.remove},
 * {@code object.filter}, {@code object.union}, {@code object.union_n} and {@code object.subset}.
 * (The {@code json.*} path builtins are in {@link JsonBuiltins}.)
 */
final class ObjectBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "object";
  private static final Type COLLECTION = Types.anyOf(Types.ARRAY, Types.OBJECT, Types.SET);
  /** The keys operand of remove and filter, in the order OPA's message lists the kinds. */
  private static final Type KEYS = Types.anyOf(Types.OBJECT, Types.SET, Types.ARRAY);

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "object.get",
        Types.fn(Types.ANY, Types.OBJECT, Types.ANY, Types.ANY), ObjectBuiltins::get));
    out.accept(Builtin.function(CATEGORY, "object.keys", Types.fn(Types.SET, Types.OBJECT),
        (ctx, args) -> SetValue.of(Operands.object(args, 0).keys())));
    out.accept(Builtin.function(CATEGORY, "object.remove",
        Types.fn(Types.OBJECT, Types.OBJECT, KEYS), (ctx, args) -> {
          Set<Value> keys = keysOperand(args);
          return entriesWhere(Operands.object(args, 0), k -> !keys.contains(k));
        }));
    out.accept(Builtin.function(CATEGORY, "object.filter",
        Types.fn(Types.OBJECT, Types.OBJECT, KEYS), (ctx, args) -> {
          Set<Value> keys = keysOperand(args);
          return entriesWhere(Operands.object(args, 0), keys::contains);
        }));
    out.accept(Builtin.function(CATEGORY, "object.union",
        Types.fn(Types.OBJECT, Types.OBJECT, Types.OBJECT),
        (ctx, args) -> union(Operands.object(args, 0), Operands.object(args, 1))));
    out.accept(Builtin.function(CATEGORY, "object.union_n",
        Types.fn(Types.OBJECT, Types.arrayOf(Types.OBJECT)), ObjectBuiltins::unionAll));
    out.accept(Builtin.function(CATEGORY, "object.subset",
        Types.fn(Types.BOOLEAN, COLLECTION, COLLECTION), ObjectBuiltins::subset));
  }

  /**
   * The value at a key, or at a path of keys if the key is an array (an empty path selects the
   * object itself), or the default if there is none.
   */
  private static Value get(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    ObjectValue object = Operands.object(args, 0);
    Value key = args.get(1);
    Value found = key instanceof ArrayValue path ? find(object, path.elements()) : object.get(key);
    return found != null ? found : args.get(2);
  }

  /** The value reached from {@code root} along {@code path}, or {@code null}. */
  private static Value find(Value root, List<Value> path) {
    Value current = root;
    for (Value step : path) {
      current = child(current, step);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  /** An object's value at a key, an array's element at an index, or a set's member itself. */
  private static Value child(Value parent, Value key) {
    if (parent instanceof ObjectValue o) {
      return o.get(key);
    } else if (parent instanceof ArrayValue a) {
      if (key instanceof NumberValue n && n.isInt()) {
        int i = n.intValueExact();
        return i >= 0 && i < a.size() ? a.get(i) : null;
      }
      return null;
    } else if (parent instanceof SetValue s) {
      return s.contains(key) ? key : null;
    }
    return null;
  }

  /** The keys given as an array, a set, or the keys of an object. */
  private static Set<Value> keysOperand(List<Value> args) throws BuiltinException {
    Value v = args.get(1);
    if (v instanceof ArrayValue a) {
      return ImmutableSet.copyOf(a.elements());
    } else if (v instanceof SetValue s) {
      return s.elements();
    } else if (v instanceof ObjectValue o) {
      return o.keys();
    }
    // OPA lists the expected kinds in this order, unlike its other messages.
    throw BuiltinException.typeError(
        "operand 2 must be one of {object, set, array} but got " + v.typeName());
  }

  private static ObjectValue entriesWhere(ObjectValue object, Predicate<Value> keep) {
    ObjectValue.Builder b = ObjectValue.builder();
    object.entries().forEach((k, v) -> {
      if (keep.test(k)) {
        b.put(k, v);
      }
    });
    return b.build();
  }

  /**
   * {@code base} with the entries of {@code overlay} added; where both have an object at a key,
   * the two objects are merged the same way, otherwise the overlay's value wins.
   */
  private static ObjectValue union(ObjectValue base, ObjectValue overlay) {
    if (base.equals(overlay)) {
      return base;
    }
    ObjectValue.Builder b = ObjectValue.builder();
    base.entries().forEach(b::put);
    overlay.entries().forEach((k, v) -> b.put(k,
        b.get(k) instanceof ObjectValue old && v instanceof ObjectValue update
            ? union(old, update)
            : v));
    return b.build();
  }

  /** The {@link #union} of all objects of the array, later ones taking precedence. */
  private static Value unionAll(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    ArrayValue objects = Operands.array(args, 0);
    List<Value> members = objects.elements();
    // OPA merges back to front, so the last non-object is the one it reports.
    for (int i = members.size() - 1; i >= 0; i--) {
      if (!(members.get(i) instanceof ObjectValue)) {
        throw AggregateBuiltins.elementTypeError(1, objects, members.get(i), "object");
      }
    }
    ObjectValue result = ObjectValue.EMPTY;
    for (Value member : members) {
      result = union(result, (ObjectValue) member);
    }
    return result;
  }

  /**
   * Whether the second operand is contained in the first: an object in an object (recursively,
   * see {@link #objectSubset}), a set in a set, an array as a contiguous run of an array, or a set
   * among an array's elements.
   */
  private static Value subset(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    Value sup = args.get(0);
    Value sub = args.get(1);
    if (sup instanceof ObjectValue a && sub instanceof ObjectValue b) {
      return BooleanValue.of(objectSubset(a, b));
    } else if (sup instanceof SetValue a && sub instanceof SetValue b) {
      return BooleanValue.of(setSubset(a, b));
    } else if (sup instanceof ArrayValue a && sub instanceof ArrayValue b) {
      return BooleanValue.of(arraySubset(a, b));
    } else if (sup instanceof ArrayValue a && sub instanceof SetValue b) {
      return BooleanValue.of(ImmutableSet.copyOf(a.elements()).containsAll(b.elements()));
    }
    throw BuiltinException.typeError(
        "both arguments object.subset must be of the same type or array and set");
  }

  /**
   * Every key of {@code sub} is in {@code sup} with an equal value, or with a value that contains
   * it: an object, set or array value of {@code sub} may be a subset of the matching value.
   */
  private static boolean objectSubset(ObjectValue sup, ObjectValue sub) {
    for (Map.Entry<Value, Value> e : sub.entries().entrySet()) {
      Value inSup = sup.get(e.getKey());
      Value inSub = e.getValue();
      if (inSup == null) {
        return false;
      }
      boolean contained = inSup.equals(inSub)
          || (inSup instanceof ObjectValue a && inSub instanceof ObjectValue b
              && objectSubset(a, b))
          || (inSup instanceof SetValue a && inSub instanceof SetValue b && setSubset(a, b))
          || (inSup instanceof ArrayValue a && inSub instanceof ArrayValue b
              && arraySubset(a, b));
      if (!contained) {
        return false;
      }
    }
    return true;
  }

  private static boolean setSubset(SetValue sup, SetValue sub) {
    return sup.elements().containsAll(sub.elements());
  }

  /** {@code sub} occurs in {@code sup} as a contiguous run; members are compared, not nested. */
  private static boolean arraySubset(ArrayValue sup, ArrayValue sub) {
    return Collections.indexOfSubList(sup.elements(), sub.elements()) >= 0;
  }
}
