package dev.ctpat.compliance.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.report.ReportDocument.Criterion;
import dev.ctpat.compliance.report.ReportDocument.Evidence;
import dev.ctpat.compliance.report.ReportDocument.EvidenceFile;
import dev.ctpat.compliance.report.ReportDocument.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The report as an OSCAL assessment-results document (OSCAL 1.0.4 JSON), for GRC tools. The
 * single result has one observation per evidence file, pointing at a back-matter resource that
 * carries the file's SHA-256, and one finding per criterion, targeting the objective
 * {@code ctpat-<id>} (e.g. {@code ctpat-4.8}) with state {@code satisfied} or
 * {@code not-satisfied} and our exact status in a {@code ctpat} property. The assessment plan
 * it imports is the policy pack itself, a back-matter resource with the pack's digest. UUIDs
 * are derived from the report's content (version 5), and every timestamp is the as-of day, so
 * the same report gives the same document.
 */
public final class OscalRenderer implements ReportRenderer {
  /** The namespace of our own property names. */
  static final String NS = "https://ctpat.dev/ns/oscal";
  static final String OSCAL_VERSION = "1.0.4";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern DATE_TIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  @Override
  public String format() {
    return "oscal";
  }

  @Override
  public String fileExtension() {
    return "oscal.json";
  }

  @Override
  public void render(ReportDocument report, Writer out) throws IOException {
    ReportIds ids = ReportIds.of(report);
    String day = report.asOf() + "T00:00:00Z";
    ObjectNode root = NODES.objectNode();
    ObjectNode ar = root.putObject("assessment-results");
    ar.put("uuid", ids.uuid("assessment-results"));
    ar.set("metadata", metadata(report, ids, day));
    ar.putObject("import-ap")
        .put("href", "#" + ids.uuid("resource/policy-pack"))
        .put("remarks", "There is no separate assessment plan: the policy pack is the plan. "
            + "Its digest in the back matter identifies the exact policies and data evaluated.");
    ObjectNode result = ar.putArray("results").addObject();
    result.put("uuid", ids.uuid("result"));
    result.put("title", "CTPAT cybersecurity criteria as of " + report.asOf());
    result.put("description", description(report));
    result.put("start", day);
    result.set("props", summaryProps(report));
    ObjectNode selection = result.putObject("reviewed-controls")
        .putArray("control-selections").addObject();
    selection.put("description", "Every criterion of the policy pack.");
    ArrayNode include = selection.putArray("include-controls");
    report.criteria().forEach(c -> include.addObject().put("control-id", controlId(c)));
    Map<String, String> observations = observations(report, ids, day, result);
    ArrayNode findings = result.putArray("findings");
    for (Criterion c : report.criteria()) {
      findings.add(finding(c, ids, observations));
    }
    ar.set("back-matter", backMatter(report, ids));
    JsonOutput.write(root, out);
  }

  /** Our catalog identifier of a criterion: {@code ctpat-4.8}. */
  static String controlId(Criterion c) {
    return "ctpat-" + c.id();
  }

  private static ObjectNode metadata(ReportDocument report, ReportIds ids, String day) {
    ObjectNode metadata = NODES.objectNode();
    metadata.put("title", "CTPAT cybersecurity assessment"
        + report.organizationName().map(n -> ": " + n).orElse(""));
    metadata.put("last-modified", day);
    metadata.put("version", report.asOf().toString());
    metadata.put("oscal-version", OSCAL_VERSION);
    ArrayNode props = metadata.putArray("props");
    prop(props, "as-of", report.asOf().toString());
    report.entity().ifPresent(e -> prop(props, "entity-type", e));
    report.engine().fields().forEach((k, v) -> prop(props, "engine." + k, v));
    report.organizationName().map(OscalRenderer::singleLine).filter(n -> !n.isEmpty())
        .ifPresent(name -> metadata.putArray("parties").addObject()
            .put("uuid", ids.uuid("party/organization"))
            .put("type", "organization")
            .put("name", name));
    return metadata;
  }

  private static String description(ReportDocument report) {
    String engine = report.engine().name() + report.engine().version().map(v -> " " + v)
        .orElse("");
    int n = report.criteria().size();
    return "Automated assessment of " + n + (n == 1 ? " criterion" : " criteria") + " by "
        + engine + " against the evidence files observed below. "
        + (report.summary().compliant()
            ? "Compliant: no must criterion fails or lacks evidence."
            : "Not compliant: must criteria "
                + report.blockingCriteria().stream().map(Criterion::id)
                    .collect(Collectors.joining(", "))
                + " fail or lack evidence.");
  }

  private static ArrayNode summaryProps(ReportDocument report) {
    ArrayNode props = NODES.arrayNode();
    prop(props, "compliant", String.valueOf(report.summary().compliant()));
    for (Status s : Status.values()) {
      prop(props, "count." + s.id(), String.valueOf(report.summary().count(s)));
    }
    return props;
  }

