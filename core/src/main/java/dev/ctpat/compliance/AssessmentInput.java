package dev.ctpat.compliance;

import dev.ctpat.compliance.evidence.EvidenceFile;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The document the policies see for one assessment, and the facts the report takes from it.
 * The evidence is completed with the assessor's settings: the as-of date and entity type in
 * {@code organization}, threshold overrides over {@code thresholds}, extra waivers after
 * {@code waivers}.
 *
 * @param document the input document for the policies
 * @param asOf the day the assessment is as of
 * @param entity the entity type id, or {@code null} when neither the assessor nor the evidence
 *     names one
 * @param organizationName the organization's name, or {@code null}
 * @param evidenceFiles the evidence files the document lists
 */
record AssessmentInput(
    ObjectValue document,
    LocalDate asOf,
    String entity,
    String organizationName,
    List<EvidenceFile> evidenceFiles) {

  /**
   * Completes an evidence document.
   *
   * @throws IllegalArgumentException when the document, or a part of it the assessment needs,
   *     has the wrong type
   */
  static AssessmentInput of(Value evidence, EntityType entityType, LocalDate fixedAsOf,
      Clock clock, ObjectValue thresholds, List<Value> waivers) {
    if (!(evidence instanceof ObjectValue doc)) {
      throw new IllegalArgumentException("the evidence document must be a JSON object but was "
          + evidence.typeName());
    }
    ObjectValue org = objectOrEmpty(doc, "organization");
    LocalDate asOf = fixedAsOf != null ? fixedAsOf : asOf(org, clock);
    String entity = entityType != null ? entityType.id() : string(org, "entity_type");
    ObjectValue.Builder orgPatch = ObjectValue.builder()
        .put("as_of", StringValue.of(asOf.toString()));
    if (entity != null) {
      orgPatch.put("entity_type", StringValue.of(entity));
    }
    ObjectValue.Builder completed = ObjectValue.builder();
    doc.entries().forEach(completed::put);
    completed.put("organization", ObjectMerge.overlay(org, orgPatch.build()));
    if (!thresholds.isEmpty()) {
      completed.put("thresholds", ObjectMerge.overlay(objectOrEmpty(doc, "thresholds"), thresholds));
    }
    if (!waivers.isEmpty()) {
      List<Value> all = new ArrayList<>(arrayOrEmpty(doc, "waivers"));
      all.addAll(waivers);
      completed.put("waivers", ArrayValue.of(all));
    }
    return new AssessmentInput(completed.build(), asOf, entity, string(org, "name"),
        evidenceFiles(doc.get("evidence_files")));
  }

  /** The evidence's as-of date, else the clock's current day in UTC. */
  private static LocalDate asOf(ObjectValue org, Clock clock) {
    Value value = org.get("as_of");
    if (value == null || value instanceof NullValue) {
      return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
    if (value instanceof StringValue s) {
      try {
        return LocalDate.parse(s.value());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        "organization.as_of must be a date YYYY-MM-DD but was " + Json.write(value));
  }

  private static ObjectValue objectOrEmpty(ObjectValue doc, String key) {
    Value v = doc.get(key);
    if (v == null || v instanceof NullValue) {
      return ObjectValue.EMPTY;
    }
    if (v instanceof ObjectValue o) {
      return o;
    }
    throw new IllegalArgumentException(key + " must be an object but was " + v.typeName());
  }

  private static List<Value> arrayOrEmpty(ObjectValue doc, String key) {
    Value v = doc.get(key);
    if (v == null || v instanceof NullValue) {
      return List.of();
    }
    if (v instanceof ArrayValue a) {
      return a.elements();
    }
    throw new IllegalArgumentException(key + " must be an array but was " + v.typeName());
  }

  private static String string(ObjectValue o, String key) {
    return o.get(key) instanceof StringValue s ? s.value() : null;
  }

  /**
   * The {@code evidence_files} entries that name a path. The report lists them as given; a
   * field of the wrong type is left out rather than failing the report.
   */
  private static List<EvidenceFile> evidenceFiles(Value value) {
    if (!(value instanceof ArrayValue files)) {
      return List.of();
    }
    List<EvidenceFile> out = new ArrayList<>();
    for (Value item : files.elements()) {
      if (item instanceof ObjectValue f && string(f, "path") != null) {
        out.add(new EvidenceFile(string(f, "path"), string(f, "adapter"), string(f, "sha256"),
            instant(string(f, "collected_at")), warnings(f.get("warnings"))));
      }
    }
    return out;
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<String> warnings(Value value) {
    if (!(value instanceof ArrayValue a)) {
      return List.of();
    }
    return a.elements().stream()
        .filter(StringValue.class::isInstance)
        .map(v -> ((StringValue) v).value())
        .toList();
  }
}
