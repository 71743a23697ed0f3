package dev.ctpat.rego.conformance;

import dev.ctpat.rego.api.QueryResult;
import dev.ctpat.rego.api.RegoError;
import dev.ctpat.rego.api.RegoException;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides whether an outcome meets a case's expectations, exactly as OPA's own harness
 * ({@code topdown/exported_test.go}) decides:
 *
 * <ul>
 *   <li>Every binding is converted to JSON and back, so sets become arrays in sorted order and
 *       {@code 1} equals {@code 1.0}; with {@code sort_bindings}, array bindings are sorted.
 *   <li>The rows are then compared as a set of binding objects: order and duplicates do not
 *       matter.
 *   <li>An expected error matches when one of the errors has the expected code and the error
 *       text contains {@code want_error}. OPA writes evaluation errors as
 *       {@code file:line: code: message}, without the column, so that form is tried as well.
 * </ul>
 */
final class Expectations {
  /** Long values are cut in failure reasons; one failure line should stay readable. */
  private static final int MAX_SHOWN = 400;

  private Expectations() {}

  /** Checks a case whose query evaluated; returns why it failed, or empty if it passed. */
  static Optional<String> check(ConformanceCase c, QueryResult result) {
    if (c.expectsError()) {
      return Optional.of("want " + describeWantedError(c) + " but got result "
          + show(actualRows(result.rows(), false)));
    }
    if (c.wantResult() == null) {
      return Optional.of("the case has none of want_result, want_error_code and want_error");
    }
    return compareRows(c.wantResult(), result.rows(), c.sortBindings());
  }

  /** Checks a case whose compilation or evaluation failed. */
  static Optional<String> check(ConformanceCase c, RegoException error) {
    if (!c.expectsError()) {
      return Optional.of("unexpected error: " + oneLine(error.getMessage()));
    }
    Optional<String> mismatch = matchError(c.wantErrorCode(), c.wantError(), error);
    if (mismatch.isPresent() || c.wantResult() == null) {
      return mismatch;
    }
    return compareRows(c.wantResult(), List.of(), c.sortBindings());
  }

  /** Compares expected binding rows with actual rows; returns the difference, if any. */
  static Optional<String> compareRows(List<ObjectValue> want, List<QueryResult.Row> got,
      boolean sortBindings) {
    SetValue expected = expectedRows(want);
    SetValue actual = actualRows(got, sortBindings);
    if (expected.equals(actual)) {
      return Optional.empty();
    }
    return Optional.of("want " + show(expected) + " but got " + show(actual));
  }

  /** Checks an error against an expected code and message text (either may be null). */
  static Optional<String> matchError(String wantCode, String wantText, RegoException error) {
    if (wantCode != null && error.errors().stream().noneMatch(e -> wantCode.equals(e.code()))) {
      return Optional.of("want error code " + wantCode + " but got: "
          + oneLine(error.getMessage()));
    }
    if (wantText != null && renderings(error).noneMatch(text -> text.contains(wantText))) {
      return Optional.of("want error containing " + Json.quote(wantText) + " but got: "
          + oneLine(error.getMessage()));
    }
    return Optional.empty();
  }

  /** The ways the error may be written: ours ({@code file:line:col:}) and OPA's. */
  private static Stream<String> renderings(RegoException error) {
    Stream<String> opaForms = error.errors().stream().map(Expectations::opaForm);
    return Stream.concat(Stream.of(error.getMessage()), opaForms);
  }

  private static String opaForm(RegoError e) {
    String text = e.code() + ": " + e.message();
    if (e.location() == null || e.location().line() == 0) {
      return text;
    }
    String file = e.location().file();
    String position = file.isEmpty()
        ? e.location().line() + ":" + e.location().column()
        : file + ":" + e.location().line();
    return position + ": " + text;
  }

  private static String describeWantedError(ConformanceCase c) {
    if (c.wantErrorCode() == null) {
      return "an error containing " + Json.quote(c.wantError());
    }
    return "error " + c.wantErrorCode()
        + (c.wantError() == null ? "" : " containing " + Json.quote(c.wantError()));
  }

  private static SetValue expectedRows(List<ObjectValue> want) {
    List<Value> rows = new ArrayList<>(want.size());
    for (ObjectValue row : want) {
      rows.add(asJson(row));
    }
    return SetValue.of(rows);
  }

  private static SetValue actualRows(List<QueryResult.Row> got, boolean sortBindings) {
    List<Value> rows = new ArrayList<>(got.size());
    for (QueryResult.Row row : got) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (Map.Entry<String, Value> binding : row.bindings().entrySet()) {
        Value v = asJson(binding.getValue());
        b.put(binding.getKey(), sortBindings ? sorted(v) : v);
      }
      rows.add(b.build());
    }
    return SetValue.of(rows);
  }

  /** The value as it reads back from JSON: sets become sorted arrays, keys become strings. */
  private static Value asJson(Value v) {
    return Json.fromJava(Json.toJava(v));
  }

  private static Value sorted(Value v) {
    if (!(v instanceof ArrayValue array)) {
      return v;
    }
    List<Value> items = new ArrayList<>(array.elements());
    items.sort(null);
    return ArrayValue.of(items);
  }

  private static String show(SetValue rows) {
    String text = Json.write(rows);
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
  }

  private static String oneLine(String message) {
    String text = message.replace("\n", " | ");
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
  }
}
