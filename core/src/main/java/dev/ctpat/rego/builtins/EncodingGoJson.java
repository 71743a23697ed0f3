package dev.ctpat.rego.builtins;

import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text as Go's {@code encoding/json} reads and writes it, which is what OPA's JSON builtins
 * expose: the exact syntax accepted, Go's error messages ({@code invalid character 'x' looking
 * for beginning of value}), and Go's output (keys in byte order, HTML-safe escaping).
 */
final class EncodingGoJson {
  /** Go's limit on nesting, past which it reports "exceeded max depth". */
  private static final int MAX_DEPTH = 10_000;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private EncodingGoJson() {}

  /** A failure to read JSON, with Go's message. */
  static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  /** True when {@code text} is exactly one JSON value, as Go's {@code json.Valid} decides. */
  static boolean isValid(String text) {
    try {
      Reader r = new Reader(text);
      r.skipSpace();
      if (r.atEnd()) {
        return false;
      }
      r.readValue();
      r.skipSpace();
      return r.atEnd();
    } catch (SyntaxError e) {
      return false;
    }
  }

  /**
   * Reads a JSON document as OPA's {@code json.unmarshal} does: Go's streaming decoder reads one
   * value, then looks at the next token. A following value is reported (oddly, but as OPA does)
   * as an "invalid character" naming that token; a following {@code null} is ignored.
   */
  static Value unmarshal(String text) throws SyntaxError {
    Reader r = new Reader(text);
    r.skipSpace();
    if (r.atEnd()) {
      throw new SyntaxError("EOF");
    }
    Value v = r.readValue();
    r.skipSpace();
    if (r.atEnd()) {
      return v;
    }
    char c = r.peek();
    switch (c) {
      case '{', '[' ->
          throw new SyntaxError("error: invalid character '" + c + "' after top-level value");
      case '}', ']', ',', ':' -> throw r.error("looking for beginning of value");
      default -> {
        Value next = r.readValue();
        if (next instanceof NullValue) {
          return v;
        }
        throw new SyntaxError(
            "error: invalid character '" + tokenText(next) + "' after top-level value");
      }
    }
  }

  /** How Go's {@code %s} prints a decoded token. */
  private static String tokenText(Value token) {
    if (token instanceof StringValue s) {
      return s.value();
    }
    if (token instanceof BooleanValue b) {
      return "%!s(bool=" + b.value() + ")";
    }
    return token.toString();
  }

  /** Compact JSON, as Go's {@code json.Marshal} writes it. */
  static String marshal(Value v) {
    StringBuilder sb = new StringBuilder();
    new Writer(sb, null, null).write(v, 0);
    return sb.toString();
  }

  /**
   * Indented JSON, as Go's {@code json.MarshalIndent} writes it: every line after the first starts
   * with {@code prefix}, followed by one {@code indent} per level.
   */
  static String marshalIndent(Value v, String prefix, String indent) {
    StringBuilder sb = new StringBuilder();
    new Writer(sb, prefix, indent).write(v, 0);
    return sb.toString();
  }

