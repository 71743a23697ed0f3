package dev.ctpat.rego.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Rego source text into {@link Tokens}, following OPA's scanner: identifiers are ASCII
 * letters, {@code _} and digits; numbers are JSON-like (the sign is a separate token); strings
 * are JSON strings on one line or raw strings in backticks; {@code #} starts a comment. Lines and
 * columns are 1-based and columns count code points.
 *
 * <p>The lexer never fails. Text it cannot read becomes an {@link TokenKind#ILLEGAL} token whose
 * value is OPA's message ({@code non-terminated string}, {@code illegal ! character}, ...), and
 * the parser reports it when it reaches that token.
 */
final class Lexer {
  private static final char BOM = '\uFEFF';

  private final String src;
  private final int length;
  private final Tokens.Builder out = new Tokens.Builder();
  private final List<Tokens.Comment> comments = new ArrayList<>();
  private int index;
  private int line = 1;
  private int column = 1;
  /** The first problem found in the token being scanned, or null. */
  private String error;
  /** The value of the token {@link #scanToken} just read (word text, number text, string). */
  private String tokenValue;
  private int nesting;
  private int maxNesting;

  private Lexer(String src) {
    this.src = src;
    this.length = src.length();
  }

  static Tokens lex(String source) {
    return new Lexer(source).run();
  }

  private Tokens run() {
    if (length > 0 && src.charAt(0) == BOM) {
      index = 1;
    }
    boolean space = false;
    boolean newline = false;
    while (true) {
      int startLine = line;
      int startColumn = column;
      if (index >= length) {
        out.add(TokenKind.EOF, startLine, startColumn, space, newline, null);
        return out.build(comments, maxNesting);
      }
      char c = src.charAt(index);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        newline |= c == '\n';
        space = true;
        advance();
        continue;
      }
      error = null;
      if (c == '#') {
        scanComment();
        space = true;
        if (error == null) {
          continue;
        }
        // As in OPA, a comment holding an invalid character becomes an illegal token.
        out.add(TokenKind.ILLEGAL, startLine, startColumn, space, newline, error);
      } else {
        TokenKind kind = scanToken(c);
        trackNesting(kind);
        if (error != null) {
          out.add(TokenKind.ILLEGAL, startLine, startColumn, space, newline, error);
        } else {
          out.add(kind, startLine, startColumn, space, newline, tokenValue);
        }
      }
      space = false;
      newline = false;
    }
  }

  private TokenKind scanToken(char c) {
    tokenValue = null;
    if (isLetter(c)) {
      return scanWord();
    }
    if (isDecimal(c)) {
      return scanNumber();
    }
    if (c == '"') {
      return scanString();
    }
    if (c == '`') {
      return scanRawString();
    }
    checkCharacter(index);
    advance();
    return switch (c) {
      case '[' -> TokenKind.LBRACK;
      case ']' -> TokenKind.RBRACK;
      case '{' -> TokenKind.LBRACE;
      case '}' -> TokenKind.RBRACE;
      case '(' -> TokenKind.LPAREN;
      case ')' -> TokenKind.RPAREN;
      case ',' -> TokenKind.COMMA;
      case ';' -> TokenKind.SEMICOLON;
      case '.' -> TokenKind.DOT;
      case '+' -> TokenKind.PLUS;
      case '-' -> TokenKind.MINUS;
      case '*' -> TokenKind.MUL;
      case '/' -> TokenKind.DIV;
      case '%' -> TokenKind.REM;
      case '&' -> TokenKind.AND;
      case '|' -> TokenKind.OR;
      case ':' -> followedBy('=') ? TokenKind.ASSIGN : TokenKind.COLON;
      case '=' -> followedBy('=') ? TokenKind.EQUAL : TokenKind.UNIFY;
      case '<' -> followedBy('=') ? TokenKind.LTE : TokenKind.LT;
      case '>' -> followedBy('=') ? TokenKind.GTE : TokenKind.GT;
      case '!' -> {
        if (followedBy('=')) {
          yield TokenKind.NEQ;
        }
        fail("illegal ! character");
        yield TokenKind.ILLEGAL;
      }
      case '$' -> {
        fail("illegal $ character");
        yield TokenKind.ILLEGAL;
      }
      default -> TokenKind.ILLEGAL;
    };
  }

  private void trackNesting(TokenKind kind) {
    switch (kind) {
      case LBRACK, LBRACE, LPAREN -> maxNesting = Math.max(maxNesting, ++nesting);
      case RBRACK, RBRACE, RPAREN -> nesting = Math.max(0, nesting - 1);
      default -> { }
    }
  }

  /** Consumes {@code next} if it is the current character. */
  private boolean followedBy(char next) {
    if (index < length && src.charAt(index) == next) {
      advance();
      return true;
    }
    return false;
  }

  private TokenKind scanWord() {
    int start = index;
    while (index < length) {
      char c = src.charAt(index);
      if (isLetter(c) || isDecimal(c)) {
        index++;
        column++;
      } else if (c >= 0x80 && Character.isDigit(src.codePointAt(index))) {
        advance();
      } else {
        break;
      }
    }
    tokenValue = src.substring(start, index);
    return TokenKind.WORD;
  }

  private TokenKind scanNumber() {
    int start = index;
    skipDigits();
    if (at('.')) {
      advance();
      if (skipDigits() == 0) {
        fail("expected fraction");
      }
    }
    if (at('e') || at('E')) {
      advance();
      if (at('+') || at('-')) {
        advance();
      }
      if (skipDigits() == 0) {
        fail("expected exponent");
      }
    }
    // Like OPA, swallow letters glued to the number so "0a2b" is one bad token, not two.
    if (index < length && isLetter(src.charAt(index))) {
      fail("illegal number format");
      scanWord();
    }
    tokenValue = src.substring(start, index);
    return TokenKind.NUMBER;
  }

  private int skipDigits() {
    int start = index;
    while (index < length && isDecimal(src.charAt(index))) {
      index++;
      column++;
    }
    return index - start;
  }

  private TokenKind scanString() {
    int literalStart = index;
    advance();
    int contentStart = index;
    int contentEnd;
    StringBuilder decoded = null;
    boolean badUnicodeEscape = false;
    while (true) {
      if (index >= length || src.charAt(index) == '\n') {
        fail("non-terminated string");
        contentEnd = index;
        break;
      }
      char c = src.charAt(index);
      if (c == '"') {
        contentEnd = index;
        advance();
        break;
      }
      if (c == '\\') {
        if (decoded == null) {
          decoded = new StringBuilder(index - contentStart + 16).append(src, contentStart, index);
        }
        advance();
        badUnicodeEscape |= !scanEscape(decoded);
        continue;
      }
      checkCharacter(index);
      int from = index;
      advance();
      if (decoded != null) {
        decoded.append(src, from, index);
      }
    }
    if (badUnicodeEscape) {
      fail("illegal string literal: " + src.substring(literalStart, index));
    }
    tokenValue = decoded != null ? decoded.toString() : src.substring(contentStart, contentEnd);
    return TokenKind.STRING;
  }

  /**
   * Decodes the escape after a backslash into {@code sb}. Returns false for a malformed
   * {@code \\u} escape. Lone UTF-16 surrogates decode to U+FFFD, as Go's JSON decoder does.
   */
  private boolean scanEscape(StringBuilder sb) {
    if (index >= length) {
      return true;
    }
    char c = src.charAt(index);
    switch (c) {
      case '"', '\\', '/' -> sb.append(c);
      case 'b' -> sb.append('\b');
      case 'f' -> sb.append('\f');
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      case 't' -> sb.append('\t');
      case 'u' -> {
        advance();
        return scanUnicodeEscape(sb);
      }
      default -> {
        // OPA reports the bad escape and leaves the character to be read as content.
        fail("illegal escape sequence");
        return true;
      }
    }
    advance();
    return true;
  }

  private boolean scanUnicodeEscape(StringBuilder sb) {
    int unit = hex4();
    if (unit < 0) {
      return false;
    }
    if (Character.isHighSurrogate((char) unit) && src.startsWith("\\u", index)) {
      int save = index;
      int saveColumn = column;
      index += 2;
      column += 2;
      int low = hex4();
      if (low >= 0 && Character.isLowSurrogate((char) low)) {
        sb.append((char) unit).append((char) low);
        return true;
      }
      index = save;
      column = saveColumn;
    }
    sb.append(Character.isSurrogate((char) unit) ? '\uFFFD' : (char) unit);
    return true;
  }

  /** Reads four hex digits, or returns -1 (consuming nothing) if they are not there. */
  private int hex4() {
    if (index + 4 > length) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(src.charAt(index + i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    index += 4;
    column += 4;
    return value;
  }

  private TokenKind scanRawString() {
    advance();
    int contentStart = index;
    while (true) {
      if (index >= length) {
        fail("non-terminated string");
        tokenValue = src.substring(contentStart);
        return TokenKind.STRING;
      }
      if (src.charAt(index) == '`') {
        tokenValue = src.substring(contentStart, index);
        advance();
        return TokenKind.STRING;
      }
      checkCharacter(index);
      advance();
    }
  }

  private void scanComment() {
    int commentLine = line;
    int commentColumn = column;
    advance();
    int start = index;
    while (index < length && src.charAt(index) != '\n') {
      checkCharacter(index);
      advance();
    }
    int end = index > start && src.charAt(index - 1) == '\r' ? index - 1 : index;
    comments.add(new Tokens.Comment(commentLine, commentColumn, src.substring(start, end)));
  }

  /** Notes characters OPA rejects anywhere: NUL, invalid UTF-16 and a misplaced BOM. */
  private void checkCharacter(int i) {
    char c = src.charAt(i);
    if (c == 0) {
      fail("illegal null character");
    } else if (c == BOM) {
      fail("illegal byte-order mark");
    } else if (Character.isSurrogate(c)
        && !(Character.isHighSurrogate(c) && i + 1 < length
            && Character.isLowSurrogate(src.charAt(i + 1)))) {
      fail("illegal utf-8 character");
    }
  }

  private boolean at(char c) {
    return index < length && src.charAt(index) == c;
  }

  /** Moves past one code point, keeping line and column up to date. */
  private void advance() {
    char c = src.charAt(index++);
    if (c == '\n') {
      line++;
      column = 1;
      return;
    }
    if (Character.isHighSurrogate(c) && index < length
        && Character.isLowSurrogate(src.charAt(index))) {
      index++;
    }
    column++;
  }

  private void fail(String message) {
    if (error == null) {
      error = message;
    }
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isDecimal(char c) {
    return c >= '0' && c <= '9';
  }
}
