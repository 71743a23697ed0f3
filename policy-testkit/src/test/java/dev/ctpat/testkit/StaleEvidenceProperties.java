package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.compliance.Status;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * DESIGN §6 and the pack's README: stale evidence never yields pass. Starting from a compliant
 * document, evidence collected longer before the as-of day than its kind allows
 * ({@code evidence_max_age_days}) must leave every criterion that relies on it anything but
 * {@code pass}, whether the item says when it was collected or its file does.
 */
class StaleEvidenceProperties {
  private static final PolicyHarness CTPAT = PolicyHarness.ctpat();
  private static final CtpatThresholds LIMITS = CtpatThresholds.ctpat();

  private static final BiPredicate<EvidenceDocument, JsonNode> ANY = (doc, item) -> true;

  /** What goes stale, and which criteria must then not pass. */
  static final List<Relied> RELIED = List.of(
      Relied.whole("/program", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.9", "4.11",
          "4.13", "12.8"),
      Relied.wholeIf("/program", doc -> doc.count("/program/credential_compromises") > 0, "4.8"),
      Relied.wholeIf("/program", StaleEvidenceProperties::personalDevicesPermitted, "4.10"),
      Relied.whole("/endpoints", "4.2", "4.12"),
      Relied.wholeIf("/endpoints", doc -> personalDevices(doc) > 0, "4.10"),
      Relied.whole("/accounts", "4.7", "4.8", "12.8"),
      Relied.whole("/personnel", "4.7", "4.8", "12.8"),
      Relied.whole("/password_policies", "4.8"),
      Relied.whole("/remote_access", "4.9"),
      Relied.whole("/network", "4.2", "4.9"),
      Relied.wholeIf("/network", StaleEvidenceProperties::personalDevicesPermitted, "4.10"),
      Relied.whole("/device_control", "4.10"),
      Relied.whole("/vulnerabilities", "4.3"),
      Relied.whole("/software", "4.11"),
      Relied.whole("/systems", "4.7", "4.12"),
      Relied.whole("/backups", "4.12"),
      Relied.each("/password_policies", ANY, "4.8"),
      Relied.each("/accounts", ANY, "4.7", "4.8", "12.8"),
      Relied.each("/personnel", ANY, "4.7", "4.8", "12.8"),
      Relied.each("/software", ANY, "4.11"),
      Relied.each("/systems", ANY, "4.7", "4.12"),
      Relied.each("/backups", ANY, "4.12"),
      Relied.each("/remote_access", ANY, "4.9"),
      Relied.each("/vulnerabilities", ANY, "4.3"),
      Relied.each("/endpoints", owner("company"), "4.2", "4.12"),
      Relied.each("/endpoints", owner("personal"), "4.10"),
      Relied.each("/network/perimeter_firewalls", ANY, "4.2"),
      Relied.each("/program/policies", ANY, "4.1", "4.6"),
      Relied.each("/program/procedures", ANY, "4.6"),
      Relied.each("/program/incidents", ANY, "4.6"),
      Relied.each("/program/violations", ANY, "4.5"),
      Relied.each("/program/credential_compromises", ANY, "4.8"),
      Relied.each("/program/threat_intel_feeds", ANY, "4.4"),
      Relied.each("/program/role_matrix", ANY, "4.7"),
      Relied.each("/program/remote_access_authorizations", ANY, "4.9"),
      Relied.each("/program/approved_software", ANY, "4.11"),
      Relied.each("/program/media_inventory", ANY, "4.13"),
      Relied.each("/program/sanitization_records", ANY, "4.13"));

  /** Where the collection time that makes evidence stale is written. */
  enum Clock {
    /** {@code source.collected_at} of each item. */
    ITEM,
    /** {@code evidence_files[].collected_at} of the items' files. */
    FILE
  }

  @Provide
  Arbitrary<EvidenceDocument> compliant() {
    return EvidenceArbitraries.compliantDocuments();
  }

  @Provide
  Arbitrary<Relied> relied() {
    return Arbitraries.of(RELIED);
  }

