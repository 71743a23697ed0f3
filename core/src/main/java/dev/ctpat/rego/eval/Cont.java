package dev.ctpat.rego.eval;

/**
 * The rest of an evaluation after a step succeeded. Returns false to stop enumerating further
 * solutions (the answer is known), true to ask for more.
 */
@FunctionalInterface
interface Cont {
  boolean run();
}
