package dev.ctpat.compliance;

import dev.ctpat.compliance.evidence.Severity;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the value of a criterion's {@code result} rule into a {@link CriterionResult}, checking
 * it strictly: a policy that returns a malformed result, or one whose status contradicts its
 * own findings, must not slip a {@code pass} into a report.
 *
 * <p>The result is {@code {status, sub_items: [{id, status}], findings: [{sub_item, status,
 * message, severity, evidence: [{file, line}], remediation}], waivers: [...]}}; id, title and
 * requirement are taken from the pack's METADATA, not from the result. Findings about a
 * sub-item whose status is {@code not_applicable} are left out.
 */
final class ResultReader {
  private final Criterion criterion;

  private ResultReader(Criterion criterion) {
    this.criterion = criterion;
  }

  /**
   * Reads one result.
   *
   * @throws MalformedResultException naming the first part of the result that is wrong
   */
  static CriterionResult read(Criterion criterion, Value result) {
    return new ResultReader(criterion).read(result);
  }

  /**
   * The result that stands in for one that could not be had: insufficient evidence with a
   * finding that says why, so the criterion can never pass by accident.
   */
  static CriterionResult undecided(Criterion criterion, String why) {
    List<CriterionResult.SubItemResult> subs = criterion.subItems().stream()
        .map(s -> new CriterionResult.SubItemResult(s, Status.INSUFFICIENT_EVIDENCE))
        .toList();
    Finding finding = new Finding(criterion.id(), Status.INSUFFICIENT_EVIDENCE,
        "Criterion " + criterion.id() + " could not be assessed: " + why, Severity.HIGH,
        List.of(), "Fix the policy " + criterion.packagePath() + ", or report the problem to "
            + "the policy pack's maintainers.");
    return new CriterionResult(criterion, Status.INSUFFICIENT_EVIDENCE, subs, List.of(finding),
        List.of());
  }

  private CriterionResult read(Value result) {
    ObjectValue r = object(result, "result");
    Status status = status(r.get("status"), "status");
    List<CriterionResult.SubItemResult> subs = subItems(array(r.get("sub_items"), "sub_items"));
    Set<String> notApplicable = subs.stream()
        .filter(s -> s.status() == Status.NOT_APPLICABLE)
        .map(CriterionResult.SubItemResult::id)
        .collect(Collectors.toSet());
    List<Finding> findings = findings(array(r.get("findings"), "findings")).stream()
        // A sub-item that does not apply cannot fail or lack evidence; what a policy found
        // about it anyway is noise.
        .filter(f -> !notApplicable.contains(f.subItem()))
        .toList();
    List<CriterionResult.AppliedWaiver> waivers =
        r.get("waivers") == null ? List.of() : waivers(array(r.get("waivers"), "waivers"));
    checkConsistent(status, subs, findings);
    return new CriterionResult(criterion, status, subs, findings, waivers);
  }

