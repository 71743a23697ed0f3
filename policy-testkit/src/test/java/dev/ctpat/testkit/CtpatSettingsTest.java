package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.compliance.Criterion;
import java.util.List;
import org.junit.jupiter.api.Test;

class CtpatSettingsTest {
  private static final EvidenceDocument DOC = EvidenceDocument.parse("""
      {"organization": {"as_of": "2026-11-27"},
       "password_policies": [
         {"scope": "with mfa", "min_length": 10, "mfa_required": true, "lockout_threshold": 5},
         {"scope": "without", "min_length": 16, "mfa_required": false, "lockout_threshold": 3}],
       "backups": [
         {"system": "wms", "repository": "a", "last_success_at": "2026-11-26T01:15:00Z"},
         {"system": "wms", "repository": "b", "last_success_at": "2026-11-20T02:00:00Z"},
         {"system": "crm", "repository": "c", "last_success_at": "2026-11-25T03:00:00Z"}]}
      """);

  private static Setting setting(String name) {
    return CtpatSettings.all().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow();
  }

  @Test
  void everySettingIsJudgedByACriterionOfThePack() {
    List<String> criteria = PolicyHarness.ctpat().criteria().all().stream()
        .map(Criterion::id).toList();
    assertThat(CtpatSettings.all()).isNotEmpty()
        .allSatisfy(s -> assertThat(criteria).contains(s.criterion()));
    assertThat(CtpatSettings.of("4.8")).extracting(Setting::name).containsExactly(
        "minimum password length", "account lockout threshold", "credential reset delay");
  }

  @Test
  void weakeningTheMinimumLengthGoesJustBelowTheMinimumForItsMfa() {
    Setting length = setting("minimum password length");
    assertThat(length.targets(DOC)).isEqualTo(2);
    assertThat(length.weaken(DOC, 0, 0).at("/password_policies/0/min_length").asInt())
        .isEqualTo(7);
    assertThat(length.weaken(DOC, 1, 0).at("/password_policies/1/min_length").asInt())
        .isEqualTo(13);
    assertThat(length.weaken(DOC, 1, 20).at("/password_policies/1/min_length").asInt())
        .isEqualTo(-7);
    assertThat(length.strengthen(DOC, 0, 4).at("/password_policies/0/min_length").asInt())
        .isEqualTo(14);
  }

  @Test
  void targetsAreTakenModuloTheirNumber() {
    Setting length = setting("minimum password length");
    assertThat(length.strengthen(DOC, 3, 1)).isEqualTo(length.strengthen(DOC, 1, 1));
    assertThat(length.strengthen(DOC, -1, 1)).isEqualTo(length.strengthen(DOC, 1, 1));
  }

  @Test
  void lockoutStrengthensDownToOneAndWeakensPastTheMaximumOrOff() {
    Setting lockout = setting("account lockout threshold");
    assertThat(lockout.strengthen(DOC, 1, 10).at("/password_policies/1/lockout_threshold")
        .asInt()).isEqualTo(1);
    assertThat(List.of(0, 1, 2).stream().map(step -> lockout.weaken(DOC, 0, step)
        .at("/password_policies/0/lockout_threshold").asInt())).containsExactly(11, 12, 0);
  }

  @Test
  void weakeningABackupAgesEveryCopyOfItsSystemAndNoOther() {
    EvidenceDocument weak = setting("backup recency").weaken(DOC, 0, 0);
    assertThat(DOC.diff(weak)).containsExactly(
        "/backups/0/last_success_at: \"2026-11-26T01:15:00Z\" -> \"2026-11-19T01:15:00Z\"",
        "/backups/1/last_success_at: \"2026-11-20T02:00:00Z\" -> \"2026-11-19T02:00:00Z\"");
  }

  @Test
  void strengtheningABackupMakesItNewerButNotLaterThanTheAsOfDay() {
    EvidenceDocument strong = setting("backup recency").strengthen(DOC, 1, 400);
    assertThat(strong.at("/backups/1/last_success_at").asText())
        .isEqualTo("2026-11-27T02:00:00Z");
  }

  @Test
  void aDocumentWithoutTargetsIsLeftAsItIs() {
    Setting tls = setting("minimum TLS version");
    assertThat(tls.targets(DOC)).isZero();
    assertThat(tls.weaken(DOC, 0, 0)).isSameAs(DOC);
    assertThat(new Change(tls, Change.Direction.WEAKEN, 0, 0).appliesTo(DOC)).isFalse();
  }

  @Test
  void aChangeSaysWhatItDoes() {
    Change change = new Change(setting("backup recency"), Change.Direction.WEAKEN, 2, 3);
    assertThat(change).hasToString("weaken backup recency (4.12), target 2, step 3");
    assertThat(change.criterion()).isEqualTo("4.12");
    assertThat(change.apply(DOC)).isEqualTo(change.setting().weaken(DOC, 2, 3));
  }

  @Test
  void everySettingHasTargetsInSomeCompliantDocuments() {
    List<EvidenceDocument> docs = EvidenceArbitraries.compliantDocuments().sampleStream()
        .limit(200).toList();
    assertThat(CtpatSettings.all()).allSatisfy(s ->
        assertThat(docs).as(s.name()).anyMatch(d -> s.targets(d) > 0));
  }

  @Test
  void thresholdsAreReadFromThePack() {
    CtpatThresholds t = CtpatThresholds.ctpat();
    assertThat(t.integer("backup_max_age_days")).isEqualTo(7);
    assertThat(t.evidenceMaxAgeDays("program")).isEqualTo(30);
    assertThat(t.remediationDays("critical")).hasValue(15);
    assertThat(t.remediationDays("info")).isEmpty();
    assertThat(t.minTlsVersion()).isEqualTo("1.2");
    assertThat(t.forbiddenExposedPorts()).contains(3389);
  }
}
