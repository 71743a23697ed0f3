/**
 * The compiler: turns parsed modules into a {@link dev.ctpat.rego.compile.CompiledPolicy} —
 * names resolved, bodies reordered for safety, rules arranged in a tree of virtual documents
 * with indexes — and reports compile errors with OPA's codes. The intermediate form
 * ({@link dev.ctpat.rego.compile.Ir}) is public only for the evaluator; it is not API.
 */
package dev.ctpat.rego.compile;
