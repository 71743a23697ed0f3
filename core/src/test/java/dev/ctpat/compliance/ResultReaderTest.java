package dev.ctpat.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.compliance.evidence.Severity;
import dev.ctpat.rego.value.Json;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultReaderTest {
  private static final Criterion CRITERION = new Criterion("4.8", "Accounts", "",
      Requirement.MUST,
      List.of(new Criterion.SubItem("4.8.a", "A", Requirement.MUST),
          new Criterion.SubItem("4.8.b", "B", Requirement.MUST)),
      List.of(), Criterion.Crosswalk.NONE, "data.p");

  /** A failing result; each case below replaces one piece of it. */
  private static final String FAILING = """
      {"status": "fail",
       "sub_items": [{"id": "4.8.a", "status": "fail"}, {"id": "4.8.b", "status": "pass"}],
       "findings": [{"sub_item": "4.8.a", "status": "fail", "message": "m", "severity": "high",
         "evidence": [{"file": "f.csv", "line": 3}], "remediation": "r"}],
       "waivers": [{"id": "W", "scope": null, "reason": "why", "approver": "CFO",
         "expires_on": "2027-01-31", "criterion": "4.8", "source": {"file": "ctpat.yaml"}}]}
      """;

  @Test
  void readsAWellFormedResult() {
    CriterionResult result = ResultReader.read(CRITERION, Json.parse(FAILING));

    assertThat(result).isEqualTo(new CriterionResult(CRITERION, Status.FAIL,
        List.of(new CriterionResult.SubItemResult(CRITERION.subItems().get(0), Status.FAIL),
            new CriterionResult.SubItemResult(CRITERION.subItems().get(1), Status.PASS)),
        List.of(new Finding("4.8.a", Status.FAIL, "m", Severity.HIGH,
            List.of(new Finding.EvidenceRef("f.csv", 3)), "r")),
        List.of(new CriterionResult.AppliedWaiver("W", null, "why", "CFO",
            LocalDate.of(2027, 1, 31)))));
  }

  @Test
  void subItemsFollowTheCriterionsOrderWhateverTheResultsOrder() {
    CriterionResult result = ResultReader.read(CRITERION, Json.parse(FAILING.replace(
        "[{\"id\": \"4.8.a\", \"status\": \"fail\"}, {\"id\": \"4.8.b\", \"status\": \"pass\"}]",
        "[{\"id\": \"4.8.b\", \"status\": \"pass\"}, {\"id\": \"4.8.a\", \"status\": \"fail\"}]")));

    assertThat(result.subItems()).extracting(CriterionResult.SubItemResult::id)
        .containsExactly("4.8.a", "4.8.b");
  }

  @Test
  void waiversMayBeAbsent() {
    CriterionResult result = ResultReader.read(CRITERION,
        Json.parse(FAILING.substring(0, FAILING.indexOf(",\n \"waivers\"")) + "}"));

    assertThat(result.waivers()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      "status": "fail"          | "status": 1                | status must be a string but was number
      "status": "fail"          | "status": "bad"            | status must be one of pass, fail, insufficient_evidence, not_applicable, waived but was "bad"
      "id": "4.8.b"             | "id": "4.9.b"              | sub_items[1].id "4.9.b" is not a sub-item of the criterion
      "id": "4.8.b"             | "id": "4.8.a"              | sub-item 4.8.a appears twice
      , {"id": "4.8.b", "status": "pass"} | `` | sub_items lacks sub-item 4.8.b
      "sub_item": "4.8.a"       | "sub_item": "4.9"          | findings[0].sub_item "4.9" is neither the criterion nor one of its sub-items
      "status": "fail", "message" | "status": "pass", "message" | findings[0].status must be fail or insufficient_evidence but was pass
      "severity": "high"        | "severity": "important"    | findings[0].severity must be critical, high, medium, low or info but was "important"
      "line": 3                 | "line": 0                  | findings[0].evidence[0].line must be a positive integer or null but was 0
      "line": 3                 | "line": "3"                | findings[0].evidence[0].line must be a positive integer or null but was "3"
      "file": "f.csv",          | ``                         | findings[0].evidence[0].file must be a string but was absent
      "remediation": "r"        | "remediation": null        | findings[0].remediation must be a string but was null
      "sub_items": [            | "sub_items": "none", "x": [ | sub_items must be an array but was string
      "expires_on": "2027-01-31" | "expires_on": "soon"      | waivers[0].expires_on must be a date YYYY-MM-DD but was "soon"
      """)
  void malformedResultsAreRejectedWithThePathOfTheProblem(String piece, String replacement,
      String message) {
    String malformed = FAILING.replace(piece, replacement);

    assertThatThrownBy(() -> ResultReader.read(CRITERION, Json.parse(malformed)))
        .isInstanceOf(ResultReader.MalformedResultException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      fail           | pass | 0 | status is pass but sub-item 4.8.a is fail
      insufficient_evidence | pass | 0 | status is pass but sub-item 4.8.a is insufficient_evidence
      pass           | pass | 1 | status is pass but there are findings
      """)
  void aPassThatContradictsItselfIsMalformed(String subItemStatus, String status, int findings,
      String message) {
    String finding = "{\"sub_item\": \"4.8.b\", \"status\": \"insufficient_evidence\", "
        + "\"message\": \"m\", \"severity\": \"low\", \"evidence\": [], \"remediation\": \"r\"}";
    String result = "{\"status\": \"" + status + "\", \"sub_items\": [{\"id\": \"4.8.a\", "
        + "\"status\": \"" + subItemStatus + "\"}, {\"id\": \"4.8.b\", \"status\": \"pass\"}], "
        + "\"findings\": [" + (findings == 0 ? "" : finding) + "]}";

    assertThatThrownBy(() -> ResultReader.read(CRITERION, Json.parse(result)))
        .hasMessage(message);
  }

  @Test
  void findingsAboutASubItemThatDoesNotApplyAreDropped() {
    CriterionResult result = ResultReader.read(CRITERION, Json.parse(FAILING
        .replace("{\"id\": \"4.8.a\", \"status\": \"fail\"}",
            "{\"id\": \"4.8.a\", \"status\": \"not_applicable\"}")
        .replace("{\"status\": \"fail\",\n", "{\"status\": \"pass\",\n")));

    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void undecidedResultsLackEvidenceEverywhereAndSayWhy() {
    CriterionResult result = ResultReader.undecided(CRITERION, "data.p.result is undefined.");

    assertThat(result.status()).isEqualTo(Status.INSUFFICIENT_EVIDENCE);
    assertThat(result.subItems()).extracting(CriterionResult.SubItemResult::status)
        .containsOnly(Status.INSUFFICIENT_EVIDENCE);
    assertThat(result.findings()).singleElement().satisfies(f -> {
      assertThat(f.subItem()).isEqualTo("4.8");
      assertThat(f.message())
          .isEqualTo("Criterion 4.8 could not be assessed: data.p.result is undefined.");
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
    });
  }
}
