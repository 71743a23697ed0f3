package dev.ctpat.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctpat.compliance.report.SampleReport.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OscalRendererTest {
  private static final JsonNode OSCAL = render(SampleReport.document());
  private static final JsonNode AR = OSCAL.get("assessment-results");
  private static final JsonNode RESULT = AR.at("/results/0");

  private static JsonNode render(ReportDocument report) {
    return SampleReport.parse(new OscalRenderer().renderToString(report));
  }

  private static JsonNode finding(String criterion) {
    for (JsonNode f : RESULT.get("findings")) {
      if (f.at("/target/target-id").asText().equals("ctpat-" + criterion)) {
        return f;
      }
    }
    throw new AssertionError("no finding for " + criterion);
  }

  private static String prop(JsonNode owner, String name) {
    for (JsonNode p : owner.get("props")) {
      if (p.get("name").asText().equals(name)) {
        return p.get("value").asText();
      }
    }
    throw new AssertionError("no property " + name);
  }

  @Test
  void isValidOscalAssessmentResults() {
    assertThat(SampleReport.validate(Schema.OSCAL_ASSESSMENT_RESULTS, OSCAL)).isEmpty();
    assertThat(AR.at("/metadata/oscal-version").asText()).isEqualTo("1.0.4");
  }

  @Test
  void theBundledSchemaRejectsWhatOscalForbids() {
    JsonNode broken = OSCAL.deepCopy();
    ((ObjectNode) broken.at("/assessment-results/results/0/findings/0/target/status"))
        .put("state", "passed");

    assertThat(SampleReport.validate(Schema.OSCAL_ASSESSMENT_RESULTS, broken)).isNotEmpty();
  }

  @Test
  void hasOneFindingPerCriterionTargetingItsCatalogId() {
    List<String> targets = new ArrayList<>();
    RESULT.get("findings").forEach(f -> targets.add(f.at("/target/target-id").asText()));

    assertThat(targets).containsExactly("ctpat-4.1", "ctpat-4.2", "ctpat-4.3", "ctpat-4.4",
        "ctpat-4.5", "ctpat-4.6", "ctpat-4.7", "ctpat-4.8", "ctpat-4.9", "ctpat-4.10",
        "ctpat-4.11", "ctpat-4.12", "ctpat-4.13", "ctpat-12.8");
    assertThat(RESULT.at("/reviewed-controls/control-selections/0/include-controls"))
        .hasSize(14);
  }

  @Test
  void findingStateIsSatisfiedOnlyForPassAndNotApplicable() {
    assertThat(finding("4.1").at("/target/status/state").asText()).isEqualTo("satisfied");
    assertThat(finding("4.9").at("/target/status/state").asText()).isEqualTo("satisfied");
    assertThat(finding("4.9").at("/target/implementation-status/state").asText())
        .isEqualTo("not-applicable");
    assertThat(finding("4.8").at("/target/status/state").asText()).isEqualTo("not-satisfied");
    assertThat(finding("4.8").at("/target/status/reason").asText()).isEqualTo("fail");
    assertThat(finding("4.3").at("/target/status/state").asText()).isEqualTo("not-satisfied");
    assertThat(finding("4.12").at("/target/status/state").asText()).isEqualTo("not-satisfied");
  }

  @Test
  void findingKeepsTheExactStatusAndExplainsAWaiver() {
    JsonNode waived = finding("4.12");

    assertThat(prop(waived, "status")).isEqualTo("waived");
    assertThat(prop(finding("4.3"), "status")).isEqualTo("insufficient_evidence");
    assertThat(waived.at("/target/status/remarks").asText())
        .contains("WV-2026-07", "4.12.offsite_copy", "2027-02-28");
  }

  @Test
  void findingDescribesEachReasonWithItsEvidence() {
    assertThat(finding("4.2").get("description").asText())
        .contains("4.2.patches", "endpoints/wsus-compliance.csv:148", "4.2.signatures");
    assertThat(finding("4.2").get("remarks").asText())
        .contains("Install the pending security updates on WKS-0147");
  }

  @Test
  void hasOneObservationPerEvidenceFileWithItsDigest() {
    JsonNode observations = RESULT.get("observations");

    assertThat(observations).hasSize(10);
    JsonNode policy = observations.get(4);
    assertThat(policy.get("title").asText()).isEqualTo("identity/ad-password-policy.txt");
    assertThat(prop(policy, "sha256")).hasSize(64);
    assertThat(policy.at("/relevant-evidence/0/description").asText())
        .contains("SHA-256 " + prop(policy, "sha256"));
    assertThat(policy.get("collected").asText()).isEqualTo("2026-11-25T18:31:00Z");
    assertThat(policy.get("remarks").asText()).contains("unrecognized line");
    assertThat(prop(observations.get(9), "sha256")).isEqualTo("unreadable");
  }

  @Test
  void findingsRelateToTheObservationsOfTheFilesTheyCite() {
    Set<String> observationIds = new HashSet<>();
    RESULT.get("observations").forEach(o -> observationIds.add(o.get("uuid").asText()));
    JsonNode related = finding("4.7").get("related-observations");

    assertThat(related).hasSize(2);
    related.forEach(r -> assertThat(observationIds).contains(r.get("observation-uuid").asText()));
    assertThat(finding("4.1").has("related-observations")).isFalse();
  }

  @Test
  void backMatterHoldsThePolicyPackAndEveryFileWithHashes() {
    JsonNode resources = AR.at("/back-matter/resources");

    assertThat(resources).hasSize(11);
    assertThat(AR.at("/import-ap/href").asText())
        .isEqualTo("#" + resources.get(0).get("uuid").asText());
    assertThat(prop(resources.get(0), "engine.policy_sha256"))
        .isEqualTo(SampleReport.POLICY_SHA256);
    assertThat(resources.at("/5/rlinks/0/href").asText())
        .isEqualTo("identity/ad-password-policy.txt");
    assertThat(resources.at("/5/rlinks/0/hashes/0/algorithm").asText()).isEqualTo("SHA-256");
    assertThat(resources.at("/5/rlinks/0/hashes/0/value").asText()).hasSize(64);
    assertThat(resources.at("/4/rlinks/0/href").asText()).isEqualTo("identity/ad%20users.csv");
    assertThat(resources.at("/10/rlinks/0").has("hashes")).as("unreadable file").isFalse();
  }

  @Test
  void metadataRecordsWhatTheResultRestsOn() {
    JsonNode metadata = AR.get("metadata");

    assertThat(metadata.get("last-modified").asText()).isEqualTo("2026-11-27T00:00:00Z");
    assertThat(prop(metadata, "as-of")).isEqualTo("2026-11-27");
    assertThat(prop(metadata, "engine.name")).isEqualTo("ctpat-policy-kit");
    assertThat(prop(metadata, "engine.version")).isEqualTo("0.1.0");
    assertThat(prop(metadata, "engine.policy_sha256")).isEqualTo(SampleReport.POLICY_SHA256);
    assertThat(metadata.at("/parties/0/name").asText())
        .isEqualTo("Müller & Söhne Logistik GmbH");
    assertThat(RESULT.get("start").asText()).isEqualTo("2026-11-27T00:00:00Z");
  }

  @Test
  void uuidsAreVersion5UniqueAndDerivedFromTheReport() {
    List<String> uuids = new ArrayList<>();
    OSCAL.findValues("uuid").forEach(u -> uuids.add(u.asText()));

    assertThat(uuids).doesNotHaveDuplicates()
        .allSatisfy(u -> assertThat(u).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab].*"));
    ObjectNode other = SampleReport.json();
    other.put("as_of", "2026-11-28");
    assertThat(render(ReportDocument.of(other)).at("/assessment-results/uuid").asText())
        .isNotEqualTo(AR.get("uuid").asText());
  }

  @Test
  void reportWithoutEvidenceFilesIsStillValid() {
    JsonNode oscal = render(ReportDocument.of(SampleReport.parse(
        "{\"as_of\": \"2026-11-27\", \"criteria\": [{\"id\": \"4.1\", \"title\": \"Policy\","
            + " \"requirement\": \"must\", \"status\": \"pass\"}]}")));

    assertThat(SampleReport.validate(Schema.OSCAL_ASSESSMENT_RESULTS, oscal)).isEmpty();
    assertThat(oscal.at("/assessment-results/results/0").has("observations")).isFalse();
  }
}
