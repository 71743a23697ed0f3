package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.GraphqlAst.Pos;
import java.util.Arrays;

/**
 * gqlparser's GraphQL lexer. Positions count code points, as gqlparser counts runes, and keep its
 * quirks: a CRLF line break makes the next line's columns start at 2, and a block string's column
 * is computed against the line it ends on. A malformed token comes back as an {@link Kind#INVALID}
 * token carrying its error, because the parser reports most of them as "Unexpected <Invalid>".
 */
final class GraphqlLexer {
  /** Token kinds, with the text gqlparser prints for them in messages. */
  enum Kind {
    INVALID("<Invalid>"), EOF("<EOF>"), BANG("!"), DOLLAR("$"), AMP("&"), PAREN_L("("),
    PAREN_R(")"), SPREAD("..."), COLON(":"), EQUALS("="), AT("@"), BRACKET_L("["),
    BRACKET_R("]"), BRACE_L("{"), BRACE_R("}"), PIPE("|"), NAME("Name"), INT("Int"),
    FLOAT("Float"), STRING("String"), BLOCK_STRING("BlockString");

    final String text;

    Kind(String text) {
      this.text = text;
    }
  }

  /** A token; {@code error} is set only for {@link Kind#INVALID} tokens. */
  record Token(Kind kind, String value, Pos pos, GraphqlError error) {
    /** As gqlparser prints a token: its kind, then its quoted value if it has one. */
    @Override
    public String toString() {
      return value.isEmpty() ? kind.text : kind.text + " " + SprintfStrconv.quote(value);
    }
  }

  private static final int BYTE_ORDER_MARK = 0xFEFF;

  private final String source;
  private final int[] input;
  private int start;
  private int end;
  private int line = 1;
  private int lineStart;

  /** A lexer over {@code text}; {@code source} names it in positions ("" for the caller's). */
  GraphqlLexer(String source, String text) {
    this.source = source;
    this.input = text.codePoints().toArray();
  }

  /** The next token, skipping white space, commas and comments. */
  Token read() {
    while (true) {
      skipIgnored();
      start = end;
      if (end >= input.length) {
        return token(Kind.EOF, "");
      }
      int c = input[end++];
      switch (c) {
        case '!': return token(Kind.BANG, "");
        case '$': return token(Kind.DOLLAR, "");
        case '&': return token(Kind.AMP, "");
        case '(': return token(Kind.PAREN_L, "");
        case ')': return token(Kind.PAREN_R, "");
        case ':': return token(Kind.COLON, "");
        case '=': return token(Kind.EQUALS, "");
        case '@': return token(Kind.AT, "");
        case '[': return token(Kind.BRACKET_L, "");
        case ']': return token(Kind.BRACKET_R, "");
        case '{': return token(Kind.BRACE_L, "");
        case '}': return token(Kind.BRACE_R, "");
        case '|': return token(Kind.PIPE, "");
        case '#':
          skipComment();
          continue;
        case '.':
          if (lookingAt(end, "..")) {
            end += 2;
            return token(Kind.SPREAD, "");
          }
          break;
        case '"':
          return lookingAt(end, "\"\"") ? readBlockString() : readString();
        default:
          if (isNameStart(c)) {
            return readName();
          }
          if (c == '-' || isDigit(c)) {
            return readNumber();
          }
      }
      end--;
      return unexpectedCharacter(c);
    }
  }

