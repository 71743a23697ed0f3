package dev.ctpat.rego.builtins;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builtins over sets of sets, {@code intersection} and {@code union}, and the deprecated
 * {@code set_diff} (which the {@code -} operator replaced). The binary {@code &} and {@code |}
 * operators are in {@link OperatorBuiltins}.
 */
final class SetBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "sets";

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "intersection",
        Types.fn(Types.SET, Types.setOf(Types.SET)), SetBuiltins::intersection));
    out.accept(Builtin.function(CATEGORY, "union",
        Types.fn(Types.SET, Types.setOf(Types.SET)), SetBuiltins::union));
    out.accept(Builtin.function("deprecated", "set_diff",
        Types.fn(Types.SET, Types.SET, Types.SET), (ctx, args) -> SetValue.of(
            Sets.difference(Operands.set(args, 0).elements(), Operands.set(args, 1).elements()))));
  }

  /** The members common to all member sets; empty for no sets. */
  private static Value intersection(BuiltinContext ctx, List<Value> args)
      throws BuiltinException {
    Set<Value> common = null;
    for (Value member : Operands.set(args, 0).sorted()) {
      Set<Value> s = memberSet(member).elements();
      common = common == null ? s : ImmutableSet.copyOf(Sets.intersection(common, s));
    }
    return common == null ? SetValue.EMPTY : SetValue.of(common);
  }

  /** The members of any member set. */
  private static Value union(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    SetValue.Builder all = SetValue.builder();
    for (Value member : Operands.set(args, 0).sorted()) {
      all.addAll(memberSet(member).elements());
    }
    return all.build();
  }

  /** A member of the operand, which must itself be a set; OPA reports it as operand 1. */
  private static SetValue memberSet(Value member) throws BuiltinException {
    if (member instanceof SetValue s) {
      return s;
    }
    throw Operands.typeError(1, member, "set");
  }
}
