package dev.ctpat.rego.eval;

/**
 * Evaluation hit a configured bound (deadline, step budget, recursion depth, result size). Limit
 * errors always surface; they never turn into "undefined".
 */
public final class EvalLimitException extends RuntimeException {
  private final String code;

  public EvalLimitException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** A stable code: {@code eval_cancel_error} for deadlines, {@code eval_limit_error} otherwise. */
  public String code() {
    return code;
  }
}
