package dev.ctpat.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Test support shared by the builtin family tests: a family's builtins called by name the way
 * the evaluator calls them (after its kind check of the arguments), a fake query context, and
 * compact ways to write values (JSON texts, Rego literals).
 */
final class BuiltinTestSupport {
  /** The clock of a query unless a test sets another. */
  static final Instant DEFAULT_NOW = Instant.parse("2024-01-01T00:00:00Z");

  private BuiltinTestSupport() {}

  /**
   * The builtins one family registers. Every call runs in a new query (a fresh {@link Context}
   * at the family's clock) unless the test passes its own context to share one query.
   */
  static final class Family {
    private final Map<String, Builtin> byName = new LinkedHashMap<>();
    private Instant now;

    Family(BuiltinFamily family) {
      this(family, DEFAULT_NOW);
    }

    Family(BuiltinFamily family, Instant now) {
      family.register(b -> byName.put(b.name(), b));
      this.now = now;
    }

    /** Sets the clock of the queries that follow. */
    void setNow(Instant now) {
      this.now = now;
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

    /** The result of a function builtin in a new query; {@code null} means undefined. */
    Value call(String name, Value... args) throws BuiltinException {
      return call(newQuery(), name, args);
    }

    /** The result of a function builtin in the given query; {@code null} means undefined. */
    Value call(BuiltinContext query, String name, Value... args) throws BuiltinException {
      Builtin b = checked(name, args);
      return ((BuiltinFunction) b.implementation()).call(query, List.of(args));
    }

    /** The result of a call whose arguments are given as JSON texts. */
    Value callJson(String name, String... jsonArgs) throws BuiltinException {
      return call(name, Arrays.stream(jsonArgs).map(Json::parse).toArray(Value[]::new));
    }

    /** Every result of a relation builtin, in order. */
    List<Value> relation(String name, Value... args) throws BuiltinException {
      Builtin b = checked(name, args);
      List<Value> out = new ArrayList<>();
      ((BuiltinRelation) b.implementation()).call(newQuery(), List.of(args)).forEach(out::add);
      return out;
    }

    /** The failure of a call that must fail. */
    BuiltinException error(String name, Value... args) {
      return failure(name, () -> call(name, args));
    }

    BuiltinException errorJson(String name, String... jsonArgs) {
      return failure(name, () -> callJson(name, jsonArgs));
    }

    /**
     * The failure of a call made without the kind check, as for an operand whose type the
     * evaluator cannot know (OPA then reports the builtin's own operand error).
     */
    BuiltinException uncheckedError(String name, Value... args) {
      return failure(name, () -> ((BuiltinFunction) builtin(name).implementation())
          .call(newQuery(), List.of(args)));
    }

    /** The message of a call that must fail with a builtin (not a type) error. */
    String builtinError(String name, Value... args) {
      BuiltinException e = error(name, args);
      assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
      return e.getMessage();
    }

    private Context newQuery() {
      return new Context(now, RegoVersion.V1);
    }

    /**
     * The builtin, after the evaluator's kind check of the arguments. The arity is the
     * compiler's business, so a wrong one is a mistake in the test.
     */
    private Builtin checked(String name, Value... args) throws BuiltinException {
      Builtin b = builtin(name);
      int declared = b.type().args().size();
      boolean arityFits = b.type().variadic() == null
          ? args.length == declared : args.length >= declared;
      if (!arityFits) {
        throw new AssertionError(name + " takes " + declared + " arguments, not " + args.length);
      }
      b.checkArgumentKinds(List.of(args));
      return b;
    }
  }

  /** A call that must throw. */
  private interface Failing {
    Value run() throws BuiltinException;
  }

  private static BuiltinException failure(String name, Failing call) {
    Value result;
    try {
      result = call.run();
    } catch (BuiltinException e) {
      return e;
    }
    throw new AssertionError("expected " + name + " to fail, but it returned " + result);
  }

  // The evaluator's check of argument kinds against the declared types, copied from
  // dev.ctpat.rego.eval.Evaluator (private there) so that tests see its exact errors.

  /**
   * One query: a fixed clock and Rego version, strict errors, a working memo, no capabilities
   * and no limits (it counts how often a builtin asked about them).
   */
  static final class Context implements BuiltinContext {
    private final Instant now;
    private final RegoVersion regoVersion;
    private final Map<Object, Object> memo = new HashMap<>();
    private int limitChecks;

    Context() {
      this(DEFAULT_NOW, RegoVersion.V1);
    }

    Context(Instant now, RegoVersion regoVersion) {
      this.now = now;
      this.regoVersion = regoVersion;
    }

    /** How often a builtin asked whether the query's budget is spent. */
    int limitChecks() {
      return limitChecks;
    }

    @Override
    public Instant now() {
      return now;
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
      return false;
    }

    @Override
    public RegoVersion regoVersion() {
      return regoVersion;
    }
  }

  static Value str(String s) {
    return StringValue.of(s);
  }

  static NumberValue num(String literal) {
    return NumberValue.parse(literal);
  }

  /** A value from JSON text. */
  static Value json(String text) {
    return Json.parse(text);
  }

  /** A set of the values of JSON texts. */
  static SetValue set(String... jsonMembers) {
    return SetValue.of(Arrays.stream(jsonMembers).map(Json::parse).toList());
  }

  /** The value at a path of object keys and array indexes, e.g. {@code at(v, 0, "Subject")}. */
  static Value at(Value v, Object... path) {
    Value cur = v;
    for (Object step : path) {
      cur = step instanceof Integer i ? ((ArrayValue) cur).get(i) : ((ObjectValue) cur).get(
          (String) step);
      assertThat(cur).as("value at %s", List.of(path)).isNotNull();
    }
    return cur;
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
