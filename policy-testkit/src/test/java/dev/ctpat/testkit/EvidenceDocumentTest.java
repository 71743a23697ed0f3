package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ctpat.compliance.evidence.EvidenceJson;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.Organization;
import dev.ctpat.rego.value.ObjectValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceDocumentTest {
  private static final EvidenceDocument DOC = EvidenceDocument.parse("""
      {"organization": {"name": "Acme", "as_of": "2026-11-27"},
       "password_policies": [{"scope": "a", "min_length": 14}, {"scope": "b", "min_length": 8}],
       "odd/key~": true}
      """);

  @Test
  void aTypedDocumentBecomesTheJsonOfTheModel() throws Exception {
    NormalizedEvidence typed = NormalizedEvidence.builder()
        .organization(new Organization("Acme", "importer", LocalDate.of(2026, 11, 27), null))
        .addEndpoints(List.of())
        .build();
    assertThat(EvidenceDocument.of(typed))
        .isEqualTo(EvidenceDocument.parse(EvidenceJson.write(typed)));
    assertThat(EvidenceDocument.of(typed).at("/endpoints").isArray()).isTrue();
    assertThat(EvidenceDocument.of(typed).has("/program")).isFalse();
  }

  @Test
  void parseRejectsWhatIsNotAnObject() {
    assertThatThrownBy(() -> EvidenceDocument.parse("[1]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> EvidenceDocument.parse("{"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
  }

  @Test
  void withSetsAMemberAndLeavesTheOriginalAlone() {
    EvidenceDocument changed = DOC.with("/password_policies/0/min_length", 20);
    assertThat(changed.at("/password_policies/0/min_length").asInt()).isEqualTo(20);
    assertThat(DOC.at("/password_policies/0/min_length").asInt()).isEqualTo(14);
  }

  @Test
  void withTakesDatesNullsListsAndMaps() {
    EvidenceDocument changed = DOC
        .with("/organization/as_of", LocalDate.of(2024, 2, 29))
        .with("/organization/name", null)
        .with("/extra", Map.of("groups", List.of("a", "b")));
    assertThat(changed.asOf()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(changed.at("/organization/name").isNull()).isTrue();
    assertThat(changed.at("/extra/groups/1").asText()).isEqualTo("b");
  }

  @Test
  void withRefusesPlacesWithoutAParentOrBeyondAnArray() {
    assertThatThrownBy(() -> DOC.with("/program/policies", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> DOC.with("/password_policies/2", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no element 2");
    assertThatThrownBy(() -> DOC.with("", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutRemovesMembersAndElementsAndIgnoresAbsentPlaces() {
    assertThat(DOC.without("/organization/as_of").has("/organization/as_of")).isFalse();
    assertThat(DOC.without("/password_policies/0").at("/password_policies/0/scope").asText())
        .isEqualTo("b");
    assertThat(DOC.without("/program/policies")).isSameAs(DOC);
  }

  @Test
  void appendAddsToAnArrayOrStartsOne() {
    assertThat(DOC.append("/password_policies", Map.of("scope", "c")).count("/password_policies"))
        .isEqualTo(3);
    assertThat(DOC.append("/waivers", Map.of("criterion", "4.8")).count("/waivers")).isEqualTo(1);
  }

  @Test
  void atHandsOutACopy() {
    ((ObjectNode) DOC.at("/organization")).put("name", "X");
    assertThat(DOC.at("/organization/name").asText()).isEqualTo("Acme");
    assertThat(DOC.at("/nothing/here").isMissingNode()).isTrue();
  }

  @Test
  void asOfIsNullUnlessItIsADate() {
    assertThat(DOC.asOf()).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(DOC.with("/organization/as_of", "27.11.2026").asOf()).isNull();
    assertThat(DOC.with("/organization/as_of", 20261127).asOf()).isNull();
    assertThat(DOC.without("/organization").asOf()).isNull();
  }

  @Test
  void pointersNameEveryNodeWithSlashesAndTildesEscaped() {
    assertThat(DOC.pointers()).containsExactly("/organization", "/organization/name",
        "/organization/as_of", "/password_policies", "/password_policies/0",
        "/password_policies/0/scope", "/password_policies/0/min_length", "/password_policies/1",
        "/password_policies/1/scope", "/password_policies/1/min_length", "/odd~1key~0");
    assertThat(DOC.at("/odd~1key~0").asBoolean()).isTrue();
  }

  @Test
  void diffListsEachChangedPlace() {
    EvidenceDocument changed = DOC.with("/password_policies/1/min_length", 7)
        .without("/organization/name");
    assertThat(DOC.diff(changed)).containsExactly("/organization/name: \"Acme\" -> (absent)",
        "/password_policies/1/min_length: 8 -> 7");
    assertThat(DOC.diff(DOC)).isEmpty();
  }

  @Test
  void toStringIsPrettyJsonWithShortPlainPartsOnOneLine() {
    assertThat(EvidenceDocument.parse("""
        {"source": {"file": "a.csv", "line": 2}, "groups": ["x", "y"], "empty": [],
         "items": [{"id": 1}]}
        """).toString()).isEqualTo("""
        {
          "source": {"file": "a.csv", "line": 2},
          "groups": ["x", "y"],
          "empty": [],
          "items": [
            {"id": 1}
          ]
        }""");
  }

  @Test
  void toValueIsTheEngineInput() {
    assertThat(((ObjectValue) DOC.toValue()).get("organization")).isInstanceOf(ObjectValue.class);
    assertThat(EvidenceDocument.parse(DOC.toCompactJson())).isEqualTo(DOC);
  }
}