  private List<Finding> findings(List<Value> values) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String at = "findings[" + i + "]";
      out.add(finding(object(values.get(i), at), at));
    }
    return out;
  }

  private List<CriterionResult.AppliedWaiver> waivers(List<Value> values) {
    List<CriterionResult.AppliedWaiver> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String at = "waivers[" + i + "]";
      out.add(waiver(object(values.get(i), at), at));
    }
    return out;
  }

  private List<CriterionResult.SubItemResult> subItems(List<Value> values) {
    Map<String, Status> byId = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      String at = "sub_items[" + i + "]";
      ObjectValue s = object(values.get(i), at);
      String id = string(s.get("id"), at + ".id");
      if (criterion.subItem(id).isEmpty()) {
        throw malformed(at + ".id " + Json.quote(id) + " is not a sub-item of the criterion");
      }
      if (byId.put(id, status(s.get("status"), at + ".status")) != null) {
        throw malformed("sub-item " + id + " appears twice");
      }
    }
    List<CriterionResult.SubItemResult> out = new ArrayList<>();
    for (Criterion.SubItem s : criterion.subItems()) {
      Status status = byId.get(s.id());
      if (status == null) {
        throw malformed("sub_items lacks sub-item " + s.id());
      }
      out.add(new CriterionResult.SubItemResult(s, status));
    }
    return out;
  }

  private Finding finding(ObjectValue f, String at) {
    String subItem = string(f.get("sub_item"), at + ".sub_item");
    if (!subItem.equals(criterion.id()) && criterion.subItem(subItem).isEmpty()) {
      throw malformed(at + ".sub_item " + Json.quote(subItem)
          + " is neither the criterion nor one of its sub-items");
    }
    Status status = status(f.get("status"), at + ".status");
    if (status != Status.FAIL && status != Status.INSUFFICIENT_EVIDENCE) {
      throw malformed(at + ".status must be fail or insufficient_evidence but was "
          + status.id());
    }
    Severity severity = severity(string(f.get("severity"), at + ".severity"), at + ".severity");
    List<Finding.EvidenceRef> evidence = new ArrayList<>();
    List<Value> refs = array(f.get("evidence"), at + ".evidence");
    for (int i = 0; i < refs.size(); i++) {
      evidence.add(evidenceRef(object(refs.get(i), at + ".evidence[" + i + "]"),
          at + ".evidence[" + i + "]"));
    }
    return new Finding(subItem, status, string(f.get("message"), at + ".message"), severity,
        evidence, string(f.get("remediation"), at + ".remediation"));
  }

  private Finding.EvidenceRef evidenceRef(ObjectValue ref, String at) {
    String file = string(ref.get("file"), at + ".file");
    Value line = ref.get("line");
    if (line == null || line instanceof NullValue) {
      return new Finding.EvidenceRef(file, null);
    }
    if (line instanceof NumberValue n && n.isInt() && n.intValueExact() > 0) {
      return new Finding.EvidenceRef(file, n.intValueExact());
    }
    throw malformed(at + ".line must be a positive integer or null but was " + line);
  }

  private CriterionResult.AppliedWaiver waiver(ObjectValue w, String at) {
    String expires = string(w.get("expires_on"), at + ".expires_on");
    LocalDate expiresOn;
    try {
      expiresOn = LocalDate.parse(expires);
    } catch (DateTimeParseException e) {
      throw malformed(at + ".expires_on must be a date YYYY-MM-DD but was " + Json.quote(expires));
    }
    return new CriterionResult.AppliedWaiver(optionalString(w.get("id"), at + ".id"),
        optionalString(w.get("scope"), at + ".scope"), string(w.get("reason"), at + ".reason"),
        string(w.get("approver"), at + ".approver"), expiresOn);
  }

  /** DESIGN §6 from the other side: a pass has no findings and no failing or undecided part. */
  private void checkConsistent(Status status, List<CriterionResult.SubItemResult> subs,
      List<Finding> findings) {
    if (status != Status.PASS) {
      return;
    }
    if (!findings.isEmpty()) {
      throw malformed("status is pass but there are findings");
    }
    for (CriterionResult.SubItemResult s : subs) {
      if (s.status() != Status.PASS && s.status() != Status.NOT_APPLICABLE) {
        throw malformed("status is pass but sub-item " + s.id() + " is " + s.status().id());
      }
    }
  }

  /** One of the report's severity words, exactly: a policy is not a scanner export. */
  private Severity severity(String word, String at) {
    for (Severity s : Severity.values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(word)) {
        return s;
      }
    }
    throw malformed(at + " must be critical, high, medium, low or info but was "
        + Json.quote(word));
  }

  private Status status(Value v, String at) {
    String id = string(v, at);
    return Status.fromId(id).orElseThrow(() -> malformed(at + " must be one of pass, fail, "
        + "insufficient_evidence, not_applicable, waived but was " + Json.quote(id)));
  }

  private ObjectValue object(Value v, String at) {
    if (v instanceof ObjectValue o) {
      return o;
    }
    throw malformed(at + " must be an object but was " + kind(v));
  }

  private List<Value> array(Value v, String at) {
    if (v instanceof ArrayValue a) {
      return a.elements();
    }
    throw malformed(at + " must be an array but was " + kind(v));
  }

  private String string(Value v, String at) {
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw malformed(at + " must be a string but was " + kind(v));
  }

  private String optionalString(Value v, String at) {
    return v == null || v instanceof NullValue ? null : string(v, at);
  }

  private static String kind(Value v) {
    return Optional.ofNullable(v).map(Value::typeName).orElse("absent");
  }

  private static MalformedResultException malformed(String detail) {
    return new MalformedResultException(detail);
  }

  /** A result that does not have the expected shape. */
  static final class MalformedResultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedResultException(String detail) {
      super(detail);
    }
  }
}
