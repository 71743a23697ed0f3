/**
 * Top-down evaluation of compiled queries with unification and backtracking, per-query caches
 * and bounds. One {@link dev.ctpat.rego.eval.Evaluator} serves one query on one thread.
 */
package dev.ctpat.rego.eval;
