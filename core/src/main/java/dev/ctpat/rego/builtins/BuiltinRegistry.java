package dev.ctpat.rego.builtins;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of builtins by name. {@link #standard()} holds every builtin the engine ships;
 * embedders derive a registry with their own builtins added through {@link #with}.
 */
public final class BuiltinRegistry {
  private static final List<BuiltinFamily> FAMILIES = List.of(
      new MembershipBuiltins(),
      new OperatorBuiltins(),
      new NumberBuiltins(),
      new AggregateBuiltins(),
      new ArrayBuiltins(),
      new SetBuiltins(),
      new ObjectBuiltins(),
      new TypeBuiltins(),
      new BitsBuiltins(),
      new StringBuiltins(),
      new SprintfBuiltin(),
      new RegexBuiltins(),
      new GlobBuiltins(),
      new EncodingBuiltins(),
      new HashBuiltins(),
      new CryptoBuiltins(),
      new JwtBuiltins(),
      new UuidBuiltins(),
      new JsonBuiltins(),
      new GraphBuiltins(),
      new GraphqlBuiltins(),
      new WalkBuiltin(),
      new TimeBuiltins(),
      new UnitsBuiltins(),
      new SemverBuiltins(),
      new NetBuiltins(),
      new NetworkBuiltins(),
      new AwsBuiltins(),
      new RegoBuiltins(),
      new UriBuiltins(),
      new ArrayFlattenBuiltin(),
      new StringsSplitNBuiltin(),
      new InternalBuiltins());

  private static final BuiltinRegistry STANDARD = build();

  private final Map<String, Builtin> byName;

  private BuiltinRegistry(Map<String, Builtin> byName) {
    this.byName = Map.copyOf(byName);
  }

  private static BuiltinRegistry build() {
    Map<String, Builtin> m = new LinkedHashMap<>();
    for (BuiltinFamily f : FAMILIES) {
      f.register(b -> {
        Builtin prev = m.putIfAbsent(b.name(), b);
        if (prev != null) {
          throw new IllegalStateException("builtin " + b.name() + " registered twice");
        }
      });
    }
    return new BuiltinRegistry(m);
  }

  /** Every builtin the engine ships. */
  public static BuiltinRegistry standard() {
    return STANDARD;
  }

  /** A registry with {@code extra} added; an extra builtin replaces a standard one of its name. */
  public BuiltinRegistry with(Collection<Builtin> extra) {
    Map<String, Builtin> m = new LinkedHashMap<>(byName);
    extra.forEach(b -> m.put(b.name(), b));
    return new BuiltinRegistry(m);
  }

  public Optional<Builtin> lookup(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Collection<Builtin> all() {
    return byName.values();
  }
}
