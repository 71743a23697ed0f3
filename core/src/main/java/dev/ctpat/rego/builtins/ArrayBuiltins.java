package dev.ctpat.rego.builtins;

import java.util.function.Consumer;

/** TODO(family not yet implemented). */
final class ArrayBuiltins implements BuiltinFamily {
  @Override
  public void register(Consumer<Builtin> out) {}
}
