package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldLossTest {
  private static final EvidenceDocument DOC = EvidenceDocument.parse("""
      {"n": 14, "b": true, "s": "ad", "a": ["x"], "o": {"k": 1}, "z": null}
      """);

  @ParameterizedTest(name = "{0} of /{1} gives {2}")
  @CsvSource(delimiter = '|', value = {
      "ABSENT     | n | (absent)",
      "NULL       | n | null",
      "WRONG_TYPE | n | \"14\"",
      "WRONG_TYPE | b | \"true\"",
      "WRONG_TYPE | s | 1",
      "WRONG_TYPE | a | {}",
      "WRONG_TYPE | o | \"n/a\"",
      "WRONG_TYPE | z | false",
  })
  void aLostFieldIsAbsentNullOrOfAnotherType(FieldLoss loss, String field, String expected) {
    EvidenceDocument lost = loss.apply(DOC, "/" + field);
    assertThat(lost.has("/" + field) ? lost.at("/" + field).toString() : "(absent)")
        .isEqualTo(expected);
  }
}
