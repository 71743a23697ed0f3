package dev.ctpat.rego.loader;

import dev.ctpat.rego.syntax.Module;

/**
 * A Rego source file as loaded: its path (as used in error messages), its text and its parsed
 * module.
 */
public record RegoFile(String path, String source, Module module) {}
