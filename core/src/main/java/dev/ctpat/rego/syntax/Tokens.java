package dev.ctpat.rego.syntax;

import java.util.Arrays;
import java.util.List;

/**
 * The tokens of one source text, held in parallel arrays so the parser can look ahead and
 * backtrack by index without allocating. The last token is always {@link TokenKind#EOF}; reading
 * past it yields EOF again.
 *
 * <p>Each token records whether whitespace or a comment precedes it and whether a newline does:
 * Rego separates body literals by newlines, and a ref or call continues only when {@code .},
 * {@code [} or {@code (} follows without a space.
 */
final class Tokens {
  /** A {@code #} comment: its position and text after the {@code #}. */
  record Comment(int line, int column, String text) {}

  private static final byte SPACE_BEFORE = 1;
  private static final byte NEWLINE_BEFORE = 2;

  private final TokenKind[] kinds;
  private final int[] lines;
  private final int[] columns;
  private final byte[] flags;
  private final byte[] keywordIds;
  private final Object[] values;
  private final int size;
  private final List<Comment> comments;
  private final int maxNesting;

  private Tokens(Builder b, List<Comment> comments, int maxNesting) {
    this.kinds = b.kinds;
    this.lines = b.lines;
    this.columns = b.columns;
    this.flags = b.flags;
    this.keywordIds = b.keywordIds;
    this.values = b.values;
    this.size = b.size;
    this.comments = List.copyOf(comments);
    this.maxNesting = maxNesting;
  }

  int size() {
    return size;
  }

  TokenKind kind(int i) {
    return kinds[clamp(i)];
  }

  int line(int i) {
    return lines[clamp(i)];
  }

  int column(int i) {
    return columns[clamp(i)];
  }

  boolean spaceBefore(int i) {
    return (flags[clamp(i)] & SPACE_BEFORE) != 0;
  }

  boolean newlineBefore(int i) {
    return (flags[clamp(i)] & NEWLINE_BEFORE) != 0;
  }

  /** The id of the keyword this word spells (active or not), or {@link Keywords#NONE}. */
  int keywordId(int i) {
    return keywordIds[clamp(i)];
  }

  /**
   * The token's value: the text of a word or number, the decoded contents of a string, the
   * reason for an illegal token (null when the character is simply not part of Rego).
   */
  String value(int i) {
    return (String) values[clamp(i)];
  }

  List<Comment> comments() {
    return comments;
  }

  /** The deepest nesting of brackets, braces and parentheses, which bounds parser recursion. */
  int maxNesting() {
    return maxNesting;
  }

  private int clamp(int i) {
    return Math.min(i, size - 1);
  }

  /** Collects tokens as the lexer produces them. */
  static final class Builder {
    private TokenKind[] kinds = new TokenKind[64];
    private int[] lines = new int[64];
    private int[] columns = new int[64];
    private byte[] flags = new byte[64];
    private byte[] keywordIds = new byte[64];
    private Object[] values = new Object[64];
    private int size;

    void add(TokenKind kind, int line, int column, boolean space, boolean newline,
        String value) {
      if (size == kinds.length) {
        grow();
      }
      kinds[size] = kind;
      lines[size] = line;
      columns[size] = column;
      flags[size] = (byte) ((space ? SPACE_BEFORE : 0) | (newline ? NEWLINE_BEFORE : 0));
      keywordIds[size] = (byte) (kind == TokenKind.WORD ? Keywords.idOf(value) : Keywords.NONE);
      values[size] = value;
      size++;
    }

    Tokens build(List<Comment> comments, int maxNesting) {
      return new Tokens(this, comments, maxNesting);
    }

    private void grow() {
      int n = kinds.length * 2;
      kinds = Arrays.copyOf(kinds, n);
      lines = Arrays.copyOf(lines, n);
      columns = Arrays.copyOf(columns, n);
      flags = Arrays.copyOf(flags, n);
      keywordIds = Arrays.copyOf(keywordIds, n);
      values = Arrays.copyOf(values, n);
    }
  }
}
