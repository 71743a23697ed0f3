package dev.ctpat.rego.builtins;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.re2j.Pattern;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A glob with the syntax and semantics of gobwas/glob (v0.2.3), which OPA's {@code glob.match}
 * uses, compiled to an equivalent RE2/J expression for linear-time matching.
 *
 * <ul>
 *   <li>{@code *}: any run of characters other than the delimiters;
 *   <li>{@code **}: any run of characters;
 *   <li>{@code ?}: one character other than a delimiter;
 *   <li>{@code [abc]}, {@code [a-z]}, {@code [!abc]}, {@code [!a-z]}: one character in (or not
 *       in) a list or a single range, delimiters included;
 *   <li>{@code {a,b*,c}}: any of the alternatives, which may nest;
 *   <li>{@code \}: the next character literally.
 * </ul>
 *
 * <p>Outside braces <code>,</code> and <code>&#125;</code> are literal, and so is <code>]</code>
 * outside a class. gobwas/glob's parsing quirks are kept: an unclosed <code>&#123;</code> is
 * closed at the end of the pattern, a trailing <code>\</code> is dropped, a NUL character may end
 * the pattern early (it is gobwas/glob's end-of-input marker), and U+FFFD cannot be read.
 * Malformed classes fail with gobwas/glob's messages. Matching follows the syntax exactly; it
 * does not reproduce bugs of gobwas/glob's optimized matchers.
 */
final class GlobPattern {
  private static final int CACHE_SIZE = 200;
  private static final Cache<Key, Pattern> CACHE =
      CacheBuilder.newBuilder().maximumSize(CACHE_SIZE).build();

  private GlobPattern() {}

  private record Key(String glob, List<Integer> delimiters) {}

  /** True when the whole of {@code text} matches the glob. */
  static boolean matches(String glob, List<Integer> delimiters, String text)
      throws BuiltinException {
    Key key = new Key(glob, delimiters);
    Pattern p = CACHE.getIfPresent(key);
    if (p == null) {
      p = Pattern.compile(new Translator(glob, delimiters).translate());
      CACHE.put(key, p);
    }
    return p.matches(text);
  }

  /** Escapes the glob's special characters: <code>* ? \ [ ] &#123; &#125;</code>. */
  static String quoteMeta(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("*?\\[]{}".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private enum Kind {
    EOF, ERROR, TEXT, ANY, SUPER, SINGLE, NOT, SEPARATOR, RANGE_OPEN, RANGE_CLOSE, RANGE_LO,
    RANGE_HI, RANGE_BETWEEN, TERMS_OPEN, TERMS_CLOSE
  }

  private record Token(Kind kind, String data) {}

  /** gobwas/glob's lexer and parser, producing the expression as it parses. */
  private static final class Translator {
    /** gobwas/glob reads a NUL, like the end of the input, as code point 0. */
    private static final int EOF = 0;

    private final int[] input;
    private final String anyChar;
    private final Deque<Token> pending = new ArrayDeque<>();
    private int pos;
    private int lastWidth;
    private String error;
    private int termsLevel;

    Translator(String glob, List<Integer> delimiters) {
      this.input = glob.codePoints().toArray();
      this.anyChar = delimiters.isEmpty() ? "." : "[^" + delimiters.stream()
          .map(Translator::literal).collect(Collectors.joining()) + "]";
    }

    String translate() throws BuiltinException {
      StringBuilder regex = new StringBuilder("(?s)");
      int open = 0;
      while (true) {
        Token t = next();
        switch (t.kind()) {
          case EOF -> {
            // An unclosed group is closed at the end, as gobwas/glob does.
            return regex.append(")".repeat(open)).toString();
          }
          case ERROR -> throw BuiltinException.error(t.data());
          case TEXT -> t.data().codePoints().forEach(cp -> regex.append(literal(cp)));
          case ANY -> regex.append(anyChar).append('*');
          case SUPER -> regex.append(".*");
          case SINGLE -> regex.append(anyChar);
          case RANGE_OPEN -> regex.append(characterClass());
          case TERMS_OPEN -> {
            regex.append("(?:");
            open++;
          }
          case SEPARATOR -> regex.append('|');
          case TERMS_CLOSE -> {
            regex.append(')');
            open--;
          }
          default -> throw new AssertionError("class token outside a class: " + t);
        }
      }
    }

    /** Parses the tokens of a class after its {@code [}. */
    private String characterClass() throws BuiltinException {
      boolean not = false;
      int lo = 0;
      int hi = 0;
      String chars = "";
      while (true) {
        Token t = next();
        switch (t.kind()) {
          case EOF -> throw BuiltinException.error("unexpected end");
          case ERROR -> throw BuiltinException.error(t.data());
          case NOT -> not = true;
          case RANGE_LO -> lo = t.data().codePointAt(0);
          case RANGE_HI -> {
            hi = t.data().codePointAt(0);
            if (hi < lo) {
              throw BuiltinException.error("hi character '" + t.data()
                  + "' should be greater than lo '" + Character.toString(lo) + "'");
            }
          }
          case TEXT -> chars = t.data();
          case RANGE_CLOSE -> {
            boolean isRange = lo != 0 && hi != 0;
            if (chars.isEmpty() == isRange) {
              return classOf(not, isRange, lo, hi, chars);
            }
            throw BuiltinException.error("could not parse range");
          }
          default -> { } // RANGE_BETWEEN carries nothing
        }
      }
    }

    private static String classOf(boolean not, boolean isRange, int lo, int hi, String chars) {
      StringBuilder sb = new StringBuilder(not ? "[^" : "[");
      if (isRange) {
        sb.append(literal(lo)).append('-').append(literal(hi));
      } else {
        chars.codePoints().forEach(cp -> sb.append(literal(cp)));
      }
      return sb.append(']').toString();
    }

    /** A code point as an RE2 escape, valid inside and outside classes. */
    private static String literal(int cp) {
      return "\\x{" + Integer.toHexString(cp) + "}";
    }

    // ---- The lexer ----

    private Token next() {
      if (error != null) {
        return new Token(Kind.ERROR, error);
      }
      if (pending.isEmpty()) {
        fetchItem();
      }
      return error != null ? new Token(Kind.ERROR, error) : pending.poll();
    }

    private int peek() {
      if (pos == input.length) {
        return EOF;
      }
      int cp = input[pos];
      if (cp == 0xFFFD || (cp >= 0xD800 && cp <= 0xDFFF)) {
        error = "could not read rune";
        return EOF;
      }
      return cp;
    }

    private int read() {
      int cp = peek();
      lastWidth = pos < input.length && error == null ? 1 : 0;
      pos += lastWidth;
      return cp;
    }

    private void unread() {
      pos -= lastWidth;
    }

    private void fetchItem() {
      int r = read();
      if (r == EOF) {
        pending.add(new Token(Kind.EOF, ""));
      } else if (r == '{') {
        termsLevel++;
        pending.add(new Token(Kind.TERMS_OPEN, "{"));
      } else if (r == ',' && termsLevel > 0) {
        pending.add(new Token(Kind.SEPARATOR, ","));
      } else if (r == '}' && termsLevel > 0) {
        pending.add(new Token(Kind.TERMS_CLOSE, "}"));
        termsLevel--;
      } else if (r == '[') {
        pending.add(new Token(Kind.RANGE_OPEN, "["));
        fetchRange();
      } else if (r == '?') {
        pending.add(new Token(Kind.SINGLE, "?"));
      } else if (r == '*') {
        if (read() == '*') {
          pending.add(new Token(Kind.SUPER, "**"));
        } else {
          unread();
          pending.add(new Token(Kind.ANY, "*"));
        }
      } else {
        unread();
        fetchText(termsLevel > 0 ? "?*[{}," : "?*[{");
      }
    }

    private void fetchRange() {
      boolean wantHi = false;
      boolean wantClose = false;
      boolean seenNot = false;
      while (true) {
        int r = read();
        if (r == EOF) {
          error = "unexpected end of input";
          return;
        }
        if (wantClose) {
          if (r == ']') {
            pending.add(new Token(Kind.RANGE_CLOSE, "]"));
          } else {
            error = "expected close range character";
          }
          return;
        }
        if (wantHi) {
          pending.add(new Token(Kind.RANGE_HI, Character.toString(r)));
          wantClose = true;
          continue;
        }
        if (!seenNot && r == '!') {
          pending.add(new Token(Kind.NOT, "!"));
          seenNot = true;
          continue;
        }
        if (peek() == '-') {
          pos++;
          pending.add(new Token(Kind.RANGE_LO, Character.toString(r)));
          pending.add(new Token(Kind.RANGE_BETWEEN, "-"));
          wantHi = true;
          continue;
        }
        unread();
        fetchText("]");
        wantClose = true;
      }
    }

    private void fetchText(String breakers) {
      StringBuilder data = new StringBuilder();
      boolean escaped = false;
      while (true) {
        int r = read();
        if (r == EOF) {
          break; // a trailing backslash is dropped
        }
        if (!escaped) {
          if (r == '\\') {
            escaped = true;
            continue;
          }
          if (breakers.indexOf(r) >= 0) {
            unread();
            break;
          }
        }
        escaped = false;
        data.appendCodePoint(r);
      }
      if (data.length() > 0) {
        pending.add(new Token(Kind.TEXT, data.toString()));
      }
    }
  }
}
