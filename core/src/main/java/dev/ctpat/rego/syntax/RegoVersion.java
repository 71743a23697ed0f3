package dev.ctpat.rego.syntax;

/** The two Rego syntaxes OPA 1.x accepts. */
public enum RegoVersion {
  /** Rego v0 (OPA before 1.0), as with {@code --v0-compatible}. */
  V0,
  /** Rego v1: {@code if} and {@code contains} required, keywords always on. */
  V1
}
