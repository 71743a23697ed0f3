package dev.ctpat.rego.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Conversions between values and JSON text or plain Java objects. Numbers keep their exact
 * decimal value; sets are written as sorted arrays and object keys in OPA's order, so the
 * output is deterministic.
 */
public final class Json {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(10_000)
          .maxNumberLength(100_000)
          .maxStringLength(Integer.MAX_VALUE)
          .build())
      .build();

  private Json() {}

  /**
   * Parses JSON text into a value.
   *
   * @throws JsonSyntaxException if the text is not a single JSON value
   */
  public static Value parse(String text) {
    return parse(new StringReader(text));
  }

  /**
   * Parses JSON from a reader into a value.
   *
   * @throws JsonSyntaxException if the text is not a single JSON value
   */
  public static Value parse(Reader reader) {
    try (JsonParser p = FACTORY.createParser(reader)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new JsonSyntaxException("unexpected end of JSON input", 1, 1);
      }
      Value v = read(p, t);
      if (p.nextToken() != null) {
        throw new JsonSyntaxException("invalid character after top-level value",
            p.currentLocation().getLineNr(), p.currentLocation().getColumnNr());
      }
      return v;
    } catch (JsonParseException e) {
      String msg = e.getOriginalMessage();
      if (msg != null && msg.startsWith("Unexpected end-of-input")) {
        msg = "unexpected end of JSON input";
      }
      throw new JsonSyntaxException(msg, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Value read(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_NULL:
        return NullValue.INSTANCE;
      case VALUE_TRUE:
        return BooleanValue.TRUE;
      case VALUE_FALSE:
        return BooleanValue.FALSE;
      case VALUE_STRING:
        return StringValue.of(p.getText());
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? NumberValue.of(p.getBigIntegerValue())
            : NumberValue.of(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return NumberValue.of(p.getDecimalValue());
      case START_ARRAY: {
        List<Value> items = new ArrayList<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          if (n == null) {
            throw new JsonSyntaxException("unexpected end of JSON input", 0, 0);
          }
          items.add(read(p, n));
        }
        return ArrayValue.of(items);
      }
      case START_OBJECT: {
        ObjectValue.Builder b = ObjectValue.builder();
        JsonToken n;
        while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          b.put(key, read(p, p.nextToken()));
        }
        if (n == null) {
          throw new JsonSyntaxException("unexpected end of JSON input", 0, 0);
        }
        return b.build();
      }
      default:
        throw new JsonSyntaxException("unexpected token " + t,
            p.currentLocation().getLineNr(), p.currentLocation().getColumnNr());
    }
  }

  /** Compact JSON text of a value (sets as sorted arrays, keys sorted). */
  public static String write(Value v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb, null, 0);
    return sb.toString();
  }

  /** Indented JSON text of a value, two spaces per level. */
  public static String writePretty(Value v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb, "  ", 0);
    return sb.toString();
  }

  private static void write(Value v, StringBuilder sb, String indent, int depth) {
    switch (v.kind()) {
      case NULL, BOOLEAN, NUMBER -> sb.append(v);
      case STRING -> quote(((StringValue) v).value(), sb);
      case ARRAY -> writeSeq(((ArrayValue) v).elements(), sb, indent, depth);
      case SET -> writeSeq(((SetValue) v).sorted(), sb, indent, depth);
      case OBJECT -> {
        ObjectValue o = (ObjectValue) v;
        if (o.isEmpty()) {
          sb.append("{}");
          return;
        }
        sb.append('{');
        boolean first = true;
        for (Value k : o.sortedKeys()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          newline(sb, indent, depth + 1);
          quote(k instanceof StringValue s ? s.value() : write(k), sb);
          sb.append(indent == null ? ":" : ": ");
          write(o.get(k), sb, indent, depth + 1);
        }
        newline(sb, indent, depth);
        sb.append('}');
      }
      default -> throw new AssertionError(v.kind());
    }
  }

  private static void writeSeq(Collection<Value> items, StringBuilder sb, String indent,
      int depth) {
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
      newline(sb, indent, depth + 1);
      write(item, sb, indent, depth + 1);
    }
    newline(sb, indent, depth);
    sb.append(']');
  }

  private static void newline(StringBuilder sb, String indent, int depth) {
    if (indent != null) {
      sb.append('\n');
      for (int i = 0; i < depth; i++) {
        sb.append(indent);
      }
    }
  }

  /** A JSON string literal for {@code s}, escaped as Go's encoding/json escapes it. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    quote(s, sb);
    return sb.toString();
  }

  static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /**
   * Converts a plain Java object (as Jackson or SnakeYAML produce: maps, lists, strings,
   * numbers, booleans, null) into a value. Sets become Rego sets.
   *
   * @throws IllegalArgumentException for an object of another type
   */
  public static Value fromJava(Object o) {
    if (o == null) {
      return NullValue.INSTANCE;
    } else if (o instanceof Value v) {
      return v;
    } else if (o instanceof String s) {
      return StringValue.of(s);
    } else if (o instanceof Boolean b) {
      return BooleanValue.of(b);
    } else if (o instanceof Integer || o instanceof Long || o instanceof Short
        || o instanceof Byte) {
      return NumberValue.of(((Number) o).longValue());
    } else if (o instanceof BigInteger bi) {
      return NumberValue.of(bi);
    } else if (o instanceof BigDecimal bd) {
      return NumberValue.of(bd);
    } else if (o instanceof Double || o instanceof Float) {
      return NumberValue.of(((Number) o).doubleValue());
    } else if (o instanceof Map<?, ?> m) {
      ObjectValue.Builder b = ObjectValue.builder();
      m.forEach((k, v) -> b.put(k instanceof String s ? StringValue.of(s) : fromJava(k),
          fromJava(v)));
      return b.build();
    } else if (o instanceof java.util.Set<?> s) {
      SetValue.Builder b = SetValue.builder();
      s.forEach(e -> b.add(fromJava(e)));
      return b.build();
    } else if (o instanceof Iterable<?> it) {
      List<Value> items = new ArrayList<>();
      it.forEach(e -> items.add(fromJava(e)));
      return ArrayValue.of(items);
    } else if (o instanceof Object[] arr) {
      List<Value> items = new ArrayList<>();
      for (Object e : arr) {
        items.add(fromJava(e));
      }
      return ArrayValue.of(items);
    } else if (o instanceof java.util.Date d) {
      return StringValue.of(d.toInstant().toString());
    }
    throw new IllegalArgumentException("cannot convert " + o.getClass().getName() + " to a value");
  }

  /**
   * Converts a value to plain Java objects: {@code null}, Boolean, BigDecimal or BigInteger,
   * String, List, and Map with String keys (non-string keys are written as JSON text). Sets
   * become sorted lists.
   */
  public static Object toJava(Value v) {
    return switch (v.kind()) {
      case NULL -> null;
      case BOOLEAN -> ((BooleanValue) v).value();
      case NUMBER -> {
        NumberValue n = (NumberValue) v;
        yield n.isInteger() ? n.bigIntegerExact() : n.bigDecimal();
      }
      case STRING -> ((StringValue) v).value();
      case ARRAY -> {
        List<Object> out = new ArrayList<>();
        ((ArrayValue) v).elements().forEach(e -> out.add(toJava(e)));
        yield out;
      }
      case SET -> {
        List<Object> out = new ArrayList<>();
        ((SetValue) v).sorted().forEach(e -> out.add(toJava(e)));
        yield out;
      }
      case OBJECT -> {
        ObjectValue o = (ObjectValue) v;
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (Value k : o.sortedKeys()) {
          out.put(k instanceof StringValue s ? s.value() : write(k), toJava(o.get(k)));
        }
        yield out;
      }
    };
  }

  /** JSON text that could not be parsed, with the line and column where parsing stopped. */
  public static final class JsonSyntaxException extends IllegalArgumentException {
    private final int line;
    private final int column;

    public JsonSyntaxException(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }
}
