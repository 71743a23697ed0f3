package dev.ctpat.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;

/**
 * The settings the CTPAT criteria judge against a threshold, each with its stronger and its
 * too-weak form: password length and lockout, reset delay after a compromise, signature age,
 * pending patches, the age of backups, scans, reviews, trainings and other dated records, TLS
 * versions and licence counts. Thresholds come from {@link CtpatThresholds}; weakening goes just
 * past them (step 0) or further.
 *
 * <p>Where a criterion looks at the newest of several records (the newest backup of a system,
 * the newest log review), weakening ages every record of that group, and strengthening makes
 * one record newer.
 */
public final class CtpatSettings {
  private CtpatSettings() {}

  /** The settings of the pack {@link PolicyHarness#ctpat()} evaluates. */
  public static List<Setting> all() {
    return Holder.ALL;
  }

  /** The settings of one criterion, e.g. {@code of("4.8")}. */
  public static List<Setting> of(String criterion) {
    Objects.requireNonNull(criterion, "criterion");
    return all().stream().filter(s -> s.criterion().equals(criterion)).toList();
  }

  /** The settings for a pack with these thresholds. */
  public static List<Setting> all(CtpatThresholds t) {
    int withMfa = t.integer("password_min_length_with_mfa");
    int withoutMfa = t.integer("password_min_length_without_mfa");
    return List.of(
        atLeast("minimum password length", "4.8", "/password_policies", "/min_length",
            // Without MFA the longer minimum applies; when MFA is unknown, the shorter one
            // still does (below it the pack fails the policy, above it the length is unknown).
            (doc, p) -> p.path("mfa_required").isBoolean()
                && !p.path("mfa_required").booleanValue() ? withoutMfa : withMfa),
        lockout(t.integer("lockout_threshold_max")),
        resetDelay(t.integer("compromise_reset_max_days")),
        atMost("anti-malware signature age", "4.2", "/endpoints",
            "/antimalware/signature_age_days",
            (doc, e) -> t.integer("antimalware_signature_max_age_days"), 0,
            CtpatSettings::companyComputer),
        pendingPatches("4.2", "company", t.integer("patch_max_pending_days")),
        pendingPatches("4.10", "personal", t.integer("patch_max_pending_days")),
        recent("restore test recency", "4.2", "/program/restore_tests", "/performed_on",
            t.integer("restore_test_max_age_days"), r -> "all",
            (doc, r) -> r.path("successful").asBoolean(false)),
        recent("internal scan recency", "4.3", "/program/security_tests", "/performed_on",
            t.integer("internal_scan_max_age_days"), s -> "all", scan("internal")),
        recent("external scan recency", "4.3", "/program/security_tests", "/performed_on",
            t.integer("external_scan_max_age_days"), s -> "all", scan("external")),
        openVulnerabilityAge(t),
        recent("log review recency", "4.5", "/program/monitoring/log_reviews", "/reviewed_on",
            t.integer("log_review_max_age_days"), r -> "all", (doc, r) -> true),
        policyReview(t.integer("policy_review_max_age_days")),
        // A recent logon is stronger only for staff: for a leaver it is a use after separation.
        recent("last logon of an enabled account", "4.7", "/accounts", "/last_logon",
            t.integer("dormant_account_max_days"), a -> a,
            (doc, a) -> a.path("enabled").asBoolean(false) && !ofLeaver(doc, a)),
        recent("access review recency", "4.7", "/program/access_reviews", "/completed_on",
            t.integer("access_review_max_age_days"), r -> r.path("system"),
            CtpatSettings::ofSensitiveSystem),
        tlsVersion(t.minTlsVersion()),
        atLeast("licences owned", "4.11", "/software", "/entitlements",
            (doc, s) -> s.path("installations").asInt(), CtpatSettings::counted),
        atMost("installations", "4.11", "/software", "/installations",
            (doc, s) -> s.path("entitlements").asInt(), 0, CtpatSettings::counted),
        recent("backup recency", "4.12", "/backups", "/last_success_at",
            t.integer("backup_max_age_days"), b -> b.path("system"), (doc, b) -> true),
        recent("inventory reconciliation recency", "4.13", "/program/inventory_reconciliations",
            "/reconciled_on", t.integer("inventory_max_age_days"), r -> r.path("scope"),
            (doc, r) -> true),
        recent("training recency", "12.8", "/program/trainings", "/completed_on",
            t.integer("training_max_age_days"), r -> r.path("person_id"), (doc, r) -> true));
  }

  // --- kinds of settings ------------------------------------------------------------------

  /** A number that must be at least a threshold: more is stronger. */
  private static Setting atLeast(String name, String criterion, String array, String field,
      ToIntBiFunction<EvidenceDocument, JsonNode> threshold) {
    return atLeast(name, criterion, array, field, threshold, (doc, item) -> true);
  }

