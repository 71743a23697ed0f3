package dev.ctpat.rego.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.api.QueryResult;
import dev.ctpat.rego.api.RegoError;
import dev.ctpat.rego.api.RegoException;
import dev.ctpat.rego.syntax.Location;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectationsTest {
  private static final RegoException TYPE_ERROR = new RegoException(new RegoError(
      "eval_type_error",
      "count: operand 1 must be one of {array, object, set, string} but got number",
      new Location("test-0.rego", 4, 7)));

  @Test
  void rowsMatchInAnyOrder() {
    assertThat(Expectations.compareRows(
        List.of(want("{\"x\": 1}"), want("{\"x\": 2}")),
        rows("{\"x\": 2}", "{\"x\": 1}"), false)).isEmpty();
  }

  @Test
  void duplicateRowsCountOnceAsInOpasHarness() {
    assertThat(Expectations.compareRows(
        List.of(want("{\"x\": 1}")),
        rows("{\"x\": 1}", "{\"x\": 1}"), false)).isEmpty();
  }

  @Test
  void aMissingRowIsReported() {
    assertThat(Expectations.compareRows(
        List.of(want("{\"x\": 1}"), want("{\"x\": 2}")),
        rows("{\"x\": 1}"), false))
        .hasValue("want [{\"x\":1},{\"x\":2}] but got [{\"x\":1}]");
  }

  @Test
  void anEmptyWantMeansUndefined() {
    assertThat(Expectations.compareRows(List.of(), List.of(), false)).isEmpty();
    assertThat(Expectations.compareRows(List.of(), rows("{\"x\": true}"), false)).isPresent();
  }

  @Test
  void integerAndDecimalSpellingsOfANumberAreEqual() {
    ObjectValue wanted = ObjectValue.of(StringValue.of("x"), NumberValue.parse("1.0"));

    assertThat(Expectations.compareRows(List.of(wanted), rows("{\"x\": 1}"), false)).isEmpty();
  }

  @Test
  void aSetEqualsTheSortedListOfItsMembers() {
    QueryResult.Row row = row(Map.of("x", SetValue.of(num(3), num(1), num(2))));

    assertThat(Expectations.compareRows(List.of(want("{\"x\": [1, 2, 3]}")), List.of(row),
        false)).isEmpty();
  }

  @Test
  void aSetDoesNotEqualAnUnsortedList() {
    QueryResult.Row row = row(Map.of("x", SetValue.of(num(3), num(1), num(2))));

    assertThat(Expectations.compareRows(List.of(want("{\"x\": [3, 1, 2]}")), List.of(row),
        false)).isPresent();
  }

  @Test
  void setsNestedInObjectsBecomeSortedLists() {
    QueryResult.Row row = row(Map.of("x",
        ObjectValue.of(StringValue.of("tags"), SetValue.of(str("b"), str("a")))));

    assertThat(Expectations.compareRows(List.of(want("{\"x\": {\"tags\": [\"a\", \"b\"]}}")),
        List.of(row), false)).isEmpty();
  }

  @Test
  void nonStringKeysAreComparedAsTheirJsonText() {
    QueryResult.Row row = row(Map.of("x", ObjectValue.of(num(1), str("one"))));

    assertThat(Expectations.compareRows(List.of(want("{\"x\": {\"1\": \"one\"}}")),
        List.of(row), false)).isEmpty();
  }

  @Test
  void sortBindingsSortsArrayBindingsBeforeComparing() {
    List<ObjectValue> wanted = List.of(want("{\"x\": [\"a\", \"b\", \"c\"]}"));
    List<QueryResult.Row> got = rows("{\"x\": [\"c\", \"a\", \"b\"]}");

    assertThat(Expectations.compareRows(wanted, got, true)).isEmpty();
    assertThat(Expectations.compareRows(wanted, got, false)).isPresent();
  }

  @Test
  void sortBindingsLeavesOtherBindingsAlone() {
    assertThat(Expectations.compareRows(List.of(want("{\"x\": \"b\", \"y\": 2}")),
        rows("{\"x\": \"b\", \"y\": 2}"), true)).isEmpty();
  }

  @Test
  void anErrorWithTheWantedCodeMatches() {
    assertThat(Expectations.matchError("eval_type_error", null, TYPE_ERROR)).isEmpty();
  }

  @Test
  void anErrorWithAnotherCodeDoesNotMatch() {
    assertThat(Expectations.matchError("eval_conflict_error", null, TYPE_ERROR))
        .hasValueSatisfying(reason -> assertThat(reason)
            .startsWith("want error code eval_conflict_error but got: ")
            .contains("eval_type_error"));
  }

  @Test
  void wantErrorMatchesOpasRenderingWithoutAColumn() {
    assertThat(Expectations.matchError("eval_type_error",
        "test-0.rego:4: eval_type_error: count: operand 1 must be one of", TYPE_ERROR)).isEmpty();
  }

  @Test
  void wantErrorMatchesOurRenderingWithAColumn() {
    assertThat(Expectations.matchError(null, "test-0.rego:4:7: eval_type_error", TYPE_ERROR))
        .isEmpty();
  }

  @Test
  void wantErrorMatchesAPartOfTheMessage() {
    assertThat(Expectations.matchError(null, "must be one of {array", TYPE_ERROR)).isEmpty();
  }

  @Test
  void wantErrorThatIsNotInTheMessageDoesNotMatch() {
    assertThat(Expectations.matchError("eval_type_error", "operand 2", TYPE_ERROR))
        .hasValueSatisfying(reason -> assertThat(reason)
            .startsWith("want error containing \"operand 2\" but got: "));
  }

  @Test
  void anyOfSeveralErrorsMayCarryTheWantedCode() {
    RegoException two = new RegoException(List.of(
        new RegoError("rego_type_error", "first", new Location("test-0.rego", 1, 1)),
        new RegoError("rego_unsafe_var_error", "var x is unsafe",
            new Location("test-0.rego", 3, 2))));

    assertThat(Expectations.matchError("rego_unsafe_var_error", "var x is unsafe", two))
        .isEmpty();
  }

  @Test
  void aCaseWantingResultsFailsOnAnError() {
    ConformanceCase c = testCase(List.of(want("{\"x\": 1}")), null, null);

    assertThat(Expectations.check(c, TYPE_ERROR))
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("unexpected error: "));
  }

  @Test
  void aCaseWantingAnErrorFailsOnAResult() {
    ConformanceCase c = testCase(null, "eval_type_error", null);

    assertThat(Expectations.check(c, new QueryResult(rows("{\"x\": 1}"))))
        .hasValue("want error eval_type_error but got result [{\"x\":1}]");
  }

  @Test
  void aCaseWantingAnErrorPassesOnThatError() {
    ConformanceCase c = testCase(null, "eval_type_error", "operand 1 must be one of");

    assertThat(Expectations.check(c, TYPE_ERROR)).isEmpty();
  }

  @Test
  void aCaseWantingAnErrorAndNoRowsPassesOnThatError() {
    ConformanceCase c = testCase(List.of(), "eval_type_error", null);

    assertThat(Expectations.check(c, TYPE_ERROR)).isEmpty();
  }

  @Test
  void aCaseWantingNothingFails() {
    ConformanceCase c = testCase(null, null, null);

    assertThat(Expectations.check(c, new QueryResult(List.of())))
        .hasValue("the case has none of want_result, want_error_code and want_error");
  }

  @Test
  void aCaseWantingResultsPassesOnThem() {
    ConformanceCase c = testCase(List.of(want("{\"x\": [1, 2]}")), null, null);

    assertThat(Expectations.check(c, new QueryResult(rows("{\"x\": [1, 2]}")))).isEmpty();
  }

  private static ConformanceCase testCase(List<ObjectValue> wantResult, String wantCode,
      String wantError) {
    return new ConformanceCase("f.yaml", "note", "data.x = x", List.of(), ObjectValue.EMPTY,
        null, null, wantResult, wantCode, wantError, false, false);
  }

  private static ObjectValue want(String json) {
    return (ObjectValue) Json.parse(json);
  }

  private static List<QueryResult.Row> rows(String... bindings) {
    List<QueryResult.Row> rows = new ArrayList<>();
    for (String b : bindings) {
      Map<String, Value> map = new LinkedHashMap<>();
      ((ObjectValue) Json.parse(b)).entries().forEach(
          (k, v) -> map.put(((StringValue) k).value(), v));
      rows.add(row(map));
    }
    return rows;
  }

  private static QueryResult.Row row(Map<String, Value> bindings) {
    return new QueryResult.Row(List.of(), bindings);
  }

  private static Value num(long n) {
    return NumberValue.of(n);
  }

  private static Value str(String s) {
    return StringValue.of(s);
  }
}
