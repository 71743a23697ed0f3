package dev.ctpat.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctpat.compliance.AssessmentReport;
import dev.ctpat.compliance.Assessor;
import dev.ctpat.compliance.PolicyPack;
import dev.ctpat.compliance.Requirement;
import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.evidence.Severity;
import dev.ctpat.compliance.report.SampleReport.Schema;
import dev.ctpat.rego.value.Json;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportDocumentTest {
  private static final ReportDocument SAMPLE = SampleReport.document();

  @Test
  void theSampleFollowsTheReportContract() {
    assertThat(SampleReport.validate(Schema.REPORT, SampleReport.json())).isEmpty();
  }

  @Test
  void readsTheHeaderSummaryAndEngine() {
    assertThat(SAMPLE.organizationName()).contains("Müller & Söhne Logistik GmbH");
    assertThat(SAMPLE.entity()).contains("importer");
    assertThat(SAMPLE.asOf()).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(SAMPLE.summary().compliant()).isFalse();
    assertThat(SAMPLE.summary().count(Status.PASS)).isEqualTo(6);
    assertThat(SAMPLE.summary().total()).isEqualTo(14);
    assertThat(SAMPLE.engine().name()).isEqualTo("ctpat-policy-kit");
    assertThat(SAMPLE.engine().version()).contains("0.1.0");
    assertThat(SAMPLE.engine().policySha256()).contains(SampleReport.POLICY_SHA256);
  }

  @Test
  void readsCriteriaWithSubItemsFindingsAndWaivers() {
    ReportDocument.Criterion backups = SAMPLE.criteria().get(11);

    assertThat(backups.id()).isEqualTo("4.12");
    assertThat(backups.requirement()).isEqualTo(Requirement.SHOULD);
    assertThat(backups.status()).isEqualTo(Status.WAIVED);
    assertThat(backups.subItems()).hasSize(5);
    assertThat(backups.findings().get(0).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(backups.findings().get(0).evidence())
        .containsExactly(new ReportDocument.Evidence("backups/veeam-jobs.json", 34));
    assertThat(backups.waivers()).extracting(ReportDocument.Waiver::scope)
        .containsExactly("4.12.offsite_copy");
    assertThat(backups.waiversCovering("4.12.offsite_copy")).hasSize(1);
    assertThat(backups.waiversCovering("4.12.backup_frequency")).isEmpty();
  }

  @Test
  void blockingCriteriaAreTheMustCriteriaThatFailOrLackEvidence() {
    assertThat(SAMPLE.blockingCriteria()).extracting(ReportDocument.Criterion::id)
        .containsExactly("4.2", "4.3", "4.7", "4.8", "12.8");
  }

  @Test
  void evidenceWithoutLineShowsTheFileAlone() {
    assertThat(new ReportDocument.Evidence("a.csv", null)).hasToString("a.csv");
    assertThat(new ReportDocument.Evidence("a.csv", 3)).hasToString("a.csv:3");
  }

  @Test
  void aMissingSummaryIsComputedFromTheCriteria() {
    ObjectNode json = SampleReport.json();
    json.remove("summary");

    ReportDocument.Summary summary = ReportDocument.of(json).summary();

    assertThat(summary).isEqualTo(SAMPLE.summary());
  }

  @Test
  void unknownFieldsAreIgnored() {
    ObjectNode json = SampleReport.json();
    json.put("generated_by", "a newer facade");
    ((ObjectNode) json.at("/criteria/0")).put("score", 100);

    assertThat(ReportDocument.of(json).criteria()).hasSize(14);
  }

  @Test
  void extraEngineFieldsAreKeptInOrder() {
    ObjectNode json = SampleReport.json();
    ((ObjectNode) json.get("engine")).put("policy_version", "2026.11");

    assertThat(ReportDocument.of(json).engine().fields().keySet())
        .containsExactly("name", "version", "policy_sha256", "policy_version");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "/as_of; ; report.as_of is missing",
      "/as_of; 27.11.2026; report.as_of must be a date YYYY-MM-DD but was \"27.11.2026\"",
      "/criteria/2/status; broken; report.criteria[2].status must be pass, fail,"
          + " insufficient_evidence, not_applicable or waived but was \"broken\"",
      "/criteria/1/requirement; may; report.criteria[1].requirement must be must or should"
          + " but was \"may\"",
      "/criteria/1/findings/0/severity; dire; report.criteria[1].findings[0].severity must be"
          + " critical, high, medium, low or info but was \"dire\"",
      "/criteria/0/id; ; report.criteria[0].id is missing"})
  void aMalformedFieldIsNamedByItsPath(String pointer, String value, String message) {
    ObjectNode json = SampleReport.json();
    int slash = pointer.lastIndexOf('/');
    ObjectNode parent = (ObjectNode) json.at(pointer.substring(0, slash));
    if (value == null) {
      parent.remove(pointer.substring(slash + 1));
    } else {
      parent.put(pointer.substring(slash + 1), value);
    }

    assertThatThrownBy(() -> ReportDocument.of(json))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void aLineMustBeAPositiveInteger() {
    ObjectNode json = SampleReport.json();
    ((ObjectNode) json.at("/criteria/1/findings/0/evidence/0")).put("line", 0);

    assertThatThrownBy(() -> ReportDocument.of(json)).hasMessage(
        "report.criteria[1].findings[0].evidence[0].line must be a line number (1 or more) but"
            + " was 0");
  }

  @Test
  void aDocumentThatIsNotAnObjectIsRejected() {
    assertThatThrownBy(() -> ReportDocument.parse("[]"))
        .hasMessage("report must be an object but was an array");
    assertThatThrownBy(() -> ReportDocument.parse("{"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("report: not JSON");
  }

  @Test
  void readsTheSameReportFromARegoValue() {
    ReportDocument fromValue = ReportDocument.of(Json.parse(SampleReport.json().toString()));

    assertThat(fromValue.criteria()).isEqualTo(SAMPLE.criteria());
    assertThat(fromValue.evidenceFiles()).isEqualTo(SAMPLE.evidenceFiles());
  }

  @Test
  void minimalReportHasNoEngineOrEvidence() {
    ReportDocument minimal = ReportDocument.parse("{\"as_of\": \"2026-01-02\", \"criteria\": []}");

    assertThat(minimal.engine().name()).isEqualTo("ctpat");
    assertThat(minimal.engine().version()).isEmpty();
    assertThat(minimal.evidenceFiles()).isEmpty();
    assertThat(minimal.summary().compliant()).isTrue();
    assertThat(minimal.organizationName()).isEmpty();
  }

  @Test
  void crosswalkInTheDocumentIsRead() {
    ObjectNode json = SampleReport.json();
    ((ObjectNode) json.at("/criteria/0")).put("description", "Keep written policies.")
        .putObject("crosswalk").put("basis", "inferred")
        .set("nist_csf_2", json.arrayNode().add("GV.PO-01"));

    ReportDocument.Criterion policy = ReportDocument.of(json).criteria().get(0);

    assertThat(policy.description()).isEqualTo("Keep written policies.");
    assertThat(policy.crosswalk())
        .isEqualTo(new ReportDocument.Crosswalk("inferred", Map.of("nist_csf_2",
            List.of("GV.PO-01"))));
    assertThat(SAMPLE.criteria().get(0).crosswalk().isEmpty()).isTrue();
  }

  @Test
  void descriptionAndCrosswalkComeFromThePacksCriteria() {
    PolicyPack pack = PolicyPack.fromClasspath(getClass().getClassLoader(),
        "dev/ctpat/compliance/fixture-pack");
    String json = "{\"as_of\": \"2026-11-27\", \"criteria\": [{\"id\": \"1.1\", \"title\": "
        + "\"Doors locked and alarmed\", \"requirement\": \"must\", \"status\": \"pass\"}]}";

    ReportDocument.Criterion doors =
        ReportDocument.of(SampleReport.parse(json), pack.criteria()).criteria().get(0);

    assertThat(doors.description()).isEqualTo("Every door is locked, and the alarm is armed.");
    assertThat(doors.crosswalk().basis()).isEqualTo("made up for tests");
    assertThat(doors.crosswalk().frameworks()).containsEntry("cis_v8", List.of("1.1"));
  }

  @Test
  void anAssessmentReportKeepsItsCriteriaMetadata() {
    PolicyPack pack = PolicyPack.fromClasspath(getClass().getClassLoader(),
        "dev/ctpat/compliance/fixture-pack");
    AssessmentReport report = Assessor.builder().pack(pack).build().assess(Json.parse(
        "{\"organization\": {\"name\": \"Acme\", \"as_of\": \"2026-11-27\"}}"));

    ReportDocument document = ReportDocument.of(report);

    assertThat(document.criteria()).extracting(ReportDocument.Criterion::id)
        .containsExactly("1.1", "1.2", "1.10");
    assertThat(document.criteria().get(0).crosswalk().frameworks())
        .containsEntry("iso_27001", List.of("A.7.1", "A.7.2"));
    assertThat(document.summary().compliant()).isEqualTo(report.compliant());
  }
}
