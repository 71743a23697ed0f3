package dev.ctpat.compliance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctpat.compliance.AssessmentReport;
import dev.ctpat.compliance.Criteria;
import dev.ctpat.compliance.CriterionResult;
import dev.ctpat.compliance.ReportJson;
import dev.ctpat.compliance.Requirement;
import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.evidence.Severity;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.Value;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A compliance report as the renderers read it: the JSON document of DESIGN §6 ({@code ctpat
 * assess --format json}, described by {@code dev/ctpat/compliance/report.schema.json}), checked
 * once and exposed as immutable records. Fields this class does not know are ignored, so newer
 * reports still render; a field the renderers need that is missing or of the wrong type is
 * reported with its path.
 *
 * <p>The report JSON carries no crosswalk or criterion description; pass the pack's
 * {@link Criteria} (or build from an {@link AssessmentReport}) to have them rendered. A
 * {@code description} or {@code crosswalk} in a criterion of the document itself takes
 * precedence.
 */
public final class ReportDocument {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonNode json;
  private final String organizationName;
  private final String entity;
  private final LocalDate asOf;
  private final List<Criterion> criteria;
  private final Summary summary;
  private final List<EvidenceFile> evidenceFiles;
  private final Engine engine;

  private ReportDocument(JsonNode json, Function<String, Optional<Metadata>> metadata) {
    Reader in = new Reader(json, "report");
    this.json = json.deepCopy();
    Reader organization = in.optionalObject("organization");
    this.organizationName = organization == null ? null : organization.optionalText("name");
    this.entity = in.optionalText("entity");
    this.asOf = in.date("as_of");
    this.criteria = in.list("criteria", c -> criterion(c, metadata));
    Reader summaryNode = in.optionalObject("summary");
    this.summary = summaryNode == null ? Summary.of(criteria) : summary(summaryNode);
    this.evidenceFiles = in.optionalList("evidence_files", ReportDocument::evidenceFile);
    Reader engineNode = in.optionalObject("engine");
    this.engine = engineNode == null ? Engine.UNKNOWN : engine(engineNode);
  }

  /**
   * The report in the given JSON tree.
   *
   * @throws IllegalArgumentException naming the path of the first field that is missing or
   *     malformed
   */
  public static ReportDocument of(JsonNode report) {
    Objects.requireNonNull(report, "report");
    return new ReportDocument(report, id -> Optional.empty());
  }

