package dev.ctpat.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctpat.compliance.report.SampleReport.Schema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifRendererTest {
  private static final JsonNode SARIF = render(new SarifRenderer());
  private static final JsonNode RUN = SARIF.get("runs").get(0);

  private static JsonNode render(SarifRenderer renderer) {
    return SampleReport.parse(renderer.renderToString(SampleReport.document()));
  }

  private static JsonNode result(String ruleId) {
    for (JsonNode r : RUN.get("results")) {
      if (r.get("ruleId").asText().equals(ruleId)) {
        return r;
      }
    }
    throw new AssertionError("no result for " + ruleId);
  }

  @Test
  void isValidSarif210() {
    assertThat(SampleReport.validate(Schema.SARIF, SARIF)).isEmpty();
    assertThat(SARIF.get("version").asText()).isEqualTo("2.1.0");
  }

  @Test
  void theBundledSchemaRejectsWhatSarifForbids() {
    JsonNode broken = SARIF.deepCopy();
    ((ObjectNode) broken.at("/runs/0/results/0"))
        .put("level", "fatal");

    assertThat(SampleReport.validate(Schema.SARIF, broken)).isNotEmpty();
  }

  @Test
  void hasOneRulePerSubItemInCriterionOrder() {
    List<String> ids = new ArrayList<>();
    RUN.at("/tool/driver/rules").forEach(r -> ids.add(r.get("id").asText()));

    List<String> subItems = new ArrayList<>();
    SampleReport.document().criteria()
        .forEach(c -> c.subItems().forEach(s -> subItems.add(s.id())));
    assertThat(ids).isEqualTo(subItems).hasSize(55);
  }

  @Test
  void ruleCarriesTitleRequirementAndStatus() {
    JsonNode lockout = RUN.at("/tool/driver/rules/29");

    assertThat(lockout.get("id").asText()).isEqualTo("4.8.lockout");
    assertThat(lockout.at("/shortDescription/text").asText())
        .isEqualTo("(b) Every password policy locks accounts after repeated failed logons");
    assertThat(lockout.at("/defaultConfiguration/level").asText()).isEqualTo("error");
    assertThat(lockout.at("/properties/criterion").asText()).isEqualTo("4.8");
    assertThat(lockout.at("/properties/status").asText()).isEqualTo("fail");
  }

  @Test
  void hasOneResultPerFindingPointingAtItsRule() {
    JsonNode results = RUN.get("results");

    assertThat(results).hasSize(9);
    for (JsonNode r : results) {
      int index = r.get("ruleIndex").asInt();
      assertThat(RUN.at("/tool/driver/rules/" + index + "/id").asText())
          .isEqualTo(r.get("ruleId").asText());
    }
  }

  @Test
  void resultLocationsAreTheEvidenceFilesAndLines() {
    JsonNode signatures = result("4.2.signatures");

    assertThat(signatures.get("locations")).hasSize(2);
    assertThat(signatures.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("endpoints/defender-status.json");
    assertThat(signatures.at("/locations/0/physicalLocation/region/startLine").asInt())
        .isEqualTo(57);
    assertThat(signatures.at("/locations/1/physicalLocation/region/startLine").asInt())
        .isEqualTo(61);
  }

  @Test
  void pathsArePercentEncodedUriReferences() {
    assertThat(result("4.7.separation")
        .at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("identity/ad%20users.csv");
  }

  @Test
  void evidenceWithoutLineIsLocatedOnTheFirstLine() {
    assertThat(result("12.8.cyber_training")
        .at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
  }

  @Test
  void findingWithoutEvidenceIsLocatedOnTheOrganizationProfile() {
    JsonNode scan = result("4.3.external_scan");

    assertThat(scan.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("ctpat.yaml");
    assertThat(scan.at("/properties/evidence").asText()).isEqualTo("missing");
  }

  @Test
  void levelFollowsSeverityCappedForMissingEvidenceAndShouldCriteria() {
    assertThat(result("4.7.separation").get("level").asText()).isEqualTo("error");
    assertThat(result("4.8.lockout").get("level").asText()).isEqualTo("error");
    assertThat(result("4.2.signatures").get("level").asText()).isEqualTo("warning");
    assertThat(result("4.11.licensed").get("level").asText()).isEqualTo("note");
    // high, but the evidence is missing rather than violated
    assertThat(result("4.3.external_scan").get("level").asText()).isEqualTo("warning");
  }

  @Test
  void waivedFindingIsSuppressedWithTheWaiverAsJustification() {
    JsonNode offsite = result("4.12.offsite_copy");

    assertThat(offsite.get("suppressions")).hasSize(1);
    assertThat(offsite.at("/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(offsite.at("/suppressions/0/status").asText()).isEqualTo("accepted");
    assertThat(offsite.at("/suppressions/0/justification").asText())
        .contains("WV-2026-07", "Dana Whitfield, CISO", "2027-02-28");
    assertThat(result("4.8.lockout").has("suppressions")).isFalse();
  }

  @Test
  void messageIncludesTheRemediation() {
    assertThat(result("4.8.lockout").at("/message/text").asText())
        .startsWith("Password policy \"Default Domain Policy\" never locks")
        .contains("Remediation: Set the account lockout threshold");
  }

  @Test
  void recordsWhatTheResultRestsOn() {
    assertThat(RUN.at("/tool/driver/name").asText()).isEqualTo("ctpat-policy-kit");
    assertThat(RUN.at("/tool/driver/version").asText()).isEqualTo("0.1.0");
    assertThat(RUN.at("/properties/as_of").asText()).isEqualTo("2026-11-27");
    assertThat(RUN.at("/properties/engine/policy_sha256").asText())
        .isEqualTo(SampleReport.POLICY_SHA256);
    assertThat(RUN.get("artifacts")).hasSize(10);
    assertThat(RUN.at("/artifacts/4/location/uri").asText())
        .isEqualTo("identity/ad-password-policy.txt");
    assertThat(RUN.at("/artifacts/4/hashes/sha-256").asText()).hasSize(64);
    assertThat(RUN.at("/artifacts/9").has("hashes")).as("unreadable file").isFalse();
  }

  @Test
  void locationsReferToTheirArtifact() {
    JsonNode location = result("4.8.lockout").at("/locations/0/physicalLocation/artifactLocation");

    assertThat(RUN.at("/artifacts/" + location.get("index").asInt() + "/location/uri").asText())
        .isEqualTo(location.get("uri").asText());
  }

  @Test
  void uriPrefixPlacesEvidenceInTheRepository() {
    JsonNode run = render(new SarifRenderer("compliance/evidence")).get("runs").get(0);

    assertThat(run.at("/artifacts/0/location/uri").asText())
        .isEqualTo("compliance/evidence/ctpat.yaml");
    assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .startsWith("compliance/evidence/");
  }

  @Test
  void fingerprintsAreStableAndDistinct() {
    List<String> prints = new ArrayList<>();
    RUN.get("results").forEach(r -> prints.add(r.at("/partialFingerprints/ctpatFinding~1v1")
        .asText()));

    assertThat(prints).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).hasSize(64));
  }

  @Test
  void reportWithoutFindingsHasNoResults() {
    JsonNode sarif = SampleReport.parse(new SarifRenderer().renderToString(ReportDocument.of(
        SampleReport.parse("{\"as_of\": \"2026-11-27\", \"criteria\": []}"))));

    assertThat(SampleReport.validate(Schema.SARIF, sarif)).isEmpty();
    assertThat(sarif.at("/runs/0/results")).isEmpty();
    assertThat(sarif.at("/runs/0/tool/driver/name").asText()).isEqualTo("ctpat");
  }
}