  private static Setting atLeast(String name, String criterion, String array, String field,
      ToIntBiFunction<EvidenceDocument, JsonNode> threshold,
      BiPredicate<EvidenceDocument, JsonNode> carries) {
    return new ItemSetting(name, criterion, array,
        (doc, item) -> item.at(field).isIntegralNumber() && carries.test(doc, item),
        (doc, item, step) -> doc.with(item + field, doc.at(item + field).asInt() + step),
        (doc, item, step) ->
            doc.with(item + field, threshold.applyAsInt(doc, doc.at(item)) - 1 - step));
  }

  /** A number that must be at most a threshold: less, down to {@code floor}, is stronger. */
  private static Setting atMost(String name, String criterion, String array, String field,
      ToIntBiFunction<EvidenceDocument, JsonNode> threshold, int floor) {
    return atMost(name, criterion, array, field, threshold, floor, (doc, item) -> true);
  }

  private static Setting atMost(String name, String criterion, String array, String field,
      ToIntBiFunction<EvidenceDocument, JsonNode> threshold, int floor,
      BiPredicate<EvidenceDocument, JsonNode> carries) {
    return new ItemSetting(name, criterion, array,
        (doc, item) -> item.at(field).isIntegralNumber() && item.at(field).asInt() >= floor
            && carries.test(doc, item),
        (doc, item, step) ->
            doc.with(item + field, Math.max(floor, doc.at(item + field).asInt() - step)),
        (doc, item, step) ->
            doc.with(item + field, threshold.applyAsInt(doc, doc.at(item)) + 1 + step));
  }

  /**
   * A dated record that must be at most {@code maxAge} days old: newer is stronger. Records
   * with the same {@code group} key count together, the newest deciding.
   */
  private static Setting recent(String name, String criterion, String array, String field,
      int maxAge, Function<JsonNode, Object> group,
      BiPredicate<EvidenceDocument, JsonNode> carries) {
    return recent(name, criterion, array, field, (doc, item) -> maxAge, group, carries);
  }

  private static Setting recent(String name, String criterion, String array, String field,
      ToIntBiFunction<EvidenceDocument, JsonNode> maxAge, Function<JsonNode, Object> group,
      BiPredicate<EvidenceDocument, JsonNode> carries) {
    BiPredicate<EvidenceDocument, JsonNode> dated =
        (doc, item) -> Days.age(item.at(field), doc.asOf()).isPresent() && carries.test(doc, item);
    return new ItemSetting(name, criterion, array, dated,
        (doc, item, step) -> doc.update(item + field, value -> Days.withAge(value, doc.asOf(),
            Math.max(0, Days.age(value, doc.asOf()).getAsLong() - step))),
        (doc, item, step) -> {
          int age = maxAge.applyAsInt(doc, doc.at(item)) + 1 + step;
          Object key = group.apply(doc.at(item));
          EvidenceDocument out = doc;
          for (String other : doc.elements(array)) {
            JsonNode record = doc.at(other);
            if (dated.test(doc, record) && group.apply(record).equals(key)) {
              out = out.update(other + field, value -> Days.withAge(value, doc.asOf(), age));
            }
          }
          return out;
        });
  }

  // --- settings with their own rules ------------------------------------------------------

  /** Days from the report of a credential compromise to the reset: fewer is stronger. */
  private static Setting resetDelay(int maxDays) {
    return new ItemSetting("credential reset delay", "4.8", "/program/credential_compromises",
        (doc, c) -> Days.age(c.path("reported_on"), doc.asOf()).isPresent()
            && Days.age(c.path("reset_on"), doc.asOf()).isPresent(),
        (doc, item, step) -> {
          JsonNode c = doc.at(item);
          long lag = Days.age(c.path("reported_on"), doc.asOf()).getAsLong()
              - Days.age(c.path("reset_on"), doc.asOf()).getAsLong();
          return doc.with(item + "/reset_on", Days.plus(c.path("reported_on"),
              Math.max(0, lag - step)));
        },
        (doc, item, step) -> doc.with(item + "/reset_on",
            Days.plus(doc.at(item + "/reported_on"), maxDays + 1 + step)));
  }

  /**
   * The security updates pending on a device and since when: fewer and newer are stronger;
   * weak is some pending for longer than allowed.
   */
  private static Setting pendingPatches(String criterion, String owner, int maxDays) {
    return new ItemSetting("pending security updates on " + owner + " devices", criterion,
        "/endpoints",
        (doc, e) -> doc.asOf() != null && owner.equals(e.path("owner_type").asText())
            && e.at("/patches/pending_security_updates").isIntegralNumber(),
        (doc, item, step) -> {
          int pending = Math.max(0, doc.at(item + "/patches/pending_security_updates").asInt()
              - step);
          EvidenceDocument out = doc.with(item + "/patches/pending_security_updates", pending);
          JsonNode since = doc.at(item + "/patches/oldest_pending_since");
          return Days.age(since, doc.asOf()).isEmpty() ? out
              : out.with(item + "/patches/oldest_pending_since", Days.withAge(since, doc.asOf(),
                  Math.max(0, Days.age(since, doc.asOf()).getAsLong() - step)));
        },
        (doc, item, step) -> doc
            .with(item + "/patches/pending_security_updates", 1 + step)
            .with(item + "/patches/oldest_pending_since",
                TextNode.valueOf(doc.asOf().minusDays(maxDays + 1L + step).toString())));
  }

