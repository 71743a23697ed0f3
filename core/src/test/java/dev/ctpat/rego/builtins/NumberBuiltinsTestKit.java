package dev.ctpat.rego.builtins;

import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Test support for the builtin family tests (numbers, operators, aggregates, arrays, sets,
 * objects, types, bits): calling a family's builtins by name, a simple query context, and Rego
 * value literals such as {@code v("{1, {\"a\": [2]}}")}.
 */
final class NumberBuiltinsTestKit {
  private NumberBuiltinsTestKit() {}

  /** The builtins of one family, callable by name. */
  static final class Family {
    private final Map<String, Builtin> byName = new LinkedHashMap<>();

    Family(BuiltinFamily family) {
      family.register(b -> byName.put(b.name(), b));
    }

    Map<String, Builtin> builtins() {
      return byName;
    }

    Builtin builtin(String name) {
      Builtin b = byName.get(name);
      if (b == null) {
        throw new AssertionError("no builtin " + name + " in " + byName.keySet());
      }
      return b;
    }

    /** Calls a function builtin in a fresh query context; {@code null} means undefined. */
    Value call(String name, Value... args) throws BuiltinException {
      return call(new Context(), name, args);
    }

    Value call(BuiltinContext ctx, String name, Value... args) throws BuiltinException {
      return ((BuiltinFunction) builtin(name).implementation()).call(ctx, List.of(args));
    }

    /** Calls a builtin that is expected to fail, and returns the failure. */
    BuiltinException error(String name, Value... args) {
      Value result;
      try {
        result = call(name, args);
      } catch (BuiltinException e) {
        return e;
      }
      throw new AssertionError("expected " + name + " to fail but it returned " + result);
    }
  }

  /** A query context with a fixed clock, strict errors, a working memo and no limits. */
  static final class Context implements BuiltinContext {
    private final Map<Object, Object> memo = new HashMap<>();
    private int limitChecks;

    /** How often a builtin asked whether the query's budget is spent. */
    int limitChecks() {
      return limitChecks;
    }

    @Override
    public Instant now() {
      return Instant.parse("2024-01-01T00:00:00Z");
    }

    @Override
    public boolean strict() {
      return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> compute) {
      return (T) memo.computeIfAbsent(key, k -> compute.get());
    }

    @Override
    public void checkLimits() {
      limitChecks++;
    }

    @Override
    public Value runtime() {
      return ObjectValue.EMPTY;
    }

    @Override
    public boolean capabilityEnabled(String capability) {
      return true;
    }
  }

  /**
   * A value from a Rego literal: JSON, plus sets ({@code {1, 2}}, {@code set()}) and objects with
   * non-string keys ({@code {1: "a"}}).
   */
  static Value v(String literal) {
    LiteralParser p = new LiteralParser(literal);
    Value value = p.value();
    p.skipSpace();
    if (p.pos != literal.length()) {
      throw new IllegalArgumentException("trailing text in literal: " + literal);
    }
    return value;
  }

  static NumberValue num(String literal) {
    return NumberValue.parse(literal);
  }

  /** A minimal recursive-descent parser for Rego value literals. */
  private static final class LiteralParser {
    private final String s;
    private int pos;

    LiteralParser(String s) {
      this.s = s;
    }

    Value value() {
      skipSpace();
      char c = s.charAt(pos);
      if (c == '[') {
        pos++;
        return ArrayValue.of(list(']'));
      } else if (c == '{') {
        return braces();
      } else if (c == '"') {
        return string();
      } else if (s.startsWith("set()", pos)) {
        pos += 5;
        return SetValue.EMPTY;
      } else if (s.startsWith("null", pos)) {
        pos += 4;
        return NullValue.INSTANCE;
      } else if (s.startsWith("true", pos)) {
        pos += 4;
        return BooleanValue.TRUE;
      } else if (s.startsWith("false", pos)) {
        pos += 5;
        return BooleanValue.FALSE;
      }
      int start = pos;
      while (pos < s.length() && "+-.0123456789eE".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      return NumberValue.parse(s.substring(start, pos));
    }

    /** An object, or a set if the first member has no colon after it. */
    private Value braces() {
      pos++;
      skipSpace();
      if (s.charAt(pos) == '}') {
        pos++;
        return ObjectValue.EMPTY;
      }
      Value first = value();
      skipSpace();
      if (s.charAt(pos) != ':') {
        List<Value> members = new ArrayList<>();
        members.add(first);
        if (s.charAt(pos) == ',') {
          pos++;
          members.addAll(list('}'));
        } else {
          expect('}');
        }
        return SetValue.of(members);
      }
      ObjectValue.Builder b = ObjectValue.builder();
      Value key = first;
      while (true) {
        expect(':');
        b.put(key, value());
        skipSpace();
        if (s.charAt(pos) == '}') {
          pos++;
          return b.build();
        }
        expect(',');
        key = value();
        skipSpace();
      }
    }

    private List<Value> list(char close) {
      List<Value> out = new ArrayList<>();
      skipSpace();
      if (s.charAt(pos) == close) {
        pos++;
        return out;
      }
      while (true) {
        out.add(value());
        skipSpace();
        if (s.charAt(pos) == close) {
          pos++;
          return out;
        }
        expect(',');
      }
    }

    private Value string() {
      int start = pos++;
      while (s.charAt(pos) != '"') {
        pos += s.charAt(pos) == '\\' ? 2 : 1;
      }
      pos++;
      return Json.parse(s.substring(start, pos));
    }

    private void expect(char c) {
      skipSpace();
      if (s.charAt(pos) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + s);
      }
      pos++;
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }
  }
}
