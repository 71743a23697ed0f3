package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Type;
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
}
