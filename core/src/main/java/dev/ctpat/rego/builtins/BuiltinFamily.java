package dev.ctpat.rego.builtins;

import java.util.function.Consumer;

/** A group of related builtins (one class per OPA category) that registers its members. */
interface BuiltinFamily {
  /** Hands every builtin of the family to {@code out}. */
  void register(Consumer<Builtin> out);
}
