package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.GraphqlAst.Pos;

/**
 * A failure to lex, parse, decode or validate a GraphQL document: gqlparser's message and, when
 * the offending node has one, its position.
 */
final class GraphqlError extends Exception {
  private final transient Pos pos;

  GraphqlError(String message, Pos pos) {
    super(message, null, false, false);
    this.pos = pos;
  }

  /** The position, or null for nodes without one (trees decoded from objects). */
  Pos pos() {
    return pos;
  }

  /**
   * The error as gqlparser prints it: {@code file:line:column: message}, where the file is
   * "input" for the caller's text, and without line and column when there is no position.
   */
  String describe() {
    if (pos == null) {
      return "input: " + getMessage();
    }
    String file = pos.source().isEmpty() ? "input" : pos.source();
    return file + ":" + pos.line() + ":" + pos.column() + ": " + getMessage();
  }
}
