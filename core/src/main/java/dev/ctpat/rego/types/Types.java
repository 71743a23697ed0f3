package dev.ctpat.rego.types;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Constants and factories for {@link Type}s, named as OPA's {@code types} package names them. */
public final class Types {
  public static final Type ANY = new Type.Any(List.of());
  public static final Type NULL = new Type.Null();
  public static final Type BOOLEAN = new Type.Boolean();
  public static final Type NUMBER = new Type.Number();
  public static final Type STRING = new Type.String();
  /** An array of any elements. */
  public static final Type ARRAY = arrayOf(ANY);
  /** A set of any members. */
  public static final Type SET = setOf(ANY);
  /** An object with any keys and values. */
  public static final Type OBJECT = objectOf(ANY, ANY);

  private Types() {}

  public static Type arrayOf(Type element) {
    return new Type.Array(List.of(), element);
  }

  /** An array of exactly these element types. */
  public static Type tuple(Type... elements) {
    return new Type.Array(Arrays.asList(elements), null);
  }

  public static Type setOf(Type member) {
    return new Type.Set(member);
  }

  public static Type objectOf(Type key, Type value) {
    return new Type.Object(Map.of(), key, value);
  }

  /** An object with the given fixed string properties (name, type, name, type, ...). */
  public static Type objectWith(java.lang.Object... namesAndTypes) {
    Map<String, Type> props = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      props.put((String) namesAndTypes[i], (Type) namesAndTypes[i + 1]);
    }
    return new Type.Object(props, null, null);
  }

  /** A union of the given types. */
  public static Type anyOf(Type... types) {
    return new Type.Any(Arrays.asList(types));
  }

  /** A function type: {@code fn(result, args...)}. */
  public static Type.Function fn(Type result, Type... args) {
    return new Type.Function(Arrays.asList(args), null, result);
  }

  /** A variadic function type: fixed {@code args}, then any number of {@code variadic}. */
  public static Type.Function variadic(Type result, Type variadic, Type... args) {
    return new Type.Function(Arrays.asList(args), variadic, result);
  }
}
