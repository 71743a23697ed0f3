package dev.ctpat.rego.eval;

import dev.ctpat.rego.value.Value;

/** Receives each value a term can take; returns false to stop enumerating. */
@FunctionalInterface
interface ValueCont {
  boolean accept(Value v);
}
