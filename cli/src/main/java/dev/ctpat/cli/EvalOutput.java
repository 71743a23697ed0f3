package dev.ctpat.cli;

import dev.ctpat.rego.api.QueryResult;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import java.util.List;

/**
 * Writes a query result in {@code opa eval}'s JSON shape, indented by two spaces, with the
 * fields in OPA's order:
 *
 * <pre>
 * {"result": [{"expressions": [{"value": ..., "text": "..."}], "bindings": {...}}]}
 * </pre>
 *
 * <p>{@code bindings} is left out when the query has no named variables, and an undefined query
 * is {@code {}}, as OPA writes them.
 */
final class EvalOutput {
  private EvalOutput() {}

  static String render(QueryResult result) {
    if (result.isUndefined()) {
      return "{}";
    }
    StringBuilder sb = new StringBuilder("{\n  \"result\": [\n");
    List<QueryResult.Row> rows = result.rows();
    for (int i = 0; i < rows.size(); i++) {
      appendRow(sb, rows.get(i));
      sb.append(i + 1 < rows.size() ? ",\n" : "\n");
    }
    return sb.append("  ]\n}").toString();
  }

  private static void appendRow(StringBuilder sb, QueryResult.Row row) {
    sb.append("    {\n      \"expressions\": [\n");
    List<QueryResult.ExpressionValue> expressions = row.expressions();
    for (int i = 0; i < expressions.size(); i++) {
      QueryResult.ExpressionValue e = expressions.get(i);
      sb.append("        {\n")
          .append("          \"value\": ").append(indented(Json.writePretty(e.value()), 10))
          .append(",\n")
          .append("          \"text\": ").append(Json.quote(e.text())).append('\n')
          .append("        }")
          .append(i + 1 < expressions.size() ? ",\n" : "\n");
    }
    sb.append("      ]");
    if (!row.bindings().isEmpty()) {
      ObjectValue.Builder bindings = ObjectValue.builder();
      row.bindings().forEach(bindings::put);
      sb.append(",\n      \"bindings\": ").append(indented(Json.writePretty(bindings.build()), 6));
    }
    sb.append("\n    }");
  }

  /** Shifts every line after the first right, to nest pretty JSON at a given depth. */
  private static String indented(String json, int spaces) {
    return json.replace("\n", "\n" + " ".repeat(spaces));
  }
}
