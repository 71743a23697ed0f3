package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.compliance.Status;
import dev.ctpat.rego.value.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriterionOutcomeTest {
  private static final String RESULT = """
      {"id": "4.12", "status": "waived",
       "sub_items": [{"id": "4.12.offsite_copy", "status": "fail"},
                     {"id": "4.12.backup_encryption", "status": "pass"}],
       "findings": [{"sub_item": "4.12.offsite_copy", "status": "fail",
                     "message": "System wms has no off-site copy."}],
       "waivers": [{"criterion": "4.12"}]}
      """;

  @Test
  void aResultIsReadIntoStatusesAndFindings() {
    CriterionOutcome o = CriterionOutcome.read("4.12", Json.parse(RESULT));
    assertThat(o.status()).isEqualTo(Status.WAIVED);
    assertThat(o.passes()).isFalse();
    assertThat(o.subItems()).containsExactly(
        Map.entry("4.12.offsite_copy", Status.FAIL),
        Map.entry("4.12.backup_encryption", Status.PASS));
    assertThat(o.subItemsWith(Status.FAIL)).containsExactly("4.12.offsite_copy");
    assertThat(o.findingsOf("4.12.offsite_copy")).singleElement()
        .extracting(CriterionOutcome.Finding::message)
        .isEqualTo("System wms has no off-site copy.");
    assertThat(o.waivers()).isEqualTo(1);
  }

  @Test
  void itPrintsSubItemsAndFindingsOnePerLine() {
    assertThat(CriterionOutcome.read("4.12", Json.parse(RESULT))).hasToString("""
        4.12: waived
          4.12.offsite_copy: fail
          4.12.backup_encryption: pass
          - [4.12.offsite_copy fail] System wms has no off-site copy.
          waivers applied: 1""");
  }

  @Test
  void aMalformedResultIsAnError() {
    assertThatThrownBy(() -> CriterionOutcome.read("4.1", Json.parse("{\"status\": \"ok\"}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("malformed result of criterion 4.1: sub_items is no array");
    assertThatThrownBy(() -> CriterionOutcome.read("4.1", Json.parse(
        "{\"status\": \"ok\", \"sub_items\": [], \"findings\": [], \"waivers\": []}")))
        .hasMessageContaining("unknown status ok");
    assertThatThrownBy(() -> CriterionOutcome.read("4.1", Json.parse("[]")))
        .hasMessageContaining("no object");
  }
}