  @Property
  void staleEvidenceNeverYieldsPass(@ForAll("compliant") EvidenceDocument doc,
      @ForAll("relied") Relied relied, @ForAll @IntRange(max = 7) int target,
      @ForAll Clock clock, @ForAll @IntRange(max = 400) int extraDays) {
    List<String> targets = relied.targets(doc);
    Assume.that(!targets.isEmpty());
    String place = targets.get(target % targets.size());
    String kind = place.split("/")[1];
    Instant collected = doc.asOf()
        .minusDays(LIMITS.evidenceMaxAgeDays(kind) + 1L + extraDays)
        .atStartOfDay(ZoneOffset.UTC).toInstant();
    EvidenceDocument stale = clock == Clock.ITEM
        ? collectedAt(doc, place, collected) : filesCollectedAt(doc, place, collected);
    Assume.that(!stale.equals(doc));
    for (String criterion : relied.criteria()) {
      CriterionOutcome outcome = CTPAT.evaluate(criterion, stale);
      assertThat(outcome.status())
          .as("%s with stale %s (collected %s, as of %s):%n%s", criterion, place, collected,
              doc.asOf(), outcome)
          .isNotEqualTo(Status.PASS);
    }
  }

  /** Every item at or below {@code place} with a source says it was collected then. */
  private static EvidenceDocument collectedAt(EvidenceDocument doc, String place,
      Instant collected) {
    EvidenceDocument out = doc;
    for (String item : sourced(doc, place)) {
      out = out.with(item + "/source/collected_at", collected);
    }
    return out;
  }

  /** The files of the items at or below {@code place} were collected then. */
  private static EvidenceDocument filesCollectedAt(EvidenceDocument doc, String place,
      Instant collected) {
    Set<String> files = new LinkedHashSet<>();
    for (String item : sourced(doc, place)) {
      files.add(doc.at(item + "/source/file").asText());
    }
    EvidenceDocument out = doc;
    for (String entry : doc.elements("/evidence_files")) {
      if (files.contains(doc.at(entry + "/path").asText())) {
        out = out.with(entry + "/collected_at", collected);
      }
    }
    return out;
  }

  private static List<String> sourced(EvidenceDocument doc, String place) {
    List<String> items = new ArrayList<>();
    items.add(place);
    doc.pointers().stream().filter(p -> p.startsWith(place + "/")).forEach(items::add);
    items.removeIf(p -> !doc.at(p + "/source").isObject());
    return items;
  }

  private static BiPredicate<EvidenceDocument, JsonNode> owner(String ownerType) {
    return (doc, e) -> e.path("owner_type").asText().equals(ownerType);
  }

  private static boolean personalDevicesPermitted(EvidenceDocument doc) {
    return doc.at("/program/personal_devices_permitted").asBoolean(false);
  }

  private static long personalDevices(EvidenceDocument doc) {
    return doc.elements("/endpoints").stream()
        .filter(e -> doc.at(e + "/owner_type").asText().equals("personal")).count();
  }

  /**
   * Evidence the criteria rely on: a whole part of the document, or each item of an array
   * that satisfies a filter, when the document satisfies a condition.
   */
  record Relied(String place, boolean eachItem, BiPredicate<EvidenceDocument, JsonNode> items,
      Predicate<EvidenceDocument> when, List<String> criteria) {
    static Relied whole(String place, String... criteria) {
      return wholeIf(place, doc -> true, criteria);
    }

    static Relied wholeIf(String place, Predicate<EvidenceDocument> when, String... criteria) {
      return new Relied(place, false, ANY, when, List.of(criteria));
    }

    static Relied each(String array, BiPredicate<EvidenceDocument, JsonNode> items,
        String... criteria) {
      return new Relied(array, true, items, doc -> true, List.of(criteria));
    }

    /** The places that can go stale: the whole part, or each item that qualifies. */
    List<String> targets(EvidenceDocument doc) {
      if (!when.test(doc) || !doc.has(place)) {
        return List.of();
      }
      if (!eachItem) {
        return List.of(place);
      }
      return doc.elements(place).stream().filter(p -> items.test(doc, doc.at(p))).toList();
    }

    @Override
    public String toString() {
      return (eachItem ? "an item of " : "") + place + " for " + criteria;
    }
  }
}
