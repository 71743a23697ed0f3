package dev.ctpat.rego.conformance;

import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * One test case of an OPA-format YAML conformance file.
 *
 * @param file the file the case was read from, as displayed in reports
 * @param note the case's name
 * @param query the query to evaluate
 * @param modules the Rego sources, compiled as {@code test-0.rego}, {@code test-1.rego}, ...
 * @param data the base document ({@code {}} when the case has none)
 * @param input the input document, or {@code null} for none
 * @param inputTerm the input as Rego term text, or {@code null}; takes precedence over input
 * @param wantResult the expected rows, each an object of variable bindings; empty means
 *     undefined; {@code null} when the case expects no particular result
 * @param wantErrorCode the expected error code, or {@code null}
 * @param wantError text the expected error message contains, or {@code null}
 * @param strictError whether builtin errors fail the query instead of being undefined
 * @param sortBindings whether array bindings are compared sorted
 */
public record ConformanceCase(
    String file,
    String note,
    String query,
    List<String> modules,
    ObjectValue data,
    Value input,
    String inputTerm,
    List<ObjectValue> wantResult,
    String wantErrorCode,
    String wantError,
    boolean strictError,
    boolean sortBindings) {

  public ConformanceCase {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(query, "query");
    modules = List.copyOf(modules);
    Objects.requireNonNull(data, "data");
    wantResult = wantResult == null ? null : List.copyOf(wantResult);
  }

  /** True when the case passes only if evaluation fails. */
  public boolean expectsError() {
    return wantErrorCode != null || wantError != null;
  }
}
