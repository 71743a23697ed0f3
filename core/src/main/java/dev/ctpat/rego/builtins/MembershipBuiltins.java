package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import java.util.function.Consumer;

/**
 * The builtins behind language constructs: {@code x in xs} ({@code internal.member_2}),
 * {@code k, v in xs} ({@code internal.member_3}), {@code print} and {@code trace}. The
 * evaluator runs {@code print} itself, since its arguments may be undefined.
 */
final class MembershipBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "internal";

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "internal.member_2",
        Types.fn(Types.BOOLEAN, Types.ANY, Types.ANY),
        (ctx, args) -> BooleanValue.of(contains(args.get(1), args.get(0)))));
    out.accept(Builtin.function(CATEGORY, "internal.member_3",
        Types.fn(Types.BOOLEAN, Types.ANY, Types.ANY, Types.ANY),
        (ctx, args) -> BooleanValue.of(containsEntry(args.get(2), args.get(0), args.get(1)))));
    out.accept(Builtin.function("tracing", "print", Types.variadic(Types.BOOLEAN, Types.ANY),
        (ctx, args) -> BooleanValue.TRUE));
    // The evaluator answers these from the rule being evaluated; the functions here only
    // declare them (and answer for a call outside any rule).
    out.accept(Builtin.function("rego", "rego.metadata.rule", Types.fn(Types.ANY),
        (ctx, args) -> dev.ctpat.rego.value.ObjectValue.EMPTY));
    out.accept(Builtin.function("rego", "rego.metadata.chain",
        Types.fn(Types.arrayOf(Types.ANY)), (ctx, args) -> ArrayValue.EMPTY));
    out.accept(Builtin.function("tracing", "trace", Types.fn(Types.BOOLEAN, Types.STRING),
        (ctx, args) -> BooleanValue.TRUE));
  }

  private static boolean contains(Value coll, Value x) {
    if (coll instanceof SetValue s) {
      return s.contains(x);
    }
    if (coll instanceof ArrayValue a) {
      return a.elements().contains(x);
    }
    if (coll instanceof ObjectValue o) {
      return o.entries().containsValue(x);
    }
    return false;
  }

  private static boolean containsEntry(Value coll, Value key, Value value) {
    if (coll instanceof ObjectValue o) {
      Value v = o.get(key);
      return v != null && v.equals(value);
    }
    if (coll instanceof ArrayValue a) {
      if (key instanceof NumberValue n && n.isInt()) {
        int i = n.intValueExact();
        return i >= 0 && i < a.size() && a.get(i).equals(value);
      }
      return false;
    }
    if (coll instanceof SetValue s) {
      return key.equals(value) && s.contains(value);
    }
    return false;
  }
}
