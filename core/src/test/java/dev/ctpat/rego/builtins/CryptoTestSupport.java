package dev.ctpat.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Test support for the crypto and JWT family tests: a family's builtins called as the evaluator
 * calls them (after checking each argument's kind against the declaration), in a query context
 * whose clock the test sets.
 */
final class CryptoTestSupport {
  private CryptoTestSupport() {}

  static Value json(String text) {
    return Json.parse(text);
  }

  static Value str(String s) {
    return StringValue.of(s);
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

  /** The builtins of one family, and the clock of the queries that call them. */
  static final class Family {
    private final Map<String, Builtin> byName = new LinkedHashMap<>();
    private Instant now = Instant.parse("2027-06-01T00:00:00Z");

    Family(BuiltinFamily family) {
      family.register(b -> byName.put(b.name(), b));
    }

    Map<String, Builtin> builtins() {
      return byName;
    }

    void setNow(Instant now) {
      this.now = now;
    }

    /** The result of a call; null means undefined. */
    Value call(String name, Value... args) throws BuiltinException {
      Builtin b = byName.get(name);
      assertThat(b).as("builtin %s", name).isNotNull();
      List<Type> declared = b.type().args();
      assertThat(args).as("arguments of %s", name).hasSize(declared.size());
      for (int i = 0; i < args.length; i++) {
        assertThat(acceptsKind(declared.get(i), args[i]))
            .as("%s operand %d accepts a %s", name, i + 1, args[i].typeName()).isTrue();
      }
      return ((BuiltinFunction) b.implementation()).call(new Context(now), List.of(args));
    }

    /** The message of a call that must fail with a builtin (not a type) error. */
    String error(String name, Value... args) {
      Value result;
      try {
        result = call(name, args);
      } catch (BuiltinException e) {
        assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
        return e.getMessage();
      }
      throw new AssertionError("expected " + name + " to fail, but it returned " + result);
    }
  }

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

  private record Context(Instant now) implements BuiltinContext {
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
}
