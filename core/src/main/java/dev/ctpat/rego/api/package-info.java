/**
 * The engine's public surface: build a {@link dev.ctpat.rego.api.PreparedPolicy} once with
 * {@link dev.ctpat.rego.api.Rego#builder()}, then evaluate it from any number of threads. Errors
 * surface as {@link dev.ctpat.rego.api.RegoException} with OPA's codes and locations.
 */
package dev.ctpat.rego.api;
