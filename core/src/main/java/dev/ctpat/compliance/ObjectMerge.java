package dev.ctpat.compliance;

import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.Map;

/** Deep merges of JSON objects, key by key, as OPA merges data and as the pack merges thresholds. */
final class ObjectMerge {
  private ObjectMerge() {}

  /** {@code top} laid over {@code base}: nested objects merge, any other value of top wins. */
  static ObjectValue overlay(ObjectValue base, ObjectValue top) {
    ObjectValue.Builder out = ObjectValue.builder();
    base.entries().forEach(out::put);
    for (Map.Entry<Value, Value> e : top.entries().entrySet()) {
      Value below = base.get(e.getKey());
      out.put(e.getKey(), below instanceof ObjectValue x && e.getValue() instanceof ObjectValue y
          ? overlay(x, y) : e.getValue());
    }
    return out.build();
  }

  /**
   * The union of two objects whose non-object values must not overlap; each overlap adds its
   * path (such as {@code data.ctpat.config.x}) to {@code conflicts}.
   */
  static ObjectValue union(ObjectValue a, ObjectValue b, String at, List<String> conflicts) {
    ObjectValue.Builder out = ObjectValue.builder();
    a.entries().forEach(out::put);
    for (Map.Entry<Value, Value> e : b.entries().entrySet()) {
      Value mine = a.get(e.getKey());
      String where = at + step(e.getKey());
      if (mine == null) {
        out.put(e.getKey(), e.getValue());
      } else if (mine instanceof ObjectValue x && e.getValue() instanceof ObjectValue y) {
        out.put(e.getKey(), union(x, y, where, conflicts));
      } else {
        conflicts.add(where);
      }
    }
    return out.build();
  }

  private static String step(Value key) {
    return key instanceof StringValue s && s.value().matches("[A-Za-z_][A-Za-z0-9_]*")
        ? "." + s.value() : "[" + Json.write(key) + "]";
  }
}
