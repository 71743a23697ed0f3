package dev.ctpat.rego.builtins;

import dev.ctpat.rego.value.Value;
import java.util.List;

/** A builtin that maps ground arguments to any number of values, enumerated by the caller. */
@FunctionalInterface
public non-sealed interface BuiltinRelation extends Builtin.Implementation {
  /**
   * Computes every result.
   *
   * @return the results, in a deterministic order
   * @throws BuiltinException for a type or domain error
   */
  Iterable<Value> call(BuiltinContext ctx, List<Value> args) throws BuiltinException;
}
