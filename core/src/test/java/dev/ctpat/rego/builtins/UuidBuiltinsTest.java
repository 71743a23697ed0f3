package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Context;
import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UuidBuiltinsTest {
  private static final String VERSION_1 = "{\"version\": 1, \"variant\": \"RFC4122\", "
      + "\"nodeid\": \"9f-36-19-c7-49-3f\", \"macvariables\": \"local:multicast\", "
      + "\"time\": 1693481847404333000, \"clocksequence\": 13946}";
  private static final String VERSION_2 = "{\"version\": 2, \"variant\": \"RFC4122\", "
      + "\"nodeid\": \"32-50-96-b3-9f-47\", \"macvariables\": \"local:unicast\", "
      + "\"time\": 1693566990121469600, \"clocksequence\": 12800, \"domain\": \"Person\", "
      + "\"id\": 1000}";

  private final Family family = new Family(new UuidBuiltins());

  @Test
  void rfc4122IsNondeterministicAndParseIsNot() {
    assertThat(family.builtin("uuid.rfc4122").nondeterministic()).isTrue();
    assertThat(family.builtin("uuid.parse").nondeterministic()).isFalse();
  }

  @Test
  void rfc4122MakesAVersion4Uuid() throws Exception {
    String uuid = ((StringValue) family.call("uuid.rfc4122", str("k"))).value();
    assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void rfc4122GivesOneUuidPerKeyWithinAQuery() throws Exception {
    Context query = new Context();
    Value first = family.call(query, "uuid.rfc4122", str("k"));
    assertThat(family.call(query, "uuid.rfc4122", str("k"))).isEqualTo(first);
    assertThat(family.call(query, "uuid.rfc4122", str("other"))).isNotEqualTo(first);
  }

  @Test
  void rfc4122GivesAFreshUuidInANewQuery() throws Exception {
    Value first = family.call("uuid.rfc4122", str("k"));
    assertThat(family.call("uuid.rfc4122", str("k"))).isNotEqualTo(first);
  }

  @Test
  void parseDescribesTimeBasedUuids() throws Exception {
    assertThat(family.call("uuid.parse", str("c2fc67c2-47f2-11ee-b67a-9f3619c7493f")))
        .isEqualTo(json(VERSION_1));
    assertThat(family.call("uuid.parse", str("000003e8-48b9-21ee-b200-325096b39f47")))
        .isEqualTo(json(VERSION_2));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "6bea8ef2-d3d3-3cd1-84e0-9bab06a52ece|{\"version\": 3, \"variant\": \"RFC4122\"}",
      "00000000-0000-4000-8000-000000000000|{\"version\": 4, \"variant\": \"RFC4122\"}",
      "00000000-0000-5CD1-84E0-9BAB06A52ECE|{\"version\": 5, \"variant\": \"RFC4122\"}",
      "00000000-0000-fcd1-f4e0-9bab06a52ece|{\"version\": 15, \"variant\": \"Future\"}",
      "00000000-0000-4000-c000-000000000000|{\"version\": 4, \"variant\": \"Microsoft\"}",
      "00000000-0000-4000-0000-000000000000|{\"version\": 4, \"variant\": \"Reserved\"}"})
  void parseGivesVersionAndVariantForOtherUuids(String uuid, String description)
      throws Exception {
    assertThat(family.call("uuid.parse", str(uuid))).isEqualTo(json(description));
  }

  @ParameterizedTest
  @ValueSource(strings = {"urn:uuid:c2fc67c2-47f2-11ee-b67a-9f3619c7493f",
      "URN:UUID:c2fc67c2-47f2-11ee-b67a-9f3619c7493f", "{c2fc67c2-47f2-11ee-b67a-9f3619c7493f}",
      "c2fc67c247f211eeb67a9f3619c7493f"})
  void parseAcceptsGoUuidForms(String uuid) throws Exception {
    assertThat(family.call("uuid.parse", str(uuid))).isEqualTo(json(VERSION_1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "00000000000-123-222-222", "HijVnnS1-GGGG-1234-12345678",
      "c2fc67c2+47f2-11ee-b67a-9f3619c7493f", "uri:uuid:c2fc67c2-47f2-11ee-b67a-9f3619c7493f",
      "c2fc67c2-47f2-11ee-b67a-9f3619c7493", "é2fc67c2-47f2-11ee-b67a-9f3619c7493f"})
  void parseIsUndefinedForAnythingElse(String uuid) throws Exception {
    assertThat(family.call("uuid.parse", str(uuid))).isNull();
  }
}
