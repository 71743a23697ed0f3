package dev.ctpat.compliance.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctpat.compliance.Requirement;
import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.report.ReportDocument.Criterion;
import dev.ctpat.compliance.report.ReportDocument.Evidence;
import dev.ctpat.compliance.report.ReportDocument.EvidenceFile;
import dev.ctpat.compliance.report.ReportDocument.Finding;
import dev.ctpat.compliance.report.ReportDocument.SubItem;
import dev.ctpat.compliance.report.ReportDocument.Waiver;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The report as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Each criterion
 * sub-item is a rule ({@code reportingDescriptor}); each finding is a result whose locations
 * are the evidence files and lines it cites. The level follows the severity (critical and high
 * are errors, medium a warning, low and info notes), capped at warning for missing evidence
 * and for should criteria. A finding covered by an applied waiver carries an accepted external
 * suppression, so code scanning shows it as dismissed. Passing and not-applicable sub-items
 * produce no result; their status is in the rule's properties.
 *
 * <p>GitHub needs a file for every result. Evidence paths are relative to the evidence folder;
 * construct the renderer with that folder's path in the repository so the locations resolve. A
 * finding without evidence (evidence is missing) is placed on the folder's {@code ctpat.yaml},
 * the organization profile where missing records are declared.
 */
public final class SarifRenderer implements ReportRenderer {
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String uriPrefix;

  /** A renderer whose locations are the evidence paths as the report gives them. */
  public SarifRenderer() {
    this("");
  }

  /**
   * A renderer whose locations are the evidence paths prefixed with the evidence folder's
   * path, e.g. {@code compliance/evidence/}, so that they are relative to the repository root.
   */
  public SarifRenderer(String uriPrefix) {
    Objects.requireNonNull(uriPrefix, "uriPrefix");
    this.uriPrefix = uriPrefix.isEmpty() || uriPrefix.endsWith("/") ? uriPrefix : uriPrefix + "/";
  }

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String fileExtension() {
    return "sarif";
  }

  @Override
  public void render(ReportDocument report, Writer out) throws IOException {
    ObjectNode log = NODES.objectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", report.engine().name());
    report.engine().version().ifPresent(v -> driver.put("version", v));
    driver.putObject("shortDescription")
        .put("text", "CTPAT Minimum Security Criteria for cybersecurity, as policy-as-code");
    Rules rules = new Rules(driver.putArray("rules"));
    report.criteria().forEach(rules::addCriterion);
    run.putObject("automationDetails").put("id", "ctpat/");
    Map<String, Integer> artifacts = artifacts(report, run.putArray("artifacts"));
    ArrayNode results = run.putArray("results");
    for (Criterion c : report.criteria()) {
      for (Finding f : c.findings()) {
        results.add(result(c, f, rules.indexOf(f.subItem()), artifacts));
      }
    }
    run.set("properties", runProperties(report));
    JsonOutput.write(log, out);
  }

  /** The rules, one per sub-item, plus one per criterion whose findings name no sub-item. */
  private final class Rules {
    private final ArrayNode array;
    private final Map<String, Integer> index = new HashMap<>();

    Rules(ArrayNode array) {
      this.array = array;
    }

    void addCriterion(Criterion c) {
      for (SubItem s : c.subItems()) {
        add(c, s.id(), s.title(), s.requirement(), s.status());
      }
      for (Finding f : c.findings()) {
        if (!index.containsKey(f.subItem())) {
          add(c, f.subItem(), c.title(), c.requirement(), c.status());
        }
      }
    }

    int indexOf(String subItem) {
      return index.get(subItem);
    }

    private void add(Criterion c, String id, String title, Requirement requirement,
        Status status) {
      index.put(id, array.size());
      ObjectNode rule = array.addObject();
      rule.put("id", id);
      rule.putObject("shortDescription").put("text", title);
      rule.putObject("fullDescription").put("text", "CTPAT " + c.id() + " ("
          + requirement.id() + "): " + c.title() + ". " + title);
      ObjectNode help = rule.putObject("help");
      help.put("text", helpText(c));
      help.put("markdown", helpMarkdown(c));
      rule.putObject("defaultConfiguration")
          .put("level", requirement == Requirement.MUST ? "error" : "warning");
      ObjectNode props = rule.putObject("properties");
      props.putArray("tags").add("ctpat").add("compliance").add("security")
          .add(requirement.id());
      props.put("criterion", c.id());
      props.put("requirement", requirement.id());
      props.put("status", status.id());
    }
  }

  private static String helpText(Criterion c) {
    StringBuilder sb = new StringBuilder(c.description().isEmpty() ? c.title() : c.description());
    crosswalkLines(c).forEach(line -> sb.append('\n').append(line));
    return sb.toString();
  }

