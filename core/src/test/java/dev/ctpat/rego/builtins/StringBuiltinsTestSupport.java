package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Test support for the string, sprintf, regex and glob family tests: a family's builtins by
 * name, called in a minimal query context after the evaluator's kind check, and value helpers.
 */
final class StringBuiltinsTestSupport {
  private StringBuiltinsTestSupport() {}

  /** The builtins one family registers. */
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

    /**
     * Calls a builtin as the evaluator would: arguments must fit the declared kinds (checked
     * here so that declarations are tested too). {@code null} means undefined.
     */
    Value call(String name, Value... args) throws BuiltinException {
      Builtin b = builtin(name);
      List<Type> declared = b.type().args();
      if (declared.size() != args.length) {
        throw new AssertionError(name + " takes " + declared.size() + " arguments");
      }
      for (int i = 0; i < args.length; i++) {
        if (!acceptsKind(declared.get(i), args[i])) {
          throw new AssertionError(name + " operand " + (i + 1) + " declared " + declared.get(i)
              + " does not accept a " + args[i].typeName());
        }
      }
      return ((BuiltinFunction) b.implementation()).call(new Context(), List.of(args));
    }

    /** Calls a builtin that must fail, and returns the failure. */
    BuiltinException error(String name, Value... args) {
      Value result;
      try {
        result = call(name, args);
      } catch (BuiltinException e) {
        return e;
      }
      throw new AssertionError("expected " + name + " to fail, but it returned " + result);
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

  /** A context for builtins that need nothing from the query. */
  private static final class Context implements BuiltinContext {
    @Override
    public Instant now() {
      return Instant.EPOCH;
    }

    @Override
    public boolean strict() {
      return true;
    }

    @Override
    public <T> T memo(Object key, Supplier<T> compute) {
      return compute.get();
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

  static Value s(String s) {
    return StringValue.of(s);
  }

  /** A value from JSON text. */
  static Value json(String text) {
    return Json.parse(text);
  }

  /** A set of the values of JSON texts. */
  static Value set(String... jsonMembers) {
    return SetValue.of(Arrays.stream(jsonMembers).map(Json::parse).toList());
  }
}
