package dev.ctpat.rego.builtins;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Lists;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code array.*} builtins: {@code array.concat}, {@code array.slice} and
 * {@code array.reverse}.
 */
final class ArrayBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "array";

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "array.concat",
        Types.fn(Types.ARRAY, Types.ARRAY, Types.ARRAY), (ctx, args) -> ArrayValue.of(
            ImmutableList.<Value>builder()
                .addAll(Operands.array(args, 0).elements())
                .addAll(Operands.array(args, 1).elements())
                .build())));
    out.accept(Builtin.function(CATEGORY, "array.slice",
        Types.fn(Types.ARRAY, Types.ARRAY, Types.NUMBER, Types.NUMBER), ArrayBuiltins::slice));
    out.accept(Builtin.function(CATEGORY, "array.reverse", Types.fn(Types.ARRAY, Types.ARRAY),
        (ctx, args) -> ArrayValue.of(Lists.reverse(Operands.array(args, 0).elements()))));
  }

  /**
   * The elements from index {@code start} up to, not including, {@code stop}. Out-of-range
   * indices are clamped as OPA clamps them: {@code stop} into {@code [0, count]}, then
   * {@code start} into {@code [0, stop]}, so the result is never an error, only possibly empty.
   */
  private static Value slice(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    ArrayValue array = Operands.array(args, 0);
    long start = NumberBuiltins.int64(args, 1);
    long stop = NumberBuiltins.int64(args, 2);
    int to = (int) Math.max(0, Math.min(stop, array.size()));
    int from = (int) Math.max(0, Math.min(start, to));
    return ArrayValue.of(array.elements().subList(from, to));
  }
}