  private static String helpMarkdown(Criterion c) {
    StringBuilder sb = new StringBuilder("**CTPAT ").append(c.id()).append("** (")
        .append(c.requirement().id()).append("): ")
        .append(MarkdownRenderer.inline(c.description().isEmpty() ? c.title() : c.description()));
    crosswalkLines(c).forEach(line -> sb.append("\n\n").append(MarkdownRenderer.inline(line)));
    return sb.toString();
  }

  private static List<String> crosswalkLines(Criterion c) {
    List<String> lines = c.crosswalk().frameworks().entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> Wording.framework(e.getKey()) + ": " + String.join(", ", e.getValue()))
        .collect(Collectors.toList());
    if (!lines.isEmpty() && !c.crosswalk().basis().isEmpty()) {
      lines.add("Crosswalk basis: " + c.crosswalk().basis());
    }
    return lines;
  }

  private Map<String, Integer> artifacts(ReportDocument report, ArrayNode array) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (EvidenceFile f : report.evidenceFiles()) {
      index.put(f.path(), array.size());
      ObjectNode artifact = array.addObject();
      artifact.putObject("location").put("uri", uri(f.path()));
      if (f.sha256() != null) {
        artifact.putObject("hashes").put("sha-256", f.sha256());
      }
      ObjectNode props = artifact.putObject("properties");
      props.put("adapter", f.adapter());
      props.put("collected_at", f.collectedAt());
      ArrayNode warnings = props.putArray("warnings");
      f.warnings().forEach(warnings::add);
    }
    return index;
  }

  private ObjectNode result(Criterion c, Finding f, int ruleIndex,
      Map<String, Integer> artifacts) {
    ObjectNode result = NODES.objectNode();
    result.put("ruleId", f.subItem());
    result.put("ruleIndex", ruleIndex);
    result.put("kind", "fail");
    result.put("level", level(c, f));
    String remediation = f.remediation().isEmpty() ? "" : " Remediation: " + f.remediation();
    result.putObject("message").put("text", f.message() + remediation);
    ArrayNode locations = result.putArray("locations");
    if (f.evidence().isEmpty()) {
      location(locations, new Evidence("ctpat.yaml", null), null);
    }
    for (Evidence e : f.evidence()) {
      location(locations, e, artifacts.get(e.file()));
    }
    result.putObject("partialFingerprints").put("ctpatFinding/v1", ReportIds.sha256(
        f.subItem() + "\n" + f.message() + "\n" + (f.evidence().isEmpty() ? ""
            : f.evidence().get(0).file())));
    List<Waiver> waivers = f.status() == Status.FAIL ? c.waiversCovering(f.subItem()) : List.of();
    if (!waivers.isEmpty()) {
      ArrayNode suppressions = result.putArray("suppressions");
      for (Waiver w : waivers) {
        suppressions.addObject().put("kind", "external").put("status", "accepted")
            .put("justification", Wording.waiver(w));
      }
    }
    ObjectNode props = result.putObject("properties");
    props.put("criterion", c.id());
    props.put("requirement", c.requirement().id());
    props.put("status", f.status().id());
    props.put("severity", Wording.id(f.severity()));
    props.put("evidence", f.evidence().isEmpty() ? "missing" : "cited");
    props.put("remediation", f.remediation());
    return result;
  }

  /**
   * The SARIF level: the severity's, at most a warning when the finding is missing evidence or
   * the criterion is a should (neither fails the gate on its own).
   */
  static String level(Criterion c, Finding f) {
    String bySeverity = switch (f.severity()) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
    boolean capped = f.status() == Status.INSUFFICIENT_EVIDENCE
        || c.requirement() == Requirement.SHOULD;
    return capped && bySeverity.equals("error") ? "warning" : bySeverity;
  }

  private void location(ArrayNode locations, Evidence e, Integer artifactIndex) {
    ObjectNode physical = locations.addObject().putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation").put("uri", uri(e.file()));
    if (artifactIndex != null) {
      artifact.put("index", artifactIndex);
    }
    // Code scanning needs a start line; a finding about a whole file points at its first line.
    physical.putObject("region").put("startLine", e.line() == null ? 1 : e.line());
  }

  private String uri(String path) {
    return ReportIds.uriReference(uriPrefix + path);
  }

  private static ObjectNode runProperties(ReportDocument report) {
    ObjectNode props = NODES.objectNode();
    props.put("as_of", report.asOf().toString());
    props.put("organization", report.organizationName().orElse(null));
    props.put("entity", report.entity().orElse(null));
    props.put("compliant", report.summary().compliant());
    ObjectNode counts = props.putObject("summary");
    for (Status s : Status.values()) {
      counts.put(s.id(), report.summary().count(s));
    }
    ObjectNode engine = props.putObject("engine");
    report.engine().fields().forEach(engine::put);
    ArrayNode criteria = props.putArray("criteria");
    for (Criterion c : report.criteria()) {
      criteria.addObject().put("id", c.id()).put("requirement", c.requirement().id())
          .put("status", c.status().id());
    }
    return props;
  }
}
