package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A builtin function: OPA's name, its declared signature, and its implementation. The declared
 * argument types fix the arity and are checked (by kind) before the implementation runs, so an
 * implementation only re-checks what the declaration cannot say.
 *
 * @param name the dotted name, e.g. {@code "strings.replace_n"}
 * @param type the declared signature
 * @param implementation a {@link BuiltinFunction} or a {@link BuiltinRelation}
 * @param nondeterministic true for builtins whose result may differ between calls with the same
 *     arguments ({@code time.now_ns}, {@code rand.intn}, {@code http.send}); such results are
 *     not cached across queries
 * @param category the family the builtin belongs to, as OPA's capabilities group them
 */
public record Builtin(
    String name,
    Type.Function type,
    Implementation implementation,
    boolean nondeterministic,
    String category) {

  public Builtin {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(implementation, "implementation");
    Objects.requireNonNull(category, "category");
  }

  /** A deterministic function builtin. */
  public static Builtin function(String category, String name, Type.Function type,
      BuiltinFunction fn) {
    return new Builtin(name, type, fn, false, category);
  }

  /** A relation builtin (it may produce several results, like {@code walk}). */
  public static Builtin relation(String category, String name, Type.Function type,
      BuiltinRelation rel) {
    return new Builtin(name, type, rel, false, category);
  }

  /** A copy of this builtin marked nondeterministic. */
  public Builtin asNondeterministic() {
    return new Builtin(name, type, implementation, true, category);
  }

  /** The number of arguments the builtin takes (not counting the output). */
  public int arity() {
    return type.args().size();
  }

  /** True when the builtin takes any number of arguments after its fixed ones. */
  public boolean isVariadic() {
    return type.variadic() != null;
  }

  /** The two shapes an implementation can take. */
  public sealed interface Implementation permits BuiltinFunction, BuiltinRelation {}

  /**
   * Checks each argument's kind against the declared type, as the evaluator does before every
   * call, failing with OPA's {@code operand N must be T but got K} type error.
   *
   * @throws BuiltinException (eval_type_error) for an argument of the wrong kind
   */
  public void checkArgumentKinds(List<Value> args) throws BuiltinException {
    List<Type> types = type.args();
    for (int i = 0; i < args.size(); i++) {
      Type t = i < types.size() ? types.get(i) : type.variadic();
      if (t != null && !acceptsKind(t, args.get(i))) {
        throw BuiltinException.typeError("operand " + (i + 1) + " must be " + describe(t)
            + " but got " + args.get(i).typeName());
      }
    }
  }

  private static boolean acceptsKind(Type t, Value v) {
    if (t instanceof Type.Any any) {
      if (any.of().isEmpty()) {
        return true;
      }
      for (Type m : any.of()) {
        if (acceptsKind(m, v)) {
          return true;
        }
      }
      return false;
    }
    return switch (v.kind()) {
      case NULL -> t instanceof Type.Null;
      case BOOLEAN -> t instanceof Type.Boolean;
      case NUMBER -> t instanceof Type.Number;
      case STRING -> t instanceof Type.String;
      case ARRAY -> t instanceof Type.Array;
      case OBJECT -> t instanceof Type.Object;
      case SET -> t instanceof Type.Set;
    };
  }

  private static String describe(Type t) {
    if (t instanceof Type.Any any && !any.of().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Type m : any.of()) {
        names.add(describe(m));
      }
      return names.size() == 1 ? names.get(0)
          : "one of {" + String.join(", ", new java.util.LinkedHashSet<>(names)) + "}";
    }
    if (t instanceof Type.Null) {
      return "null";
    } else if (t instanceof Type.Boolean) {
      return "boolean";
    } else if (t instanceof Type.Number) {
      return "number";
    } else if (t instanceof Type.String) {
      return "string";
    } else if (t instanceof Type.Array) {
      return "array";
    } else if (t instanceof Type.Object) {
      return "object";
    } else if (t instanceof Type.Set) {
      return "set";
    }
    return "any";
  }
}
