package dev.ctpat.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Test support for the encoding, hash, UUID, JSON, graph and walk family tests: a family's
 * builtins by name, called as the evaluator calls them (after checking each argument's kind
 * against the declaration) in a minimal query context.
 */
final class EncodingTestSupport {
  private EncodingTestSupport() {}

  /** JSON text as a value, for compact test tables. */
  static Value json(String text) {
    return Json.parse(text);
  }

  static Value str(String s) {
    return StringValue.of(s);
  }

  /** The builtins of one family, and a query context shared by the calls made through it. */
  static final class Family {
    private final Map<String, Builtin> byName = new LinkedHashMap<>();
    private final Context context = new Context();

    Family(BuiltinFamily family) {
      family.register(b -> byName.put(b.name(), b));
    }

    Map<String, Builtin> builtins() {
      return byName;
    }

    Builtin builtin(String name) {
      Builtin b = byName.get(name);
      assertThat(b).as("builtin %s", name).isNotNull();
      return b;
    }

    /** The result of a function builtin; null means undefined. */
    Value call(String name, Value... args) throws BuiltinException {
      Builtin b = checked(name, args);
      return ((BuiltinFunction) b.implementation()).call(context, List.of(args));
    }

    /** Every result of a relation builtin, in order. */
    List<Value> relation(String name, Value... args) throws BuiltinException {
      Builtin b = checked(name, args);
      List<Value> out = new ArrayList<>();
      ((BuiltinRelation) b.implementation()).call(context, List.of(args)).forEach(out::add);
      return out;
    }

    /** The failure of a call that must fail. */
    BuiltinException error(String name, Value... args) {
      Value result;
      try {
        result = call(name, args);
      } catch (BuiltinException e) {
        return e;
      }
      throw new AssertionError("expected " + name + " to fail, but it returned " + result);
    }

    /**
     * The failure of a call made without the kind check, as for an operand whose type the
     * evaluator cannot know (OPA then reports the builtin's own operand error).
     */
    BuiltinException uncheckedError(String name, Value... args) {
      Value result;
      try {
        result = ((BuiltinFunction) builtin(name).implementation()).call(context, List.of(args));
      } catch (BuiltinException e) {
        return e;
      }
      throw new AssertionError("expected " + name + " to fail, but it returned " + result);
    }

    /** A new query: memoized values are forgotten. */
    void newQuery() {
      context.memo.clear();
    }

    private Builtin checked(String name, Value... args) {
      Builtin b = builtin(name);
      List<Type> declared = b.type().args();
      assertThat(args).as("arguments of %s", name).hasSize(declared.size());
      for (int i = 0; i < args.length; i++) {
        assertThat(acceptsKind(declared.get(i), args[i]))
            .as("%s operand %d declared %s accepts a %s", name, i + 1, declared.get(i),
                args[i].typeName())
            .isTrue();
      }
      return b;
    }
  }

  /** The evaluator's check: only the kind of the value against the declared type. */
  private static boolean acceptsKind(Type type, Value v) {
    if (type instanceof Type.Any any) {
      return any.of().isEmpty() || any.of().stream().anyMatch(t -> acceptsKind(t, v));
    }
    return switch (v.kind()) {
      case NULL -> type instanceof Type.Null;
      case BOOLEAN -> type instanceof Type.Boolean;
      case NUMBER -> type instanceof Type.Number;
      case STRING -> type instanceof Type.String;
      case ARRAY -> type instanceof Type.Array;
      case OBJECT -> type instanceof Type.Object;
      case SET -> type instanceof Type.Set;
    };
  }

  /** A query context with a fixed clock and a per-query memo. */
  private static final class Context implements BuiltinContext {
    final Map<Object, Object> memo = new HashMap<>();

    @Override
    public Instant now() {
      return Instant.parse("2024-01-02T03:04:05Z");
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
    public void checkLimits() {}

    @Override
    public Value runtime() {
      return ObjectValue.EMPTY;
    }

    @Override
    public boolean capabilityEnabled(String capability) {
      return false;
    }
  }
}
