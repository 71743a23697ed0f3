/**
 * OPA's builtin functions, one package-private class per family, and the public SPI
 * ({@link dev.ctpat.rego.builtins.Builtin}, {@link dev.ctpat.rego.builtins.BuiltinContext})
 * through which embedders add their own. Builtins see values and a context, never the
 * evaluator's internals.
 */
package dev.ctpat.rego.builtins;
