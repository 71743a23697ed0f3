package dev.ctpat.rego.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.Value;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlValuesTest {

  @Test
  void mappingsListsAndScalarsBecomeJsonValues() {
    Value v = YamlValues.parse("""
        name: web-01
        ports: [80, 443]
        enabled: true
        owner: null
        """);

    assertThat(v).isEqualTo(Json.parse(
        "{\"name\":\"web-01\",\"ports\":[80,443],\"enabled\":true,\"owner\":null}"));
  }

  @Test
  void decimalsAreExact() {
    ObjectValue v = (ObjectValue) YamlValues.parse("a: 0.1\nb: 1589385770.1234\nc: 1.0");

    assertThat(v.get("a")).isEqualTo(NumberValue.of(new BigDecimal("0.1")));
    assertThat(v.get("b")).isEqualTo(NumberValue.of(new BigDecimal("1589385770.1234")));
    assertThat(v.get("c")).isEqualTo(NumberValue.of(1));
  }

  @Test
  void integersBeyondLongStayExact() {
    ObjectValue v = (ObjectValue) YamlValues.parse("big: 123456789012345678901234567890");

    assertThat(v.get("big")).isEqualTo(NumberValue.parse("123456789012345678901234567890"));
  }

  @ParameterizedTest(name = "key {0} becomes \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "1: x    | 1",
      "true: x | true",
      "1.50: x | 1.5",
      "null: x | null",
      "'a': x  | a",
  })
  void mappingKeysBecomeStrings(String yaml, String key) {
    ObjectValue v = (ObjectValue) YamlValues.parse(yaml);

    assertThat(v.get(key)).isNotNull();
  }

  @Test
  void timestampsStayTheTextTheyWereWrittenAs() {
    ObjectValue v = (ObjectValue) YamlValues.parse("day: 2024-03-01\nat: 2024-03-01T10:00:00Z");

    assertThat(v.get("day")).isEqualTo(Json.parse("\"2024-03-01\""));
    assertThat(v.get("at")).isEqualTo(Json.parse("\"2024-03-01T10:00:00Z\""));
  }

  @Test
  void unicodeTextIsKept() {
    ObjectValue v = (ObjectValue) YamlValues.parse("greeting: \"Grüße, 世界 🌍\"");

    assertThat(v.get("greeting")).isEqualTo(Json.parse("\"Grüße, 世界 🌍\""));
  }

  @Test
  void aliasesAreExpanded() {
    ObjectValue v = (ObjectValue) YamlValues.parse("a: &x [1, 2]\nb: *x");

    assertThat(v.get("b")).isEqualTo(v.get("a"));
  }

  @Test
  void anEmptyDocumentIsNull() {
    assertThat(YamlValues.parse("")).isEqualTo(NullValue.INSTANCE);
  }

  @Test
  void infinityIsNotAJsonNumber() {
    assertThatThrownBy(() -> YamlValues.parse("x: .inf"))
        .isInstanceOf(YamlValues.YamlSyntaxException.class)
        .hasMessageContaining("cannot be represented in JSON");
  }

  @Test
  void binaryIsRejected() {
    assertThatThrownBy(() -> YamlValues.parse("x: !!binary aGVsbG8="))
        .isInstanceOf(YamlValues.YamlSyntaxException.class)
        .hasMessageContaining("unsupported YAML value");
  }

  @Test
  void syntaxErrorsCarryTheirPosition() {
    assertThatThrownBy(() -> YamlValues.parse("a: 1\nb: [1, 2\nc: 3\n"))
        .isInstanceOfSatisfying(YamlValues.YamlSyntaxException.class, e -> {
          assertThat(e.line()).isGreaterThan(1);
          assertThat(e.column()).isPositive();
        });
  }
}
