package dev.ctpat.rego.syntax;

import java.util.Map;

/**
 * A METADATA comment block, kept as OPA parses it: the YAML fields as plain Java values
 * (strings, lists, maps) and the scope it applies to.
 *
 * @param location where the {@code # METADATA} line is
 * @param scope {@code rule}, {@code document}, {@code package} or {@code subpackages}
 * @param fields the YAML mapping ({@code title}, {@code description}, {@code custom}, ...)
 */
public record Annotation(Location location, String scope, Map<String, Object> fields) {
  public Annotation {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }
}
