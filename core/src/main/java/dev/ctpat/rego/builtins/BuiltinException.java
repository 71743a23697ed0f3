package dev.ctpat.rego.builtins;

/**
 * A builtin's failure. Outside strict mode the evaluator turns it into "undefined", as OPA does;
 * in strict mode it becomes an error with {@link #code()} ({@code eval_type_error} or
 * {@code eval_builtin_error}) and the message prefixed with the builtin's name.
 */
public class BuiltinException extends Exception {
  /** OPA's code for operand type errors. */
  public static final String TYPE_ERROR = "eval_type_error";
  /** OPA's code for other builtin errors. */
  public static final String BUILTIN_ERROR = "eval_builtin_error";

  private final String code;

  public BuiltinException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public BuiltinException(String code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = code;
  }

  /** An {@code eval_builtin_error} with the given message. */
  public static BuiltinException error(String message) {
    return new BuiltinException(BUILTIN_ERROR, message);
  }

  /** An {@code eval_builtin_error} with a formatted message. */
  public static BuiltinException error(String format, Object... args) {
    return new BuiltinException(BUILTIN_ERROR, String.format(format, args));
  }

  /** An {@code eval_type_error} with the given message. */
  public static BuiltinException typeError(String message) {
    return new BuiltinException(TYPE_ERROR, message);
  }

  public String code() {
    return code;
  }
}
