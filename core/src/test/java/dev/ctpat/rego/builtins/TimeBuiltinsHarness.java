package dev.ctpat.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.Value;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Calls the builtins of one family directly, the way the evaluator does: arguments must match
 * the declared types, and the context has a fixed clock. Shared by the time, units, semver and
 * net family tests.
 */
final class TimeBuiltinsHarness {
  /** The clock every call sees. */
  static final Instant NOW = Instant.parse("2024-05-06T07:08:09.123456789Z");

  private final Map<String, Builtin> builtins = new HashMap<>();

  TimeBuiltinsHarness(BuiltinFamily family) {
    family.register(b -> builtins.put(b.name(), b));
  }

  Builtin builtin(String name) {
    assertThat(builtins).as("registered builtins").containsKey(name);
    return builtins.get(name);
  }

  /** The result of a call, {@code null} for undefined. */
  Value call(String name, Value... args) throws BuiltinException {
    Builtin b = builtin(name);
    List<Type> declared = b.type().args();
    assertThat(args).as("arguments of %s", name).hasSize(declared.size());
    for (int i = 0; i < args.length; i++) {
      assertThat(acceptsKind(declared.get(i), args[i]))
          .as("%s accepts operand %d: %s", name, i + 1, args[i]).isTrue();
    }
    return ((BuiltinFunction) b.implementation()).call(new FixedContext(), List.of(args));
  }

  /** The evaluator's check: the value's kind is one the declared type allows. */
  private static boolean acceptsKind(Type t, Value v) {
    if (t instanceof Type.Any any) {
      return any.of().isEmpty() || any.of().stream().anyMatch(m -> acceptsKind(m, v));
    }
    if (t instanceof Type.Array) {
      return v.kind() == Value.Kind.ARRAY;
    }
    if (t instanceof Type.Set) {
      return v.kind() == Value.Kind.SET;
    }
    if (t instanceof Type.Object) {
      return v.kind() == Value.Kind.OBJECT;
    }
    return t.accepts(v);
  }

  /** The result of a call whose arguments are given as JSON texts. */
  Value callJson(String name, String... jsonArgs) throws BuiltinException {
    Value[] args = new Value[jsonArgs.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = Json.parse(jsonArgs[i]);
    }
    return call(name, args);
  }

  /** The error a call raises; fails if it returns instead. */
  BuiltinException error(String name, Value... args) {
    BuiltinException e = catchThrowableOfType(BuiltinException.class, () -> call(name, args));
    assertThat(e).as("error of %s", name).isNotNull();
    return e;
  }

  BuiltinException errorJson(String name, String... jsonArgs) {
    BuiltinException e =
        catchThrowableOfType(BuiltinException.class, () -> callJson(name, jsonArgs));
    assertThat(e).as("error of %s", name).isNotNull();
    return e;
  }

  static Value json(String text) {
    return Json.parse(text);
  }

  private static final class FixedContext implements BuiltinContext {
    private final Map<Object, Object> memo = new HashMap<>();

    @Override
    public Instant now() {
      return NOW;
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
      return Json.parse("{}");
    }

    @Override
    public boolean capabilityEnabled(String capability) {
      return false;
    }
  }
}
