package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.compliance.Status;
import java.util.ArrayList;
import java.util.List;
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
 * DESIGN §6: missing evidence never yields pass. Starting from a compliant document, taking
 * away evidence a criterion needs (leaving it out, setting it to {@code null}, or giving it the
 * wrong JSON type) must leave the criterion anything but {@code pass}.
 */
class MissingEvidenceProperties {
  private static final PolicyHarness CTPAT = PolicyHarness.ctpat();

  private static final List<String> ALL = CTPAT.criteria().all().stream()
      .map(c -> c.id()).toList();

  /**
   * Evidence a criterion cannot pass without, in every compliant document that has it: whole
   * collections and objects, and fields of the items that carry them.
   */
  static final List<Needed> NEEDED = List.of(
      Needed.place(ALL, "/organization/as_of"),
      Needed.place(ALL, "/organization"),
      Needed.place(List.of("4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.11", "4.13",
          "12.8"), "/program"),
      Needed.place("4.1", "/program/policies"),
      Needed.place("4.2", "/endpoints"),
      Needed.place("4.2", "/network"),
      Needed.place("4.2", "/network/perimeter_firewalls"),
      Needed.place("4.2", "/program/procedures"),
      Needed.place("4.2", "/program/restore_tests"),
      Needed.field("4.2", "/endpoints", "/antimalware", Needed::companyComputer),
      Needed.field("4.2", "/endpoints", "/antimalware/enabled", Needed::companyComputer),
      Needed.field("4.2", "/endpoints", "/antimalware/realtime", Needed::companyComputer),
      Needed.field("4.2", "/endpoints", "/antimalware/signature_age_days", Needed::companyComputer),
      Needed.field("4.2", "/endpoints", "/firewall", Needed::companyComputer),
      Needed.field("4.2", "/endpoints", "/patches", Needed.owner("company")),
      Needed.field("4.2", "/endpoints", "/patches/pending_security_updates",
          Needed.owner("company")),
      Needed.field("4.2", "/endpoints", "/patches/oldest_pending_since",
          (doc, e) -> Needed.owner("company").test(doc, e)
              && e.at("/patches/pending_security_updates").asInt() > 0),
      Needed.field("4.2", "/network/perimeter_firewalls", "/default_inbound_action", Needed.ANY),
      Needed.place("4.3", "/program/security_tests"),
      Needed.field("4.3", "/program/security_tests", "/performed_on",
          (doc, t) -> t.path("type").asText().equals("vulnerability_scan")),
      Needed.field("4.3", "/vulnerabilities", "/severity", Needed.is("status", "open")),
      Needed.field("4.3", "/vulnerabilities", "/first_seen",
          (doc, v) -> Needed.is("status", "open").test(doc, v)
              && !v.path("severity").asText().equals("info")),
      Needed.place("4.4", "/program/threat_intel_feeds"),
      Needed.place("4.4", "/program/procedures"),
      Needed.place("4.5", "/program/monitoring"),
      Needed.place("4.5", "/program/monitoring/logging"),
      Needed.place("4.5", "/program/monitoring/logging/centralized"),
      Needed.place("4.5", "/program/monitoring/alert_rules"),
      Needed.place("4.5", "/program/monitoring/web_filtering"),
      Needed.place("4.5", "/program/monitoring/web_filtering/enabled"),
      Needed.place("4.5", "/program/monitoring/web_filtering/logging"),
      Needed.place("4.5", "/program/monitoring/integrity_monitoring"),
      Needed.place("4.5", "/program/monitoring/integrity_monitoring/enabled"),
      Needed.place("4.5", "/program/monitoring/log_reviews"),
      Needed.place("4.5", "/program/violations"),
      Needed.place("4.5", "/program/procedures"),
      Needed.field("4.5", "/program/violations", "/confirmed", Needed.ANY),
      Needed.field("4.5", "/program/violations", "/case_id", Needed.is("confirmed", true)),
      Needed.place("4.6", "/program/incidents"),
      Needed.places("4.6", "/program/policies", "/program/procedures"),
      Needed.field("4.6", "/program/incidents", "/occurred_on", Needed.ANY),
      Needed.field("4.6", "/program/incidents", "/severity", Needed.ANY),
      Needed.place("4.7", "/accounts"),
      Needed.place("4.7", "/personnel"),
      Needed.place("4.7", "/systems"),
      Needed.place("4.7", "/program/role_matrix"),
      Needed.place("4.7", "/program/access_reviews"),
      Needed.field("4.7", "/accounts", "/enabled", Needed.ANY),
      Needed.field("4.7", "/accounts", "/last_logon", Needed.is("enabled", true)),
      Needed.field("4.7", "/accounts", "/groups", Needed::staffAccount),
      Needed.field("4.7", "/personnel", "/status", Needed.ANY),
      Needed.field("4.7", "/personnel", "/separated_on", Needed.is("status", "separated")),
      Needed.field("4.7", "/systems", "/sensitive", Needed.ANY),
      Needed.field("4.7", "/program/access_reviews", "/completed_on", Needed.ANY),
      Needed.place("4.8", "/accounts"),
      Needed.place("4.8", "/personnel"),
      Needed.place("4.8", "/password_policies"),
      Needed.place("4.8", "/program/credential_compromises"),
      Needed.field("4.8", "/password_policies", "/min_length", Needed.ANY),
      Needed.field("4.8", "/password_policies", "/lockout_threshold", Needed.ANY),
      Needed.field("4.8", "/password_policies", "/mfa_required", (doc, p) ->
          p.path("min_length").asInt() < CtpatThresholds.ctpat()
              .integer("password_min_length_without_mfa")),
      Needed.field("4.8", "/accounts", "/shared", Needed::staffAccount),
      Needed.field("4.8", "/accounts", "/person_id", Needed::staffAccount),
      Needed.field("4.8", "/accounts", "/privileged", Needed::staffAccount),
      Needed.field("4.8", "/accounts", "/mfa_enrolled",
          (doc, a) -> Needed.staffAccount(doc, a) && a.path("privileged").asBoolean(false)),
      Needed.field("4.8", "/program/credential_compromises", "/reported_on", Needed.ANY),
      Needed.place("4.9", "/remote_access"),
      Needed.place("4.9", "/network/external_exposure"),
      Needed.place("4.9", "/network/external_exposure/scanned_on"),
      Needed.place("4.9", "/network/external_exposure/open_services"),
      Needed.place("4.9", "/program/procedures"),
      Needed.place("4.9", "/program/remote_access_authorizations"),
      Needed.placeIf("4.9", "/program/remote_access_permitted",
          doc -> doc.count("/remote_access") == 0),
      Needed.field("4.9", "/remote_access", "/weaknesses", Needed.ANY),
      Needed.field("4.9", "/remote_access", "/mfa_enforced", Needed.ANY),
      Needed.field("4.9", "/remote_access", "/users", Needed.ANY),
      Needed.place("4.10", "/program/personal_devices_permitted"),
      Needed.place("4.10", "/device_control"),
      Needed.place("4.10", "/device_control/removable_media"),
      Needed.place("4.10", "/device_control/autorun_disabled"),
      Needed.placeIf("4.10", "/network/access_control", Needed::personalDevicesPermitted),
      Needed.placeIf("4.10", "/endpoints", Needed::personalDevicesPermitted),
      Needed.placeIf("4.10", "/program/procedures", Needed::personalDevicesPermitted),
      Needed.field("4.10", "/endpoints", "/mdm_enrolled", Needed.owner("personal")),
      Needed.field("4.10", "/endpoints", "/mdm_compliant", Needed.owner("personal")),
      Needed.field("4.10", "/endpoints", "/disk_encryption", Needed.owner("personal")),
      Needed.field("4.10", "/endpoints", "/disk_encryption/enabled", Needed.owner("personal")),
      Needed.field("4.10", "/endpoints", "/patches", Needed.owner("personal")),
      Needed.place("4.11", "/software"),
      Needed.place("4.11", "/program/approved_software"),
      Needed.place("4.11", "/program/procedures"),
      Needed.field("4.11", "/software", "/license_status", Needed.ANY),
      Needed.field("4.11", "/software", "/installations",
          (doc, s) -> s.path("entitlements").isNumber()),
      Needed.place("4.12", "/backups"),
      Needed.place("4.12", "/systems"),
      Needed.place("4.12", "/endpoints"),
      Needed.field("4.12", "/backups", "/encrypted", Needed.ANY),
      Needed.field("4.12", "/backups", "/offsite", Needed.is("offsite", true)),
      Needed.field("4.12", "/backups", "/network_isolated", Needed.is("offsite", false)),
      Needed.field("4.12", "/backups", "/last_success_at", Needed::onlyBackupOfItsSystem),
      Needed.field("4.12", "/systems", "/sensitive", Needed.ANY),
      Needed.field("4.12", "/systems", "/encryption_at_rest", Needed.is("sensitive", true)),
      Needed.field("4.12", "/systems", "/encryption_at_rest/enabled", Needed.is("sensitive", true)),
      Needed.field("4.12", "/endpoints", "/disk_encryption", Needed.owner("company")),
      Needed.field("4.12", "/endpoints", "/disk_encryption/enabled", Needed.owner("company")),
      Needed.place("4.13", "/program/inventory_reconciliations"),
      Needed.place("4.13", "/program/media_inventory"),
      Needed.placeIf("4.13", "/program/sanitization_records",
          doc -> doc.count("/program/sanitization_records") > 0),
      Needed.field("4.13", "/program/inventory_reconciliations", "/reconciled_on", Needed.ANY),
      Needed.field("4.13", "/program/inventory_reconciliations", "/scope", Needed.ANY),
      Needed.field("4.13", "/program/sanitization_records", "/method", Needed.ANY),
      Needed.field("4.13", "/program/sanitization_records", "/verifier", Needed.ANY),
      Needed.field("4.13", "/program/sanitization_records", "/asset_id", Needed.ANY),
      Needed.place("12.8", "/personnel"),
      Needed.place("12.8", "/accounts"),
      Needed.place("12.8", "/program/trainings"),
      Needed.field("12.8", "/program/trainings", "/completed_on", Needed.ANY),
      Needed.field("12.8", "/program/trainings", "/topics", Needed.ANY),
      Needed.field("12.8", "/program/trainings", "/person_id", Needed.ANY));

