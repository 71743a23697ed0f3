/**
 * Immutable Rego values (null, boolean, exact numbers, strings, arrays, objects, sets), their
 * total order as OPA defines it, and conversion to and from JSON and plain Java objects. Knows
 * nothing of policies or evaluation.
 */
package dev.ctpat.rego.value;
