package dev.ctpat.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctpat.compliance.evidence.EvidenceFile;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes an {@link AssessmentReport} as the JSON of DESIGN §6, described by
 * {@code dev/ctpat/compliance/report.schema.json}. The output is deterministic: keys in a fixed
 * order, criteria in criterion order, findings as the policies sorted them, two-space
 * indentation and {@code \n} line ends, so two runs on the same evidence give the same bytes.
 * Unknown values are written as {@code null}, never left out.
 */
public final class ReportJson {
  /** Where the JSON Schema of the report lies on the classpath. */
  public static final String SCHEMA_RESOURCE = "/dev/ctpat/compliance/report.schema.json";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter WRITER = new ObjectMapper().writer(prettyPrinter());

  private ReportJson() {}

  /** The report as pretty-printed JSON, ending with a newline. */
  public static String write(AssessmentReport report) {
    try {
      return WRITER.writeValueAsString(tree(report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report as a Jackson tree, keys in report order. */
  public static ObjectNode tree(AssessmentReport report) {
    ObjectNode root = NODES.objectNode();
    root.putObject("organization")
        .put("name", report.organizationName())
        .put("entity_type", report.entity())
        .put("as_of", report.asOf().toString());
    root.put("entity", report.entity());
    root.put("as_of", report.asOf().toString());
    summary(root.putObject("summary"), report.summary());
    ArrayNode criteria = root.putArray("criteria");
    report.criteria().forEach(c -> criterion(criteria.addObject(), c));
    ArrayNode files = root.putArray("evidence_files");
    report.evidenceFiles().forEach(f -> evidenceFile(files.addObject(), f));
    AssessmentReport.Engine engine = report.engine();
    root.putObject("engine")
        .put("name", engine.name())
        .put("version", engine.version())
        .put("policy_sha256", engine.policySha256());
    return root;
  }

  private static void summary(ObjectNode node, AssessmentReport.Summary s) {
    node.put("compliant", s.compliant());
    for (Status status : Status.values()) {
      node.put(status.id(), s.count(status));
    }
  }

  private static void criterion(ObjectNode node, CriterionResult c) {
    node.put("id", c.id())
        .put("title", c.title())
        .put("requirement", c.requirement().id())
        .put("status", c.status().id());
    ArrayNode subs = node.putArray("sub_items");
    for (CriterionResult.SubItemResult s : c.subItems()) {
      subs.addObject()
          .put("id", s.id())
          .put("title", s.subItem().title())
          .put("requirement", s.subItem().requirement().id())
          .put("status", s.status().id());
    }
    ArrayNode findings = node.putArray("findings");
    c.findings().forEach(f -> finding(findings.addObject(), f));
    ArrayNode waivers = node.putArray("waivers");
    for (CriterionResult.AppliedWaiver w : c.waivers()) {
      waivers.addObject()
          .put("id", w.id())
          .put("scope", w.scope())
          .put("reason", w.reason())
          .put("approver", w.approver())
          .put("expires_on", w.expiresOn().toString());
    }
  }

  private static void finding(ObjectNode node, Finding f) {
    node.put("sub_item", f.subItem())
        .put("status", f.status().id())
        .put("message", f.message())
        .put("severity", f.severity().name().toLowerCase(Locale.ROOT));
    ArrayNode evidence = node.putArray("evidence");
    for (Finding.EvidenceRef ref : f.evidence()) {
      evidence.addObject().put("file", ref.file()).put("line", ref.line());
    }
    node.put("remediation", f.remediation());
  }

  private static void evidenceFile(ObjectNode node, EvidenceFile f) {
    node.put("path", f.path())
        .put("adapter", f.adapter())
        .put("sha256", f.sha256())
        .put("collected_at", text(f.collectedAt()));
    ArrayNode warnings = node.putArray("warnings");
    f.warnings().forEach(warnings::add);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
