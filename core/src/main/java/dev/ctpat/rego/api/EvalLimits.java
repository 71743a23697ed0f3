package dev.ctpat.rego.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one evaluation. A bound that is hit fails the query with {@code eval_cancel_error}
 * (deadline) or {@code eval_limit_error} (steps, depth, size), never with "undefined".
 *
 * @param timeout wall-clock budget of one query
 * @param maxSteps how many evaluation steps (expressions tried, iterations) one query may take
 * @param maxDepth how deeply rules, functions and comprehensions may nest
 * @param maxCollectionSize the largest array, set, object or string a query may build
 */
public record EvalLimits(Duration timeout, long maxSteps, int maxDepth, int maxCollectionSize) {
  /** Generous defaults for policy evaluation: 10 s, 50 million steps, depth 1,000, 10 million. */
  public static final EvalLimits DEFAULT =
      new EvalLimits(Duration.ofSeconds(10), 50_000_000L, 1_000, 10_000_000);

  public EvalLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive but was " + timeout);
    }
    if (maxSteps <= 0) {
      throw new IllegalArgumentException("maxSteps must be positive but was " + maxSteps);
    }
    if (maxDepth <= 0) {
      throw new IllegalArgumentException("maxDepth must be positive but was " + maxDepth);
    }
    if (maxCollectionSize <= 0) {
      throw new IllegalArgumentException(
          "maxCollectionSize must be positive but was " + maxCollectionSize);
    }
  }

  public EvalLimits withTimeout(Duration t) {
    return new EvalLimits(t, maxSteps, maxDepth, maxCollectionSize);
  }

  public EvalLimits withMaxSteps(long s) {
    return new EvalLimits(timeout, s, maxDepth, maxCollectionSize);
  }

  public EvalLimits withMaxDepth(int d) {
    return new EvalLimits(timeout, maxSteps, d, maxCollectionSize);
  }

  public EvalLimits withMaxCollectionSize(int n) {
    return new EvalLimits(timeout, maxSteps, maxDepth, n);
  }
}