  /**
   * The report in the given JSON tree, with descriptions and crosswalks taken from the pack's
   * criteria.
   *
   * @throws IllegalArgumentException naming the path of the first field that is missing or
   *     malformed
   */
  public static ReportDocument of(JsonNode report, Criteria criteria) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(criteria, "criteria");
    return new ReportDocument(report, id -> criteria.find(id).map(Metadata::of));
  }

  /** The report, with the descriptions and crosswalks of its criteria. */
  public static ReportDocument of(AssessmentReport report) {
    Objects.requireNonNull(report, "report");
    Map<String, Metadata> byId = new LinkedHashMap<>();
    for (CriterionResult c : report.criteria()) {
      byId.put(c.id(), Metadata.of(c.criterion()));
    }
    return new ReportDocument(ReportJson.tree(report), id -> Optional.ofNullable(byId.get(id)));
  }

  /**
   * The report in a Rego value, e.g. the result of a query.
   *
   * @throws IllegalArgumentException naming the path of the first field that is missing or
   *     malformed
   */
  public static ReportDocument of(Value report) {
    Objects.requireNonNull(report, "report");
    return parse(Json.write(report));
  }

  /**
   * The report in a JSON text.
   *
   * @throws IllegalArgumentException when the text is not JSON, or names the path of the first
   *     field that is missing or malformed
   */
  public static ReportDocument parse(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return of(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("report: not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The report's JSON tree (a copy), for renderers that pass fields through. */
  public JsonNode json() {
    return json.deepCopy();
  }

  /** The assessed organization's name, if the report says. */
  public Optional<String> organizationName() {
    return Optional.ofNullable(organizationName);
  }

  /** The CTPAT entity type id (e.g. {@code importer}), if the report says. */
  public Optional<String> entity() {
    return Optional.ofNullable(entity);
  }

  /** The day the assessment is as of; renderers use it, never the clock, for timestamps. */
  public LocalDate asOf() {
    return asOf;
  }

  /** Every criterion's result, in report order. */
  public List<Criterion> criteria() {
    return criteria;
  }

  /** The counts per status and whether the organization is compliant. */
  public Summary summary() {
    return summary;
  }

  /** The must criteria that fail or lack evidence: what makes the organization non-compliant. */
  public List<Criterion> blockingCriteria() {
    return criteria.stream().filter(Criterion::blocking).toList();
  }

  /** The evidence files the assessment read, with their digests. */
  public List<EvidenceFile> evidenceFiles() {
    return evidenceFiles;
  }

  /** What produced the report: engine name, version and the policy pack's digest. */
  public Engine engine() {
    return engine;
  }

  private static Criterion criterion(Reader c, Function<String, Optional<Metadata>> metadata) {
    String id = c.text("id");
    Requirement requirement = c.requirement("requirement");
    Optional<Metadata> known = metadata.apply(id);
    String description = c.optionalText("description");
    if (description == null) {
      description = known.map(Metadata::description).orElse("");
    }
    Reader crosswalkNode = c.optionalObject("crosswalk");
    Crosswalk crosswalk = crosswalkNode != null
        ? crosswalk(crosswalkNode) : known.map(Metadata::crosswalk).orElse(Crosswalk.NONE);
    return new Criterion(id, c.text("title"), requirement, c.status("status"), description,
        c.optionalList("sub_items", s -> subItem(s, requirement)),
        c.optionalList("findings", f -> finding(f, id)),
        c.optionalList("waivers", ReportDocument::waiver), crosswalk);
  }

  private static SubItem subItem(Reader s, Requirement inherited) {
    Requirement requirement = s.has("requirement") ? s.requirement("requirement") : inherited;
    String title = s.optionalText("title");
    return new SubItem(s.text("id"), title == null ? "" : title, requirement, s.status("status"));
  }

  private static Finding finding(Reader f, String criterionId) {
    String subItem = f.optionalText("sub_item");
    String remediation = f.optionalText("remediation");
    return new Finding(subItem == null ? criterionId : subItem, f.status("status"),
        f.text("message"), f.severity("severity"), f.optionalList("evidence", ReportDocument::ref),
        remediation == null ? "" : remediation);
  }

  private static Evidence ref(Reader r) {
    return new Evidence(r.text("file"), r.optionalLine("line"));
  }

  private static Waiver waiver(Reader w) {
    return new Waiver(w.optionalText("id"), w.optionalText("scope"), w.text("reason"),
        w.text("approver"), w.text("expires_on"));
  }

  private static EvidenceFile evidenceFile(Reader f) {
    return new EvidenceFile(f.text("path"), f.optionalText("adapter"), f.optionalText("sha256"),
        f.optionalText("collected_at"), f.optionalTexts("warnings"));
  }

  private static Crosswalk crosswalk(Reader c) {
    String basis = c.optionalText("basis");
    Map<String, List<String>> frameworks = new LinkedHashMap<>();
    for (String key : c.fieldNames()) {
      if (!key.equals("basis")) {
        frameworks.put(key, c.optionalTexts(key));
      }
    }
    return new Crosswalk(basis == null ? "" : basis, frameworks);
  }

  private static Summary summary(Reader s) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, s.count(status.id()));
    }
    return new Summary(s.bool("compliant"), counts);
  }

  private static Engine engine(Reader e) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String key : e.fieldNames()) {
      String value = e.scalarText(key);
      if (value != null) {
        fields.put(key, value);
      }
    }
    return new Engine(fields);
  }

  /**
   * One criterion's result.
   *
   * @param description the requirement in prose; empty when unknown
   * @param crosswalk the mapping to NIST CSF and CIS Controls; {@link Crosswalk#NONE} when
   *     unknown
   */
  public record Criterion(
      String id,
      String title,
      Requirement requirement,
      Status status,
      String description,
      List<SubItem> subItems,
      List<Finding> findings,
      List<Waiver> waivers,
      Crosswalk crosswalk) {

    public Criterion {
      subItems = List.copyOf(subItems);
      findings = List.copyOf(findings);
      waivers = List.copyOf(waivers);
    }

    /** True for a must criterion that fails or lacks evidence (DESIGN §6). */
    public boolean blocking() {
      return requirement == Requirement.MUST
          && (status == Status.FAIL || status == Status.INSUFFICIENT_EVIDENCE);
    }

    /** The waivers that cover the given sub-item: those for it and those for the criterion. */
    public List<Waiver> waiversCovering(String subItemId) {
      return waivers.stream()
          .filter(w -> w.scope() == null || w.scope().equals(subItemId))
          .toList();
    }
  }

  /** The outcome of one separately checked part of a criterion. */
  public record SubItem(String id, String title, Requirement requirement, Status status) {}

  /**
   * One reason for a criterion's status.
   *
   * @param subItem the sub-item it concerns, or the criterion id for the whole criterion
   * @param status {@link Status#FAIL} (a violation) or {@link Status#INSUFFICIENT_EVIDENCE}
   * @param evidence where the evidence is; empty when it is missing
   * @param remediation what to do; empty when the report gives nothing
   */
  public record Finding(
      String subItem,
      Status status,
      String message,
      Severity severity,
      List<Evidence> evidence,
      String remediation) {

    public Finding {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * A place in an evidence file.
   *
   * @param line the 1-based line, or {@code null} when the item has no single line
   */
  public record Evidence(String file, Integer line) {
    /** {@code file:line}, or {@code file} without a line. */
    @Override
    public String toString() {
      return line == null ? file : file + ":" + line;
    }
  }

  /**
   * An accepted, time-limited exception that covers failures of a criterion.
   *
   * @param id the waiver's id; {@code null} when it has none
   * @param scope the sub-item it is limited to; {@code null} for the whole criterion
   * @param expiresOn the last day it applies, as written in the report
   */
  public record Waiver(String id, String scope, String reason, String approver,
      String expiresOn) {}

  /**
   * An evidence file the assessment read.
   *
   * @param adapter the adapter that recognized it; {@code null} when none did
   * @param sha256 the hex SHA-256 of its bytes; {@code null} when unreadable
   * @param collectedAt when it was collected (RFC 3339); {@code null} when unknown
   */
  public record EvidenceFile(String path, String adapter, String sha256, String collectedAt,
      List<String> warnings) {

    public EvidenceFile {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * What produced the report: the {@code engine} object of the report, every scalar field in
   * report order, so fields added later (a policy-pack version, say) are rendered too.
   */
  public record Engine(Map<String, String> fields) {
    static final Engine UNKNOWN = new Engine(Map.of());

    public Engine {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The engine's name; {@code ctpat} when the report does not say. */
    public String name() {
      return fields.getOrDefault("name", "ctpat");
    }

    /** The engine's version, if the report says. */
    public Optional<String> version() {
      return Optional.ofNullable(fields.get("version"));
    }

    /** The digest of the policies and data evaluated, if the report says. */
    public Optional<String> policySha256() {
      return Optional.ofNullable(fields.get("policy_sha256"));
    }
  }

  /**
   * How many criteria ended in each status.
   *
   * @param compliant DESIGN §6: no must criterion is fail or insufficient_evidence
   */
  public record Summary(boolean compliant, Map<Status, Integer> counts) {
    public Summary {
      counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    static Summary of(List<Criterion> criteria) {
      Map<Status, Integer> counts = new EnumMap<>(Status.class);
      for (Status s : Status.values()) {
        counts.put(s, (int) criteria.stream().filter(c -> c.status() == s).count());
      }
      return new Summary(criteria.stream().noneMatch(Criterion::blocking), counts);
    }

    /** The number of criteria with this status. */
    public int count(Status status) {
      return counts.getOrDefault(status, 0);
    }

    /** The number of criteria. */
    public int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * Where a criterion maps to in other frameworks.
   *
   * @param basis how the mapping was made (e.g. that it is inferred); empty when not stated
   * @param frameworks control ids by framework key ({@code nist_csf_2}, {@code cis_v8}, ...)
   */
  public record Crosswalk(String basis, Map<String, List<String>> frameworks) {
    /** No crosswalk. */
    public static final Crosswalk NONE = new Crosswalk("", Map.of());

    public Crosswalk {
      Map<String, List<String>> copy = new TreeMap<>();
      frameworks.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      frameworks = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
      return frameworks.values().stream().allMatch(List::isEmpty);
    }
  }

  /** What the pack's METADATA says about a criterion beyond the report. */
  private record Metadata(String description, Crosswalk crosswalk) {
    static Metadata of(dev.ctpat.compliance.Criterion c) {
      return new Metadata(c.description(),
          new Crosswalk(c.crosswalk().basis(), c.crosswalk().frameworks()));
    }
  }

  /** Reads fields of one JSON object, naming the path of whatever is wrong. */
  private static final class Reader {
    private final JsonNode node;
    private final String path;

    Reader(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        throw problem(path, "must be an object but was " + describe(node));
      }
      this.node = node;
      this.path = path;
    }

    boolean has(String field) {
      JsonNode v = node.get(field);
      return v != null && !v.isNull();
    }

    List<String> fieldNames() {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      return names;
    }

    String text(String field) {
      String value = optionalText(field);
      if (value == null) {
        throw problem(at(field), "is missing");
      }
      return value;
    }

    String optionalText(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isTextual()) {
        throw problem(at(field), "must be a string but was " + describe(v));
      }
      return v.textValue();
    }

    /** A string, number or boolean as text; {@code null} for anything else. */
    String scalarText(String field) {
      JsonNode v = node.get(field);
      return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    List<String> optionalTexts(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return List.of();
      }
      if (!v.isArray()) {
        throw problem(at(field), "must be an array of strings but was " + describe(v));
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = v.get(i);
        if (!item.isTextual() && !item.isNumber()) {
          throw problem(at(field) + "[" + i + "]", "must be a string but was " + describe(item));
        }
        out.add(item.asText());
      }
      return out;
    }

    Integer optionalLine(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.canConvertToExactIntegral() || !v.canConvertToInt() || v.intValue() < 1) {
        throw problem(at(field), "must be a line number (1 or more) but was " + describe(v));
      }
      return v.intValue();
    }

    int count(String field) {
      JsonNode v = node.get(field);
      if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToInt()
          || v.intValue() < 0) {
        throw problem(at(field), "must be a count (0 or more) but was " + describe(v));
      }
      return v.intValue();
    }

    boolean bool(String field) {
      JsonNode v = node.get(field);
      if (v == null || !v.isBoolean()) {
        throw problem(at(field), "must be true or false but was " + describe(v));
      }
      return v.booleanValue();
    }

    LocalDate date(String field) {
      String text = text(field);
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw problem(at(field), "must be a date YYYY-MM-DD but was " + Json.quote(text));
      }
    }

    Status status(String field) {
      String text = text(field);
      return Status.fromId(text).orElseThrow(() -> problem(at(field),
          "must be pass, fail, insufficient_evidence, not_applicable or waived but was "
              + Json.quote(text)));
    }

    Requirement requirement(String field) {
      String text = text(field);
      return Requirement.fromId(text).orElseThrow(
          () -> problem(at(field), "must be must or should but was " + Json.quote(text)));
    }

    Severity severity(String field) {
      String text = text(field);
      return Severity.parse(text).orElseThrow(() -> problem(at(field),
          "must be critical, high, medium, low or info but was " + Json.quote(text)));
    }

    Reader optionalObject(String field) {
      JsonNode v = node.get(field);
      return v == null || v.isNull() ? null : new Reader(v, at(field));
    }

    <T> List<T> list(String field, Function<Reader, T> item) {
      JsonNode v = node.get(field);
      if (v == null || !v.isArray()) {
        throw problem(at(field), "must be an array but was " + describe(v));
      }
      return items((ArrayNode) v, at(field), item);
    }

    <T> List<T> optionalList(String field, Function<Reader, T> item) {
      JsonNode v = node.get(field);
      return v == null || v.isNull() ? List.of() : list(field, item);
    }

    private static <T> List<T> items(ArrayNode array, String path, Function<Reader, T> item) {
      List<T> out = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        out.add(item.apply(new Reader(array.get(i), path + "[" + i + "]")));
      }
      return List.copyOf(out);
    }

    private String at(String field) {
      return path + "." + field;
    }

    private static IllegalArgumentException problem(String path, String message) {
      return new IllegalArgumentException(path + " " + message);
    }

    private static String describe(JsonNode v) {
      if (v == null || v.isMissingNode()) {
        return "absent";
      } else if (v instanceof ObjectNode) {
        return "an object";
      } else if (v.isArray()) {
        return "an array";
      }
      return v.toString();
    }
  }
}
