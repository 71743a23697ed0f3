package dev.ctpat.rego.syntax;

/**
 * The kinds of Rego tokens. Every identifier-like word is a {@link #WORD}; whether a word is a
 * keyword depends on the module's Rego version and imports, so the parser decides that.
 *
 * <p>The display names are OPA's token names, used in {@code unexpected X token} messages. For
 * the binary operators the display name is also the builtin the operator calls, and the
 * precedence orders them (higher binds tighter; 0 for tokens that are not binary operators).
 */
enum TokenKind {
  EOF("eof"),
  WORD("identifier"),
  NUMBER("number"),
  STRING("string"),
  /** A character or literal the lexer could not read; the token's value holds the reason. */
  ILLEGAL("illegal"),
  LBRACK("["),
  RBRACK("]"),
  LBRACE("{"),
  RBRACE("}"),
  LPAREN("("),
  RPAREN(")"),
  COMMA(","),
  COLON(":"),
  SEMICOLON(";"),
  DOT("."),
  UNIFY("eq"),
  ASSIGN("assign"),
  EQUAL("equal", 1),
  NEQ("neq", 1),
  LT("lt", 1),
  LTE("lte", 1),
  GT("gt", 1),
  GTE("gte", 1),
  OR("or", 2),
  AND("and", 3),
  PLUS("plus", 4),
  MINUS("minus", 4),
  MUL("mul", 5),
  DIV("div", 5),
  REM("rem", 5);

  final String display;
  final int precedence;

  TokenKind(String display) {
    this(display, 0);
  }

  TokenKind(String display, int precedence) {
    this.display = display;
    this.precedence = precedence;
  }

  boolean isBinaryOperator() {
    return precedence > 0;
  }
}
