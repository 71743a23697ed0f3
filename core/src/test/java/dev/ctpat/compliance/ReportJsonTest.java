package dev.ctpat.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ctpat.compliance.evidence.Source;
import dev.ctpat.compliance.evidence.Waiver;
import dev.ctpat.rego.value.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReportJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Assessor ASSESSOR = assessor();

  static Stream<String> evidence() {
    return Stream.of(
        "{}",
        Fixtures.PASSING,
        """
        {"organization": {"name": "Zoë & Søn — Ünicode", "as_of": "2026-11-27"},
         "doors": [{"name": "back", "locked": false, "source": {"file": "a/doors.csv"}}],
         "lights_off": false, "no_lights": false,
         "evidence_files": [{"path": "bin/photo.jpg", "adapter": null, "sha256": null,
           "collected_at": null, "warnings": ["bin/photo.jpg: not recognized"]}]}
        """);
  }

  @ParameterizedTest
  @MethodSource("evidence")
  void everyReportMatchesTheSchema(String evidence) throws IOException {
    JsonNode report = MAPPER.readTree(ReportJson.write(ASSESSOR.assess(Json.parse(evidence))));

    Set<ValidationMessage> errors = schema().validate(report);

    assertThat(errors).isEmpty();
  }

  @Test
  void theSchemaRejectsAReportThatBreaksTheContract() throws IOException {
    JsonNode report = MAPPER.readTree(ReportJson.write(ASSESSOR.assess(Json.parse("{}"))));
    ((ObjectNode) report.get("criteria").get(0))
        .put("status", "pass");

    assertThat(schema().validate(report)).extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("findings"));
  }

  @Test
  void keysComeInTheOrderOfTheContract() throws IOException {
    JsonNode report = MAPPER.readTree(ReportJson.write(ASSESSOR.assess(Json.parse("{}"))));

    assertThat(fieldNames(report)).containsExactly("organization", "entity", "as_of", "summary",
        "criteria", "evidence_files", "engine");
    assertThat(fieldNames(report.get("summary"))).containsExactly("compliant", "pass", "fail",
        "insufficient_evidence", "not_applicable", "waived");
    assertThat(fieldNames(report.get("criteria").get(0))).containsExactly("id", "title",
        "requirement", "status", "sub_items", "findings", "waivers");
    assertThat(fieldNames(report.get("criteria").get(0).get("findings").get(0)))
        .containsExactly("sub_item", "status", "message", "severity", "evidence", "remediation");
  }

  @Test
  void theSameEvidenceGivesTheSameBytes() {
    String first = ReportJson.write(ASSESSOR.assess(Json.parse(Fixtures.PASSING)));
    String second = ReportJson.write(assessor().assess(Json.parse(Fixtures.PASSING)));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void theReportReadsAsDesignSectionSix() {
    String json = ReportJson.write(ASSESSOR.assess(Json.parse("""
        {"organization": {"name": "Acme", "as_of": "2026-11-27"},
         "doors": [{"name": "back", "locked": false, "source": {"file": "doors.csv", "line": 3}}],
         "alarm": {"armed": true}, "logbook": {"last_entry": "2026-11-26"}, "lights_off": false}
        """)));

    assertThat(json).startsWith("""
        {
          "organization": {
            "name": "Acme",
            "entity_type": null,
            "as_of": "2026-11-27"
          },
          "entity": null,
          "as_of": "2026-11-27",
          "summary": {
            "compliant": false,
            "pass": 1,
            "fail": 1,
            "insufficient_evidence": 0,
            "not_applicable": 0,
            "waived": 1
          },
          "criteria": [
            {
              "id": "1.1",
              "title": "Doors locked and alarmed",
              "requirement": "must",
              "status": "fail",
              "sub_items": [
                {
                  "id": "1.1.locked",
                  "title": "At most max_unlocked_doors doors are unlocked",
                  "requirement": "must",
                  "status": "fail"
                },
        """);
    assertThat(json).contains("""
              "findings": [
                {
                  "sub_item": "1.1.locked",
                  "status": "fail",
                  "message": "Door back is unlocked.",
                  "severity": "high",
                  "evidence": [
                    {
                      "file": "doors.csv",
                      "line": 3
                    }
                  ],
                  "remediation": "Fix it."
                }
              ],
              "waivers": []
        """);
    assertThat(json).contains("""
              "waivers": [
                {
                  "id": "W-7",
                  "scope": "1.10.off",
                  "reason": "Timer being replaced",
                  "approver": "Facilities lead",
                  "expires_on": "2027-01-31"
                }
              ]
        """);
    assertThat(json).contains("\"evidence_files\": [],").endsWith("}\n");
  }

  /** An assessor of the fixture pack with a waiver for 1.10. */
  private static Assessor assessor() {
    return Assessor.builder().pack(Fixtures.pack())
        .waiver(new Waiver("W-7", "1.10", "1.10.off", "Timer being replaced", "Facilities lead",
            LocalDate.of(2027, 1, 31), Source.of("ctpat.yaml", 40, "program")))
        .build();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonSchema schema() {
    try (InputStream in = ReportJson.class.getResourceAsStream(ReportJson.SCHEMA_RESOURCE)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
