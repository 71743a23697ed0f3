package dev.ctpat.rego.builtins;

import dev.ctpat.rego.value.Value;
import java.util.List;

/** A builtin that maps ground arguments to at most one value. */
@FunctionalInterface
public non-sealed interface BuiltinFunction extends Builtin.Implementation {
  /**
   * Computes the result.
   *
   * @param ctx the evaluation context (clock, caches, limits)
   * @param args the arguments, already checked against the declared kinds
   * @return the result, or {@code null} when the result is undefined
   * @throws BuiltinException for a type or domain error, reported per OPA's strict setting
   */
  Value call(BuiltinContext ctx, List<Value> args) throws BuiltinException;
}