  private Token unexpectedCharacter(int c) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      return error(String.format("Cannot contain the invalid character \"\\u%04d\"", c));
    }
    if (c == '\'') {
      return error("Unexpected single quote character ('), did you mean to use a double quote "
          + "(\")?");
    }
    return error("Cannot parse the unexpected character \"" + firstByteAsChar(c) + "\".");
  }

  private void skipIgnored() {
    while (end < input.length) {
      int c = input[end];
      if (c == '\t' || c == ' ' || c == ',' || c == BYTE_ORDER_MARK) {
        end++;
      } else if (c == '\n') {
        end++;
        newLine();
      } else if (c == '\r') {
        end++;
        // gqlparser starts the line before skipping the LF of a CRLF.
        newLine();
        if (end < input.length && input[end] == '\n') {
          end++;
        }
      } else {
        return;
      }
    }
  }

  private void skipComment() {
    while (end < input.length && (input[end] > 0x1f || input[end] == '\t')) {
      end++;
    }
  }

  private Token readName() {
    while (end < input.length && (isNameStart(input[end]) || isDigit(input[end]))) {
      end++;
    }
    return token(Kind.NAME, text(start, end));
  }

  /** Int: {@code -?(0|[1-9][0-9]*)}; Float adds a fraction and/or an exponent. */
  private Token readNumber() {
    end = start;
    boolean isFloat = false;
    accept('-');
    if (accept('0')) {
      int consumed = acceptDigits();
      if (consumed != 0) {
        end -= consumed;
        return error("Invalid number, unexpected digit after 0: " + describeNext() + ".");
      }
    } else if (acceptDigits() == 0) {
      return error("Invalid number, expected digit but got: " + describeNext() + ".");
    }
    if (accept('.')) {
      isFloat = true;
      if (acceptDigits() == 0) {
        return error("Invalid number, expected digit but got: " + describeNext() + ".");
      }
    }
    if (accept('e') || accept('E')) {
      isFloat = true;
      if (!accept('-')) {
        accept('+');
      }
      if (acceptDigits() == 0) {
        return error("Invalid number, expected digit but got: " + describeNext() + ".");
      }
    }
    return token(isFloat ? Kind.FLOAT : Kind.INT, text(start, end));
  }

  private boolean accept(char c) {
    if (end < input.length && input[end] == c) {
      end++;
      return true;
    }
    return false;
  }

  private int acceptDigits() {
    int from = end;
    while (end < input.length && isDigit(input[end])) {
      end++;
    }
    return end - from;
  }

  private String describeNext() {
    return end < input.length ? "\"" + firstByteAsChar(input[end]) + "\"" : "<EOF>";
  }

  private Token readString() {
    start++;
    StringBuilder decoded = null;
    while (end < input.length) {
      int c = input[end];
      if (c == '\n' || c == '\r') {
        break;
      }
      if (c < 0x20 && c != '\t') {
        return error(String.format("Invalid character within String: \"\\u%04d\".", c));
      }
      if (c == '"') {
        Token t = token(Kind.STRING, decoded == null ? text(start, end) : decoded.toString());
        end++;
        return t;
      }
      if (c != '\\') {
        end++;
        if (decoded != null) {
          decoded.appendCodePoint(c);
        }
        continue;
      }
      if (decoded == null) {
        decoded = new StringBuilder(text(start, end));
      }
      GraphqlError escapeError = readEscape(decoded);
      if (escapeError != null) {
        return invalid(escapeError);
      }
    }
    return error("Unterminated string.");
  }

  /** Decodes the escape sequence at {@code end} into {@code out}; returns its error, if any. */
  private GraphqlError readEscape(StringBuilder out) {
    if (end + 1 >= input.length) {
      end++;
      return errorHere("Invalid character escape sequence.");
    }
    int escape = input[end + 1];
    if (escape == 'u') {
      if (end + 6 >= input.length) {
        end++;
        return errorHere("Invalid character escape sequence: \\" + text(end, input.length) + ".");
      }
      int r = unhex(end + 2);
      if (r < 0) {
        end++;
        return errorHere("Invalid character escape sequence: \\" + text(end, end + 5) + ".");
      }
      // Go writes a lone surrogate as U+FFFD.
      out.appendCodePoint(Character.isSurrogate((char) r) ? 0xFFFD : r);
      end += 6;
      return null;
    }
    switch (escape) {
      case '"', '/', '\\' -> out.append((char) escape);
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      default -> {
        end++;
        return errorHere("Invalid character escape sequence: \\" + firstByteAsChar(escape) + ".");
      }
    }
    end += 2;
    return null;
  }

  private int unhex(int from) {
    int v = 0;
    for (int i = from; i < from + 4; i++) {
      int c = input[i];
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        digit = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        digit = c - 'A' + 10;
      } else {
        return -1;
      }
      v = v * 16 + digit;
    }
    return v;
  }

  private Token readBlockString() {
    start += 3;
    end += 2;
    StringBuilder raw = new StringBuilder();
    while (end < input.length) {
      int c = input[end];
      if (c == '"' && lookingAt(end, "\"\"\"")) {
        Token t = token(Kind.BLOCK_STRING, blockStringValue(raw.toString()));
        end += 3;
        return t;
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return error(String.format("Invalid character within String: \"\\u%04d\".", c));
      }
      if (c == '\\' && lookingAt(end, "\\\"\"\"")) {
        raw.append("\"\"\"");
        end += 4;
      } else if (c == '\r') {
        if (end + 1 < input.length && input[end + 1] == '\n') {
          end++;
        }
        raw.append('\n');
        end++;
        newLine();
      } else {
        raw.appendCodePoint(c);
        end++;
        if (c == '\n') {
          newLine();
        }
      }
    }
    return error("Unterminated string.");
  }

  /**
   * gqlparser's block string value: the smallest indentation of the non-blank lines (the first
   * line included, unlike the spec) is removed from every line but the first, then leading and
   * trailing blank lines are dropped.
   */
  static String blockStringValue(String raw) {
    String[] lines = raw.split("\n", -1);
    int commonIndent = Integer.MAX_VALUE;
    for (String l : lines) {
      int indent = leadingWhitespace(l);
      if (indent < commonIndent) {
        commonIndent = indent;
        if (commonIndent == 0) {
          break;
        }
      }
    }
    if (commonIndent != Integer.MAX_VALUE) {
      for (int i = 1; i < lines.length; i++) {
        lines[i] = lines[i].length() < commonIndent ? "" : lines[i].substring(commonIndent);
      }
    }
    int from = 0;
    int to = lines.length;
    while (from < to && leadingWhitespace(lines[from]) == Integer.MAX_VALUE) {
      from++;
    }
    while (from < to && leadingWhitespace(lines[to - 1]) == Integer.MAX_VALUE) {
      to--;
    }
    return String.join("\n", Arrays.asList(lines).subList(from, to));
  }

  /** The index of the first character other than space or tab; MAX_VALUE for a blank line. */
  private static int leadingWhitespace(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) != ' ' && line.charAt(i) != '\t') {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  private void newLine() {
    line++;
    lineStart = end;
  }

  private boolean lookingAt(int at, String s) {
    if (at + s.length() > input.length) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (input[at + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private String text(int from, int to) {
    return new String(input, from, to - from);
  }

  private Token token(Kind kind, String value) {
    return new Token(kind, value, new Pos(source, line, start - lineStart + 1), null);
  }

  private Token error(String message) {
    return invalid(errorHere(message));
  }

  private Token invalid(GraphqlError error) {
    return new Token(Kind.INVALID, "", error.pos(), error);
  }

  private GraphqlError errorHere(String message) {
    return new GraphqlError(message, new Pos(source, line, end - lineStart + 1));
  }

  private static boolean isNameStart(int c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The character Go prints for the first UTF-8 byte of {@code c}: gqlparser formats single
   * bytes, so a non-ASCII character shows as the Latin-1 reading of its lead byte.
   */
  private static String firstByteAsChar(int c) {
    if (c < 0x80) {
      return Character.toString(c);
    }
    int lead;
    if (c < 0x800) {
      lead = 0xC0 | (c >> 6);
    } else if (c < 0x10000) {
      lead = 0xE0 | (c >> 12);
    } else {
      lead = 0xF0 | (c >> 18);
    }
    return Character.toString(lead);
  }
}
