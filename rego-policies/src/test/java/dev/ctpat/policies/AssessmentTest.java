package dev.ctpat.policies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.ctpat.compliance.AssessmentReport;
import dev.ctpat.compliance.Assessor;
import dev.ctpat.compliance.Criterion;
import dev.ctpat.compliance.CriterionResult;
import dev.ctpat.compliance.Finding;
import dev.ctpat.compliance.ReportJson;
import dev.ctpat.compliance.Requirement;
import dev.ctpat.compliance.Status;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CTPAT pack assessed through the Java facade, end to end: no evidence, the compliant
 * example document, and that example with one sub-item at a time made to fail.
 */
class AssessmentTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path COMPLIANT = Path.of("src", "test", "resources", "normalized",
      "compliant.json");
  private static final Assessor ASSESSOR = Assessor.builder().build();

  /**
   * For every sub-item of the pack, a change of the compliant example that violates it: one or
   * more {@code JSON-pointer = JSON} assignments separated by {@code ;}.
   */
  private static final String FLIPS = """
      4.1.written_policy | /program/policies/0/approved_on = null ; /program/policies/1/approved_on = null
      4.1.coverage | /program/policies/0/covers = ["4.2", "4.3"]
      4.2.antimalware | /endpoints/0/antimalware/realtime = false
      4.2.firewall | /endpoints/0/firewall/profiles/public = false
      4.2.perimeter_firewall | /network/perimeter_firewalls/0/default_inbound_action = "allow"
      4.2.signatures | /endpoints/0/antimalware/signature_age_days = 30
      4.2.patches | /endpoints/1/patches/oldest_pending_since = "2026-09-01"
      4.2.social_engineering | /program/procedures/0/approved_on = null
      4.2.recovery_plan | /program/procedures/2/approved_on = null
      4.2.restore_test | /program/restore_tests/0/successful = false
      4.3.internal_scan | /program/security_tests/0/performed_on = "2026-01-15"
      4.3.external_scan | /program/security_tests/1/performed_on = "2026-09-01"
      4.3.penetration_test | /thresholds = {"require_penetration_test": true} ; /program/security_tests/2/performed_on = "2025-04-14"
      4.3.remediation | /vulnerabilities/0/status = "open" ; /vulnerabilities/0/fixed_on = null ; /vulnerabilities/0/first_seen = "2026-09-01"
      4.4.sharing_procedure | /program/procedures/6/approved_on = null
      4.4.threat_feed | /program/threat_intel_feeds = []
      4.5.unauthorized_access | /program/monitoring/alert_rules/0/enabled = false
      4.5.improper_access | /program/monitoring/web_filtering/enabled = false
      4.5.data_tampering | /program/monitoring/integrity_monitoring/enabled = false
      4.5.log_review | /program/monitoring/log_reviews/0/reviewed_on = "2026-10-01"
      4.5.discipline | /program/violations/0/case_id = null
      4.6.annual_review | /program/policies/1/last_reviewed_on = "2025-06-01"
      4.6.event_review | /program/incidents/0/occurred_on = "2026-08-25"
      4.7.role_based_access | /accounts/2/groups = ["Domain Users", "Customs Filing", "IT Admins"]
      4.7.access_review | /program/access_reviews/0/completed_on = "2025-06-30"
      4.7.separation | /accounts/3/enabled = true ; /accounts/3/last_logon = "2026-11-20T10:00:00Z"
      4.7.dormant_accounts | /accounts/2/last_logon = "2026-08-01T10:00:00Z"
      4.8.individual_accounts | /accounts/1/shared = true
      4.8.password_length | /password_policies/0/min_length = 8
      4.8.lockout | /password_policies/0/lockout_threshold = 0
      4.8.mfa | /accounts/0/mfa_enrolled = false
      4.8.compromise_reset | /program/credential_compromises/0/reset_on = "2026-08-20"
      4.9.secure_technology | /remote_access/0/tls_min_version = "1.0"
      4.9.mfa | /remote_access/0/mfa_enforced = false
      4.9.no_direct_exposure | /network/external_exposure/open_services/1 = {"address": "203.0.113.10", "port": 3389, "service": "ms-wbt-server"}
      4.9.procedure | /program/procedures/3/approved_on = null
      4.9.authorized_users | /program/remote_access_authorizations/1/user = "jsmith"
      4.10.byod_policy | /program/procedures/4/approved_on = null
      4.10.device_compliance | /endpoints/3/mdm_compliant = false
      4.10.updates | /endpoints/3/patches/pending_security_updates = 3 ; /endpoints/3/patches/oldest_pending_since = "2026-09-01"
      4.10.secure_access | /network/access_control/unmanaged_devices_blocked = false
      4.10.removable_media | /device_control/removable_media = "allowed"
      4.11.policy | /program/procedures/7/approved_on = null
      4.11.licensed | /software/1/license_status = "unlicensed"
      4.11.license_count | /software/0/installations = 50
      4.11.approved_software | /software/1/name = "WinRAR"
      4.12.backup_frequency | /backups/3/last_success_at = "2026-11-01T22:05:00Z"
      4.12.offsite_copy | /backups/1/offsite = false
      4.12.backup_isolation | /backups/0/network_isolated = false
      4.12.backup_encryption | /backups/2/encrypted = false
      4.12.data_encryption | /systems/0/encryption_at_rest/enabled = false
      4.13.inventory | /program/inventory_reconciliations/0/reconciled_on = "2025-10-01"
      4.13.sanitization | /program/sanitization_records/0/certificate = null
      12.8.cyber_training | /program/trainings/2/completed_on = "2025-05-07"
      12.8.password_training | /program/trainings/2/topics = ["cybersecurity_policy"]
      """;

  @Test
  void withoutEvidenceEveryMustCriterionLacksEvidenceAndNonePasses() {
    AssessmentReport report = ASSESSOR.assess(Json.parse("{}"));

    assertThat(report.criteria()).filteredOn(c -> c.requirement() == Requirement.MUST)
        .extracting(CriterionResult::status).containsOnly(Status.INSUFFICIENT_EVIDENCE);
    assertThat(report.criteria()).extracting(CriterionResult::status)
        .doesNotContain(Status.PASS, Status.FAIL);
    assertThat(report.compliant()).isFalse();
  }

  @Test
  void withoutEvidenceTheFindingsSayWhatIsMissing() {
    AssessmentReport report = ASSESSOR.assess(Json.parse("{}"));

    for (CriterionResult c : report.criteria()) {
      assertThat(c.findings()).as(c.id()).extracting(Finding::status)
          .containsOnly(Status.INSUFFICIENT_EVIDENCE);
      assertThat(c.findings()).as(c.id()).extracting(Finding::message)
          .anySatisfy(m -> assertThat(m).matches("No evidence: .+ (is|are) missing.*"));
      assertThat(c.findings()).as(c.id()).allSatisfy(f -> assertThat(f.remediation()).isNotBlank());
      for (CriterionResult.SubItemResult s : c.subItems()) {
        if (s.status() != Status.NOT_APPLICABLE) {
          assertThat(s.status()).as(s.id()).isEqualTo(Status.INSUFFICIENT_EVIDENCE);
          assertThat(c.findings()).as(s.id()).extracting(Finding::subItem).contains(s.id());
        }
      }
    }
  }

  @Test
  void everyCriterionPassesOnTheCompliantExample() {
    AssessmentReport report = ASSESSOR.assess(compliant());

    assertThat(report.criteria()).allSatisfy(c -> {
      assertThat(c.status()).as(c.id() + ": " + c.findings()).isEqualTo(Status.PASS);
      assertThat(c.findings()).isEmpty();
    });
    assertThat(report.compliant()).isTrue();
    assertThat(report.organizationName()).isEqualTo("Tidewater Gateway Logistics LLC");
    assertThat(report.entity()).isEqualTo("third_party_logistics");
    assertThat(report.asOf()).isEqualTo(LocalDate.of(2026, 11, 27));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flips")
  void violatingOneSubItemFailsItAndNoOtherCriterion(String subItem, String change) {
    String criterion = subItem.substring(0, subItem.lastIndexOf('.'));

    AssessmentReport report = ASSESSOR.assess(applied(change));

    CriterionResult owner = report.result(criterion).orElseThrow();
    assertThat(owner.status()).as(owner.findings().toString()).isEqualTo(Status.FAIL);
    assertThat(owner.subItems()).filteredOn(s -> s.id().equals(subItem))
        .extracting(CriterionResult.SubItemResult::status).containsExactly(Status.FAIL);
    assertThat(owner.findings()).filteredOn(f -> f.subItem().equals(subItem))
        .extracting(Finding::status).contains(Status.FAIL);
    assertThat(report.criteria()).filteredOn(c -> !c.id().equals(criterion))
        .allSatisfy(c -> assertThat(c.status()).as(c.id() + ": " + c.findings())
            .isEqualTo(Status.PASS));
  }

  @Test
  void everySubItemOfThePackHasAFlip() {
    List<String> subItems = ASSESSOR.criteria().all().stream()
        .flatMap(c -> c.subItems().stream()).map(Criterion.SubItem::id).toList();

    assertThat(flips().map(args -> (String) args[0])).containsExactlyInAnyOrderElementsOf(subItems);
  }

  @Test
  void reportsOfThePackMatchTheReportSchema() throws IOException {
    JsonSchema schema;
    try (InputStream in = ReportJson.class.getResourceAsStream(ReportJson.SCHEMA_RESOURCE)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    for (String change : List.of("", "/endpoints/0/antimalware/realtime = false")) {
      JsonNode report = MAPPER.readTree(ReportJson.write(ASSESSOR.assess(applied(change))));

      assertThat(schema.validate(report)).isEmpty();
    }
    JsonNode empty = MAPPER.readTree(ReportJson.write(ASSESSOR.assess(Json.parse("{}"))));
    assertThat(schema.validate(empty)).isEmpty();
  }

  static Stream<Object[]> flips() {
    return FLIPS.lines().filter(line -> !line.isBlank()).map(line -> {
      String[] parts = line.split("\\|", 2);
      return new Object[] {parts[0].strip(), parts[1].strip()};
    });
  }

  /** The compliant example with the change applied. */
  private static Value applied(String change) {
    JsonNode doc;
    try {
      doc = MAPPER.readTree(Files.readString(COMPLIANT));
      for (String assignment : change.isBlank() ? new String[0] : change.split(";")) {
        String[] sides = assignment.split("=", 2);
        set(doc, JsonPointer.compile(sides[0].strip()), MAPPER.readTree(sides[1].strip()));
      }
      return Json.parse(MAPPER.writeValueAsString(doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void set(JsonNode doc, JsonPointer pointer, JsonNode value) {
    JsonNode parent = doc.at(pointer.head());
    String last = pointer.last().getMatchingProperty();
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value);
    } else if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else {
      throw new IllegalArgumentException("no object or array at " + pointer.head());
    }
  }

  private static Value compliant() {
    return applied("");
  }
}
