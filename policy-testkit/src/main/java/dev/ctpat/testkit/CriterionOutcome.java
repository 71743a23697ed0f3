package dev.ctpat.testkit;

import dev.ctpat.compliance.Status;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one criterion came out on one document, as its policy's {@code result} rule says: what a
 * property asserts on. The {@link #toString()} lists the status of every sub-item and every
 * finding, so that a failed assertion explains itself.
 *
 * @param id the criterion id, e.g. {@code "4.8"}
 * @param status the criterion's status
 * @param subItems the status of each sub-item, in the criterion's order
 * @param findings the findings, in the policy's order
 * @param waivers how many waivers were applied to the criterion
 * @param result the {@code result} document itself, for assertions the fields above do not cover
 */
public record CriterionOutcome(
    String id,
    Status status,
    Map<String, Status> subItems,
    List<Finding> findings,
    int waivers,
    ObjectValue result) {

  public CriterionOutcome {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    subItems = Collections.unmodifiableMap(new LinkedHashMap<>(subItems));
    findings = List.copyOf(findings);
    Objects.requireNonNull(result, "result");
  }

  /**
   * Reads a criterion's {@code result} document.
   *
   * @throws IllegalStateException when the document lacks a field or has an unknown status
   */
  static CriterionOutcome read(String id, Value result) {
    if (!(result instanceof ObjectValue r)) {
      throw new IllegalStateException("the result of criterion " + id + " is no object: "
          + Json.write(result));
    }
    Map<String, Status> subItems = new LinkedHashMap<>();
    for (Value sub : array(r, "sub_items", id)) {
      subItems.put(text(sub, "id", id), status(sub, id));
    }
    List<Finding> findings = new ArrayList<>();
    for (Value f : array(r, "findings", id)) {
      findings.add(new Finding(text(f, "sub_item", id), status(f, id), text(f, "message", id)));
    }
    return new CriterionOutcome(id, status(r, id), subItems, findings,
        array(r, "waivers", id).size(), r);
  }

  /** True when the criterion passes. */
  public boolean passes() {
    return status == Status.PASS;
  }

  /** The ids of the sub-items whose status is {@code status}, sorted. */
  public Set<String> subItemsWith(Status status) {
    Set<String> ids = new TreeSet<>();
    subItems.forEach((sub, s) -> {
      if (s == status) {
        ids.add(sub);
      }
    });
    return ids;
  }

  /** The findings of one sub-item (or, with the criterion id, of the whole criterion). */
  public List<Finding> findingsOf(String subItem) {
    return findings.stream().filter(f -> f.subItem().equals(subItem)).toList();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(id).append(": ").append(status.id());
    subItems.forEach((sub, s) -> out.append("\n  ").append(sub).append(": ").append(s.id()));
    findings.forEach(f -> out.append("\n  - ").append(f));
    if (waivers > 0) {
      out.append("\n  waivers applied: ").append(waivers);
    }
    return out.toString();
  }

  /**
   * One finding of a criterion.
   *
   * @param subItem the sub-item it concerns, or the criterion id for the whole criterion
   * @param status {@link Status#FAIL} or {@link Status#INSUFFICIENT_EVIDENCE}
   * @param message what was found
   */
  public record Finding(String subItem, Status status, String message) {
    public Finding {
      Objects.requireNonNull(subItem, "subItem");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return "[" + subItem + " " + status.id() + "] " + message;
    }
  }

  private static List<Value> array(ObjectValue o, String key, String id) {
    if (o.get(key) instanceof ArrayValue a) {
      return a.elements();
    }
    throw malformed(id, key + " is no array", o);
  }

  private static String text(Value o, String key, String id) {
    if (o instanceof ObjectValue object && object.get(key) instanceof StringValue s) {
      return s.value();
    }
    throw malformed(id, key + " is no string", o);
  }

  private static Status status(Value o, String id) {
    String text = text(o, "status", id);
    return Status.fromId(text).orElseThrow(() -> malformed(id, "unknown status " + text, o));
  }

  private static IllegalStateException malformed(String id, String problem, Value where) {
    return new IllegalStateException("malformed result of criterion " + id + ": " + problem
        + " in " + Json.write(where));
  }
}