  /** A JSON string literal escaped as Go escapes it with HTML escaping on. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    quote(s, sb);
    return sb.toString();
  }

  private static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(c, sb);
        default -> {
          if (c < 0x20) {
            unicodeEscape(c, sb);
          } else if (Character.isSurrogate(c)) {
            // A lone surrogate is not valid UTF-8; Go writes the replacement character.
            if (Character.isHighSurrogate(c) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1))) {
              sb.append(c).append(s.charAt(++i));
            } else {
              sb.append("\\ufffd");
            }
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static void unicodeEscape(char c, StringBuilder sb) {
    sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }

  /**
   * The entries of an object as Go's encoder orders them: keys become strings (non-string keys
   * their JSON text) and sort by byte order.
   */
  static Map<String, Value> stringKeyed(ObjectValue o) {
    Map<String, Value> out = new TreeMap<>(StringValue::compareCodePoints);
    for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
      Value k = e.getKey();
      out.put(k instanceof StringValue s ? s.value() : marshal(k), e.getValue());
    }
    return out;
  }

  /** Writes values as Go's encoder does, optionally indented. */
  private record Writer(StringBuilder sb, String prefix, String indent) {
    void write(Value v, int depth) {
      switch (v.kind()) {
        case NULL, BOOLEAN, NUMBER -> sb.append(v);
        case STRING -> quote(((StringValue) v).value(), sb);
        case ARRAY -> writeArray(((ArrayValue) v).elements(), depth);
        case SET -> writeArray(((SetValue) v).sorted(), depth);
        case OBJECT -> writeObject(stringKeyed((ObjectValue) v), depth);
        default -> throw new AssertionError(v.kind());
      }
    }

    private void writeArray(Collection<Value> items, int depth) {
      if (items.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      boolean first = true;
      for (Value item : items) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        newline(depth + 1);
        write(item, depth + 1);
      }
      newline(depth);
      sb.append(']');
    }

    private void writeObject(Map<String, Value> entries, int depth) {
      if (entries.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Value> e : entries.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        newline(depth + 1);
        quote(e.getKey(), sb);
        sb.append(indent == null ? ":" : ": ");
        write(e.getValue(), depth + 1);
      }
      newline(depth);
      sb.append('}');
    }

    private void newline(int depth) {
      if (indent != null) {
        sb.append('\n').append(prefix);
        sb.append(indent.repeat(depth));
      }
    }
  }

  /**
   * A reader following Go's JSON scanner state by state, so that it accepts exactly what Go
   * accepts and fails with Go's message. Containers are tracked on an explicit stack, so deep
   * nesting cannot overflow the Java stack.
   */
  private static final class Reader {
    private final String text;
    private int pos;

    Reader(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    char peek() {
      return text.charAt(pos);
    }

    void skipSpace() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          return;
        }
        pos++;
      }
    }

    /** Go's message for the character at the current position. */
    SyntaxError error(String context) {
      return new SyntaxError("invalid character " + quoteChar(text, pos) + " " + context);
    }

    /** The current character; running out of text mid-value is Go's "unexpected EOF". */
    private char next() throws SyntaxError {
      if (pos >= text.length()) {
        throw new SyntaxError("unexpected EOF");
      }
      return text.charAt(pos);
    }

    /** One container being read: an array's items, or an object's entries and pending key. */
    private static final class Frame {
      final List<Value> items;
      final ObjectValue.Builder entries;
      String key;

      Frame(boolean array) {
        this.items = array ? new ArrayList<>() : null;
        this.entries = array ? null : ObjectValue.builder();
      }

      Value build() {
        return items != null ? ArrayValue.of(items) : entries.build();
      }
    }

    Value readValue() throws SyntaxError {
      Deque<Frame> stack = new ArrayDeque<>();
      while (true) {
        Value v = beginValue(stack);
        // Close containers for as long as the value completes one.
        while (true) {
          if (v == null) {
            break; // a container was opened; read its first member
          }
          Frame top = stack.peek();
          if (top == null) {
            return v;
          }
          if (top.items != null) {
            top.items.add(v);
          } else {
            top.entries.put(top.key, v);
          }
          skipSpace();
          char c = next();
          if (c == ',') {
            pos++;
            if (top.entries != null) {
              readKey(top);
            }
            break;
          }
          if (top.items != null ? c == ']' : c == '}') {
            pos++;
            stack.pop();
            v = top.build();
            continue;
          }
          throw error(top.items != null ? "after array element" : "after object key:value pair");
        }
      }
    }

    /**
     * Reads a scalar and returns it, or opens a container: an empty one is returned at once, a
     * non-empty one is pushed (with its first key read) and null is returned.
     */
    private Value beginValue(Deque<Frame> stack) throws SyntaxError {
      skipSpace();
      char c = next();
      switch (c) {
        case '{' -> {
          pos++;
          skipSpace();
          if (next() == '}') {
            pos++;
            return ObjectValue.EMPTY;
          }
          Frame f = push(stack, false);
          readKeyAfterSpace(f);
          return null;
        }
        case '[' -> {
          pos++;
          skipSpace();
          if (next() == ']') {
            pos++;
            return ArrayValue.EMPTY;
          }
          push(stack, true);
          return null;
        }
        case '"' -> {
          return StringValue.of(readString());
        }
        case 't' -> {
          return literal("true", BooleanValue.TRUE);
        }
        case 'f' -> {
          return literal("false", BooleanValue.FALSE);
        }
        case 'n' -> {
          return literal("null", NullValue.INSTANCE);
        }
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            return readNumber();
          }
          throw error("looking for beginning of value");
        }
      }
    }

    private Frame push(Deque<Frame> stack, boolean array) throws SyntaxError {
      if (stack.size() >= MAX_DEPTH) {
        throw new SyntaxError("exceeded max depth");
      }
      Frame f = new Frame(array);
      stack.push(f);
      return f;
    }

    private void readKey(Frame f) throws SyntaxError {
      skipSpace();
      readKeyAfterSpace(f);
    }

    private void readKeyAfterSpace(Frame f) throws SyntaxError {
      if (next() != '"') {
        throw error("looking for beginning of object key string");
      }
      f.key = readString();
      skipSpace();
      if (next() != ':') {
        throw error("after object key");
      }
      pos++;
    }

    private Value literal(String word, Value v) throws SyntaxError {
      for (int i = 0; i < word.length(); i++) {
        char c = next();
        if (c != word.charAt(i)) {
          throw error("in literal " + word + " (expecting '" + word.charAt(i) + "')");
        }
        pos++;
      }
      return v;
    }

    private Value readNumber() throws SyntaxError {
      int start = pos;
      if (text.charAt(pos) == '-') {
        pos++;
        if (!isDigit(next())) {
          throw error("in numeric literal");
        }
      }
      if (text.charAt(pos) == '0') {
        pos++;
      } else {
        skipDigits();
      }
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
        if (!isDigit(next())) {
          throw error("after decimal point in numeric literal");
        }
        skipDigits();
      }
      if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
        pos++;
        char c = next();
        if (c == '+' || c == '-') {
          pos++;
          c = next();
        }
        if (!isDigit(c)) {
          throw error("in exponent of numeric literal");
        }
        skipDigits();
      }
      return NumberValue.parse(text.substring(start, pos));
    }

    private void skipDigits() {
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    /** Reads a string literal; the current character is its opening quote. */
    private String readString() throws SyntaxError {
      pos++;
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          pos++;
          return sb.toString();
        }
        if (c < 0x20) {
          throw error("in string literal");
        }
        if (c != '\\') {
          sb.append(c);
          pos++;
          continue;
        }
        pos++;
        char e = next();
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            pos++;
            sb.append(readHex4());
            continue;
          }
          default -> throw error("in string escape code");
        }
        pos++;
      }
    }

    private char readHex4() throws SyntaxError {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        int d = Character.digit(next(), 16);
        if (d < 0) {
          throw error("in \\u hexadecimal character escape");
        }
        v = v * 16 + d;
        pos++;
      }
      return (char) v;
    }
  }

  /**
   * Go's {@code quoteChar} of the byte at {@code pos}: Go scans UTF-8 bytes, so for a non-ASCII
   * character it names the first byte of its encoding, read as a Latin-1 character.
   */
  static String quoteChar(String text, int pos) {
    int cp = text.codePointAt(pos);
    if (cp == '\'') {
      return "'\\''";
    }
    if (cp == '"') {
      return "'\"'";
    }
    if (cp >= 0x80) {
      int lead = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)[0] & 0xff;
      return "'" + (char) lead + "'";
    }
    return "'" + goEscapeAscii((char) cp) + "'";
  }

  /** Go's {@code strconv.Quote} body for one ASCII character. */
  private static String goEscapeAscii(char c) {
    return switch (c) {
      case '\u0007' -> "\\a";
      case '\b' -> "\\b";
      case '\f' -> "\\f";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      case '\u000b' -> "\\v";
      case '\\' -> "\\\\";
      default -> c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    };
  }
}
