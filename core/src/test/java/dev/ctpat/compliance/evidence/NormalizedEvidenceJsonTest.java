package dev.ctpat.compliance.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NormalizedEvidenceJsonTest {
  private static final ObjectMapper JSON = EvidenceJson.mapper();
  private static final JsonSchema SCHEMA = loadSchema();
  private static final Path COMPLIANT_EXAMPLE =
      Path.of("../rego-policies/src/test/resources/normalized/compliant.json");

  private static JsonSchema loadSchema() {
    try (InputStream in = NormalizedEvidenceJsonTest.class.getResourceAsStream(
        "/dev/ctpat/compliance/normalized-evidence.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Set<ValidationMessage> validate(String json) throws IOException {
    return SCHEMA.validate(JSON.readTree(json));
  }

  @Test
  void fullyPopulatedDocumentIsValidAgainstTheSchema() throws IOException {
    assertThat(validate(EvidenceJson.write(SampleEvidence.full()))).isEmpty();
  }

  @Test
  void emptyDocumentIsValidAndHasNoKeys() throws IOException {
    String json = EvidenceJson.write(NormalizedEvidence.builder().build());

    assertThat(JSON.readTree(json).size()).isZero();
    assertThat(validate(json)).isEmpty();
  }

  @Test
  void fullyPopulatedDocumentRoundTrips() throws IOException {
    NormalizedEvidence evidence = SampleEvidence.full();

    assertThat(EvidenceJson.read(EvidenceJson.write(evidence))).isEqualTo(evidence);
  }

  @Test
  void namesAreSnakeCaseAndUnitsFixed() throws IOException {
    JsonNode json = JSON.readTree(EvidenceJson.write(SampleEvidence.full()));

    JsonNode policy = json.at("/password_policies/0");
    assertThat(policy.get("min_length").intValue()).isEqualTo(14);
    assertThat(policy.get("lockout_duration_minutes").intValue()).isEqualTo(15);
    assertThat(json.at("/accounts/0/last_logon").textValue()).isEqualTo("2026-11-26T14:02:11Z");
    assertThat(json.at("/personnel/0/separated_on").textValue()).isEqualTo("2026-03-10");
    assertThat(json.at("/program/security_tests/0/type").textValue()).isEqualTo("penetration_test");
    assertThat(json.at("/device_control/removable_media").textValue()).isEqualTo("read_only");
  }

  @Test
  void unknownValuesAreWrittenAsNull() throws IOException {
    JsonNode policy = JSON.readTree(EvidenceJson.write(SampleEvidence.full()))
        .at("/password_policies/0");

    assertThat(policy.has("max_age_days")).isTrue();
    assertThat(policy.get("max_age_days").isNull()).isTrue();
  }

  @Test
  void emptyListIsKeptAndNullListIsOmitted() throws IOException {
    JsonNode json = JSON.readTree(EvidenceJson.write(
        NormalizedEvidence.builder().addVulnerabilities(List.of()).build()));

    assertThat(json.get("vulnerabilities")).isInstanceOf(ArrayNode.class).isEmpty();
    assertThat(json.has("software")).isFalse();
  }

  @Test
  void timestampsWithOffsetAreReadAsUtc() throws IOException {
    NormalizedEvidence evidence = EvidenceJson.read(
        "{\"evidence_files\":[{\"path\":\"a\",\"collected_at\":\"2026-11-27T08:00:00+02:00\"}]}");

    assertThat(evidence.evidenceFiles().get(0).collectedAt())
        .isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
  }

  @Test
  void malformedDateIsRejectedWithItsLocation() {
    assertThatThrownBy(() -> EvidenceJson.read(
            "{\"organization\":{\"as_of\":\"27.11.2026\"}}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("27.11.2026")
        .hasMessageContaining("line: 1");
  }

  @Test
  void unknownPropertyIsRejected() {
    assertThatThrownBy(() -> EvidenceJson.read("{\"organization\":{\"as_of\":\"2026-11-27\",\"x\":1}}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("\"x\"");
  }

  @Test
  void compliantExampleValidatesAndRoundTrips() throws IOException {
    String original = Files.readString(COMPLIANT_EXAMPLE);
    assertThat(validate(original)).isEmpty();

    NormalizedEvidence evidence = EvidenceJson.read(original);
    String written = EvidenceJson.write(evidence);

    assertThat(validate(written)).isEmpty();
    assertThat(withoutNulls(JSON.readTree(written))).isEqualTo(withoutNulls(JSON.readTree(original)));
    assertThat(evidence.organization().asOf()).isEqualTo(LocalDate.of(2026, 11, 27));
  }

  /** Absent and null mean the same in the contract; compare documents modulo that. */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JSON.createObjectNode();
      object.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          copy.set(e.getKey(), withoutNulls(e.getValue()));
        }
      });
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JSON.createArrayNode();
      array.forEach(item -> copy.add(withoutNulls(item)));
      return copy;
    }
    return node;
  }

  @Test
  void recordsAreImmutable() {
    NormalizedEvidence evidence = SampleEvidence.full();

    assertThatThrownBy(() -> evidence.endpoints().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> evidence.thresholds().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