  /** Adds one observation per evidence file; returns their UUIDs by path. */
  private static Map<String, String> observations(ReportDocument report, ReportIds ids,
      String day, ObjectNode result) {
    Map<String, String> byPath = new LinkedHashMap<>();
    if (report.evidenceFiles().isEmpty()) {
      return byPath;
    }
    ArrayNode observations = result.putArray("observations");
    for (EvidenceFile f : report.evidenceFiles()) {
      String uuid = ids.uuid("observation/" + f.path());
      byPath.put(f.path(), uuid);
      ObjectNode o = observations.addObject();
      o.put("uuid", uuid);
      o.put("title", f.path());
      o.put("description", f.adapter() == null
          ? "Evidence file " + f.path() + ", not recognized by any adapter."
          : "Evidence file " + f.path() + ", read by the " + f.adapter() + " adapter.");
      ArrayNode props = o.putArray("props");
      prop(props, "sha256", f.sha256() == null ? "unreadable" : f.sha256());
      o.putArray("methods").add("EXAMINE");
      o.putArray("relevant-evidence").addObject()
          .put("href", "#" + ids.uuid("resource/" + f.path()))
          .put("description", f.sha256() == null ? f.path() + " (unreadable)"
              : f.path() + ", SHA-256 " + f.sha256());
      o.put("collected", f.collectedAt() != null && DATE_TIME.matcher(f.collectedAt()).matches()
          ? f.collectedAt() : day);
      if (!f.warnings().isEmpty()) {
        o.put("remarks", String.join("\n", f.warnings()));
      }
    }
    return byPath;
  }

  private static ObjectNode finding(Criterion c, ReportIds ids, Map<String, String> observations) {
    ObjectNode finding = NODES.objectNode();
    finding.put("uuid", ids.uuid("finding/" + c.id()));
    finding.put("title", c.id() + " " + c.title());
    finding.put("description", findingDescription(c));
    ArrayNode props = finding.putArray("props");
    prop(props, "status", c.status().id());
    prop(props, "requirement", c.requirement().id());
    ObjectNode target = finding.putObject("target");
    target.put("type", "objective-id");
    target.put("target-id", controlId(c));
    ObjectNode status = target.putObject("status");
    status.put("state", c.status() == Status.PASS || c.status() == Status.NOT_APPLICABLE
        ? "satisfied" : "not-satisfied");
    status.put("reason", switch (c.status()) {
      case PASS -> "pass";
      case FAIL -> "fail";
      default -> "other";
    });
    status.put("remarks", Wording.status(c.status()) + statusRemark(c));
    if (c.status() == Status.NOT_APPLICABLE) {
      target.putObject("implementation-status").put("state", "not-applicable");
    }
    Set<String> related = new LinkedHashSet<>();
    for (Finding f : c.findings()) {
      for (Evidence e : f.evidence()) {
        if (observations.containsKey(e.file())) {
          related.add(observations.get(e.file()));
        }
      }
    }
    if (!related.isEmpty()) {
      ArrayNode refs = finding.putArray("related-observations");
      related.forEach(uuid -> refs.addObject().put("observation-uuid", uuid));
    }
    String remediation = c.findings().stream().map(Finding::remediation)
        .filter(r -> !r.isEmpty()).distinct().collect(Collectors.joining("\n"));
    if (!remediation.isEmpty()) {
      finding.put("remarks", "Remediation:\n" + remediation);
    }
    return finding;
  }

  private static String statusRemark(Criterion c) {
    return switch (c.status()) {
      case WAIVED -> ": the failures are covered by "
          + c.waivers().stream().map(Wording::waiver).collect(Collectors.joining("; ")) + ".";
      case INSUFFICIENT_EVIDENCE -> ": the evidence does not decide every sub-item.";
      case NOT_APPLICABLE -> ": no sub-item applies to this organization.";
      default -> ".";
    };
  }

  private static String findingDescription(Criterion c) {
    StringBuilder sb = new StringBuilder("CTPAT ").append(c.id()).append(" (")
        .append(c.requirement().id()).append("): ").append(c.title()).append(". Status: ")
        .append(c.status().id()).append('.');
    for (Finding f : c.findings()) {
      sb.append("\n- [").append(Wording.id(f.severity())).append("] ").append(f.status().id())
          .append(' ').append(f.subItem()).append(": ").append(f.message());
      if (!f.evidence().isEmpty()) {
        sb.append(" (evidence: ").append(f.evidence().stream().map(Object::toString)
            .collect(Collectors.joining(", "))).append(')');
      }
    }
    return sb.toString();
  }

  private static ObjectNode backMatter(ReportDocument report, ReportIds ids) {
    ObjectNode backMatter = NODES.objectNode();
    ArrayNode resources = backMatter.putArray("resources");
    ObjectNode pack = resources.addObject();
    pack.put("uuid", ids.uuid("resource/policy-pack"));
    pack.put("title", "CTPAT policy pack");
    pack.put("description", "The Rego policies and data evaluated, identified by their SHA-256"
        + " over the module texts and the data.");
    ArrayNode packProps = pack.putArray("props");
    report.engine().fields().forEach((k, v) -> prop(packProps, "engine." + k, v));
    if (packProps.isEmpty()) {
      pack.remove("props");
    }
    for (EvidenceFile f : report.evidenceFiles()) {
      ObjectNode resource = resources.addObject();
      resource.put("uuid", ids.uuid("resource/" + f.path()));
      resource.put("title", f.path());
      ObjectNode rlink = resource.putArray("rlinks").addObject();
      rlink.put("href", ReportIds.uriReference(f.path()));
      if (f.sha256() != null) {
        rlink.putArray("hashes").addObject().put("algorithm", "SHA-256").put("value", f.sha256());
      }
    }
    return backMatter;
  }

  /**
   * Adds a property in our namespace. OSCAL property values are single-line strings without
   * surrounding space, so values are normalized; an empty value is left out.
   */
  private static void prop(ArrayNode props, String name, String value) {
    String v = singleLine(value);
    if (!v.isEmpty()) {
      props.addObject().put("name", name).put("ns", NS).put("value", v);
    }
  }

  private static String singleLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