  @Provide
  Arbitrary<EvidenceDocument> compliant() {
    return EvidenceArbitraries.compliantDocuments();
  }

  @Provide
  Arbitrary<Needed> needed() {
    return Arbitraries.of(NEEDED);
  }

  @Property
  void missingEvidenceNeverYieldsPass(@ForAll("compliant") EvidenceDocument doc,
      @ForAll("needed") Needed needed, @ForAll @IntRange(max = 7) int target,
      @ForAll FieldLoss loss) {
    List<List<String>> targets = needed.targets(doc);
    Assume.that(!targets.isEmpty());
    EvidenceDocument lacking = doc;
    for (String place : targets.get(target % targets.size())) {
      lacking = loss.apply(lacking, place);
    }
    for (String criterion : needed.criteria()) {
      CriterionOutcome outcome = CTPAT.evaluate(criterion, lacking);
      assertThat(outcome.status())
          .as("%s without %s (%s):%n%s", criterion, needed, loss, outcome)
          .isNotEqualTo(Status.PASS);
    }
  }

  /**
   * Evidence that the criteria cannot pass without: the places (all taken away together), or
   * a field of each item of an array that satisfies a filter (one such field is taken away).
   */
  record Needed(List<String> criteria, List<String> places, String field,
      BiPredicate<EvidenceDocument, JsonNode> items, Predicate<EvidenceDocument> when) {
    static final BiPredicate<EvidenceDocument, JsonNode> ANY = (doc, item) -> true;

    static Needed place(String criterion, String place) {
      return place(List.of(criterion), place);
    }

    static Needed place(List<String> criteria, String place) {
      return new Needed(criteria, List.of(place), null, ANY, doc -> true);
    }

    static Needed places(String criterion, String... places) {
      return new Needed(List.of(criterion), List.of(places), null, ANY, doc -> true);
    }

    static Needed placeIf(String criterion, String place, Predicate<EvidenceDocument> when) {
      return new Needed(List.of(criterion), List.of(place), null, ANY, when);
    }

    static Needed field(String criterion, String array, String field,
        BiPredicate<EvidenceDocument, JsonNode> items) {
      return new Needed(List.of(criterion), List.of(array), field, items, doc -> true);
    }

    /** Each target is a list of places to take away together. */
    List<List<String>> targets(EvidenceDocument doc) {
      List<List<String>> out = new ArrayList<>();
      if (!when.test(doc)) {
        return out;
      }
      if (field == null) {
        if (places.stream().allMatch(doc::has)) {
          out.add(places);
        }
        return out;
      }
      for (String item : doc.elements(places.get(0))) {
        if (doc.has(item + field) && items.test(doc, doc.at(item))) {
          out.add(List.of(item + field));
        }
      }
      return out;
    }

    static BiPredicate<EvidenceDocument, JsonNode> is(String key, String value) {
      return (doc, item) -> item.path(key).isTextual() && item.path(key).asText().equals(value);
    }

    static BiPredicate<EvidenceDocument, JsonNode> is(String key, boolean value) {
      return (doc, item) -> item.path(key).isBoolean() && item.path(key).booleanValue() == value;
    }

    static BiPredicate<EvidenceDocument, JsonNode> owner(String ownerType) {
      return is("owner_type", ownerType);
    }

    /** A company workstation or server, which 4.2 checks. */
    static boolean companyComputer(EvidenceDocument doc, JsonNode e) {
      return owner("company").test(doc, e) && !e.path("role").asText().equals("mobile");
    }

    /** An enabled interactive account of a person (not a documented exception). */
    static boolean staffAccount(EvidenceDocument doc, JsonNode a) {
      return a.path("enabled").asBoolean(false) && !a.path("service").asBoolean(false)
          && a.path("exception").isNull();
    }

    static boolean personalDevicesPermitted(EvidenceDocument doc) {
      return doc.at("/program/personal_devices_permitted").asBoolean(false);
    }

    static boolean onlyBackupOfItsSystem(EvidenceDocument doc, JsonNode backup) {
      int copies = 0;
      for (JsonNode b : doc.at("/backups")) {
        copies += b.path("system").equals(backup.path("system")) ? 1 : 0;
      }
      return copies == 1;
    }

    @Override
    public String toString() {
      return field == null ? String.join(" and ", places) : places.get(0) + "/*" + field;
    }
  }
}
