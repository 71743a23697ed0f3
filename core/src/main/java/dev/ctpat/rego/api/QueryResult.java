package dev.ctpat.rego.api;

import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.Map;

/**
 * The answers to a query: one row per way the query was satisfied. An empty list means the
 * query is undefined.
 */
public record QueryResult(List<Row> rows) {
  public QueryResult {
    rows = List.copyOf(rows);
  }

  public boolean isUndefined() {
    return rows.isEmpty();
  }

  /**
   * One answer.
   *
   * @param expressions the value of each top-level expression of the query, in order
   * @param bindings the values of the query's named variables, by name
   */
  public record Row(List<ExpressionValue> expressions, Map<String, Value> bindings) {
    public Row {
      expressions = List.copyOf(expressions);
      bindings = Map.copyOf(bindings);
    }
  }

  /**
   * The value of one expression of the query and its source text, as {@code opa eval} reports.
   */
  public record ExpressionValue(Value value, String text) {}
}
