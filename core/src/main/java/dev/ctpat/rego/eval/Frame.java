package dev.ctpat.rego.eval;

import dev.ctpat.rego.value.Value;

/**
 * The variable slots of one rule, function or query evaluation, with the trail that lets
 * backtracking undo bindings. Never shared between evaluations or threads.
 */
final class Frame {
  private final Value[] slots;

  Frame(int size) {
    this.slots = new Value[size];
  }

  Value get(int slot) {
    return slots[slot];
  }

  void bind(int slot, Value v) {
    slots[slot] = v;
  }

  void unbind(int slot) {
    slots[slot] = null;
  }
}
