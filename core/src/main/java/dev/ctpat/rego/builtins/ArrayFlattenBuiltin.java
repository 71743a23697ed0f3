package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * OPA's {@code array.flatten}: the elements of an array with the arrays among them spliced in.
 * Only one level is removed ({@code [1, [2, [3]]]} becomes {@code [1, 2, [3]]}); elements that
 * are not arrays are kept as they are.
 */
final class ArrayFlattenBuiltin implements BuiltinFamily {
  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function("array", "array.flatten",
        Types.fn(Types.ARRAY, Types.ARRAY), ArrayFlattenBuiltin::flatten));
  }

  private static Value flatten(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    ArrayValue array = Operands.array(args, 0);
    List<Value> out = new ArrayList<>(array.size());
    for (Value v : array.elements()) {
      if (v instanceof ArrayValue inner) {
        out.addAll(inner.elements());
      } else {
        out.add(v);
      }
    }
    return ArrayValue.of(out);
  }
}