  /**
   * Failed logons before an account locks: fewer (down to 1) is stronger; weak is more than
   * allowed, or 0, which turns lockout off (every third step).
   */
  private static Setting lockout(int max) {
    String field = "/lockout_threshold";
    return new ItemSetting("account lockout threshold", "4.8", "/password_policies",
        (doc, p) -> p.at(field).isIntegralNumber() && p.at(field).asInt() >= 1,
        (doc, item, step) ->
            doc.with(item + field, Math.max(1, doc.at(item + field).asInt() - step)),
        (doc, item, step) -> doc.with(item + field, step % 3 == 2 ? 0 : max + 1 + step));
  }

  /** An open finding must be fixed within the window of its severity. */
  private static Setting openVulnerabilityAge(CtpatThresholds t) {
    ToIntBiFunction<EvidenceDocument, JsonNode> window =
        (doc, v) -> window(t, v).orElseThrow();
    return recent("open vulnerability age", "4.3", "/vulnerabilities", "/first_seen", window,
        v -> v, (doc, v) -> "open".equals(v.path("status").asText()) && window(t, v).isPresent());
  }

  private static OptionalInt window(CtpatThresholds t, JsonNode vulnerability) {
    String severity = vulnerability.path("severity").asText();
    if (!List.of("critical", "high", "medium", "low", "info").contains(severity)) {
      return OptionalInt.empty();
    }
    return t.remediationDays(severity);
  }

  /**
   * When an approved policy was last reviewed (or approved): newer is stronger; weak is both
   * longer ago than allowed.
   */
  private static Setting policyReview(int maxAge) {
    return new ItemSetting("policy review recency", "4.6", "/program/policies",
        (doc, p) -> Days.age(p.path("approved_on"), doc.asOf()).isPresent(),
        (doc, item, step) -> {
          LocalDate asOf = doc.asOf();
          JsonNode p = doc.at(item);
          long last = Days.age(p.path("approved_on"), asOf).getAsLong();
          if (Days.age(p.path("last_reviewed_on"), asOf).isPresent()) {
            last = Math.min(last, Days.age(p.path("last_reviewed_on"), asOf).getAsLong());
          }
          return doc.with(item + "/last_reviewed_on",
              TextNode.valueOf(asOf.minusDays(Math.max(0, last - step)).toString()));
        },
        (doc, item, step) -> {
          TextNode old = TextNode.valueOf(doc.asOf().minusDays(maxAge + 1L + step).toString());
          return doc.with(item + "/approved_on", old).with(item + "/last_reviewed_on", old);
        });
  }

  /** The lowest TLS version a gateway accepts: 1.3 is strongest, below the minimum fails. */
  private static Setting tlsVersion(String minimum) {
    List<String> weak = List.of("1.1", "1.0", "1").stream()
        .filter(v -> v.compareTo(minimum) < 0).toList();
    return new ItemSetting("minimum TLS version", "4.9", "/remote_access",
        (doc, g) -> g.path("tls_min_version").isTextual(),
        (doc, item, step) -> doc.with(item + "/tls_min_version", "1.3"),
        (doc, item, step) ->
            doc.with(item + "/tls_min_version", weak.get(step % weak.size())));
  }

  // --- which items carry a setting --------------------------------------------------------

  /** A company workstation or server (4.2 leaves out mobile devices). */
  private static boolean companyComputer(EvidenceDocument doc, JsonNode e) {
    return "company".equals(e.path("owner_type").asText())
        && !"mobile".equals(e.path("role").asText());
  }

  private static BiPredicate<EvidenceDocument, JsonNode> scan(String scope) {
    return (doc, s) -> "vulnerability_scan".equals(s.path("type").asText())
        && scope.equals(s.path("scope").asText());
  }

  /** An access review of a system the inventory marks as sensitive. */
  private static boolean ofSensitiveSystem(EvidenceDocument doc, JsonNode review) {
    for (JsonNode system : doc.at("/systems")) {
      if (system.path("id").equals(review.path("system"))
          && system.path("sensitive").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  /** An account of a person the roster lists as separated. */
  private static boolean ofLeaver(EvidenceDocument doc, JsonNode account) {
    for (JsonNode person : doc.at("/personnel")) {
      if (person.path("person_id").equals(account.path("person_id"))
          && "separated".equals(person.path("status").asText())) {
        return true;
      }
    }
    return false;
  }

  /** A title with both its installations and its licences counted. */
  private static boolean counted(EvidenceDocument doc, JsonNode title) {
    return title.path("installations").isIntegralNumber()
        && title.path("entitlements").isIntegralNumber();
  }

  private static final class Holder {
    static final List<Setting> ALL = all(CtpatThresholds.ctpat());
  }
}
