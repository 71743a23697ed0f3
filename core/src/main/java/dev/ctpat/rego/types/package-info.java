/**
 * Rego types as OPA's type checker and capabilities file describe them, used to declare the
 * signatures of builtins.
 */
package dev.ctpat.rego.types;
