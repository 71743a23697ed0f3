package dev.ctpat.rego.api;

import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.Value;
import java.util.Optional;

/** Small helpers that keep engine tests to the point: one module, one query, one value. */
final class RegoTestSupport {
  private RegoTestSupport() {}

  static PreparedPolicy policy(String module) {
    return Rego.builder().module("test.rego", module).build();
  }

  static PreparedPolicy policyV0(String module) {
    return Rego.builder().regoVersion(RegoVersion.V0).module("test.rego", module).build();
  }

  /** The value of {@code ref}, or empty when undefined. */
  static Optional<Value> value(PreparedPolicy p, String ref) {
    return p.evaluate(ref, null);
  }

  /** The value of {@code ref} with a JSON input. */
  static Optional<Value> value(PreparedPolicy p, String ref, String inputJson) {
    return p.evaluate(ref, Json.parse(inputJson));
  }

  static Value json(String text) {
    return Json.parse(text);
  }
}
