package dev.ctpat.rego.builtins;

import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.Value;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What a builtin may use of the evaluation it runs in. One context serves one query; it is not
 * shared between threads.
 */
public interface BuiltinContext {
  /** The query's "now": fixed for the whole query, from the configured clock. */
  Instant now();

  /** True when builtin errors are raised rather than turned into undefined. */
  boolean strict();

  /**
   * A value memoized for the rest of this query: the first call computes it, later calls with an
   * equal key return it. Nondeterministic builtins use it so that one query sees one answer
   * (e.g. {@code uuid.rfc4122("k")}).
   */
  <T> T memo(Object key, Supplier<T> compute);

  /**
   * Throws when the query's time or step budget is spent. Builtins that loop over large inputs
   * call it now and then.
   *
   * @throws dev.ctpat.rego.eval.EvalLimitException when a bound is hit
   */
  void checkLimits();

  /** The value {@code opa.runtime()} returns: environment and configuration of the embedder. */
  Value runtime();

  /**
   * Whether the embedding application enabled a capability such as {@code "net"} (network
   * builtins) for this engine. Disabled capabilities make their builtins fail with a clear error.
   */
  boolean capabilityEnabled(String capability);

  /**
   * The Rego version the policy is evaluated in, which decides how {@code rego.parse_module}
   * reads its module text. Contexts that do not know it answer OPA 1.x's default, v1.
   */
  default RegoVersion regoVersion() {
    return RegoVersion.V1;
  }
}
