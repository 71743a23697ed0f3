package dev.ctpat.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTypeTest {
  @ParameterizedTest
  @CsvSource({
      "importer, IMPORTER",
      "Highway-Carrier, HIGHWAY_CARRIER",
      "' third_party_logistics ', THIRD_PARTY_LOGISTICS",
      "manufacturer, MANUFACTURER"})
  void idsAreReadIgnoringCaseBlanksAndHyphens(String id, EntityType expected) {
    assertThat(EntityType.fromId(id)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "airline", "importers"})
  void otherWordsAreNoEntityType(String id) {
    assertThat(EntityType.fromId(id)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"importer", "customs_broker", "marine_port_authority_terminal_operator"})
  void everyIdIsListed(String id) {
    assertThat(EntityType.ids().split(", ")).contains(id);
    assertThat(EntityType.fromId(id).orElseThrow().id()).isEqualTo(id);
  }
}
