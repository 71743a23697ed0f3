package dev.ctpat.rego.syntax;

/**
 * A syntax error found while parsing one statement. It unwinds the recursive descent to the
 * statement loop (or to a point that tries another reading of the same tokens), so it carries no
 * stack trace.
 */
final class ParseFailure extends RuntimeException {
  static final String TOO_DEEP = "max parsing recursion depth exceeded";

  private final transient Location location;
  private final int position;
  private final boolean fatal;

  /**
   * @param position the index of the token where parsing failed
   * @param fatal true when no other reading can succeed and parsing must stop altogether (the
   *     nesting limit was hit)
   */
  ParseFailure(Location location, String message, int position, boolean fatal) {
    super(message, null, false, false);
    this.location = location;
    this.position = position;
    this.fatal = fatal;
  }

  int position() {
    return position;
  }

  boolean fatal() {
    return fatal;
  }

  ParseException.SyntaxError toError() {
    return new ParseException.SyntaxError(location, getMessage());
  }
}
