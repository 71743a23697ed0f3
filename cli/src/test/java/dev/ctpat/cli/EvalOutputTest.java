package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.api.QueryResult;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalOutputTest {
  @Test
  void anUndefinedResultIsAnEmptyObject() {
    assertThat(EvalOutput.render(new QueryResult(List.of()))).isEqualTo("{}");
  }

  @Test
  void aRowWithoutBindingsHasOnlyExpressions() {
    QueryResult result = result(row(Map.of(), expr(BooleanValue.TRUE, "data.authz.allow")));

    assertThat(EvalOutput.render(result)).isEqualTo("""
        {
          "result": [
            {
              "expressions": [
                {
                  "value": true,
                  "text": "data.authz.allow"
                }
              ]
            }
          ]
        }""");
  }

  @Test
  void bindingsFollowTheExpressionsSortedByName() {
    QueryResult result = result(row(
        Map.of("y", NumberValue.of(2), "x", NumberValue.of(1)),
        expr(BooleanValue.TRUE, "x = 1"), expr(BooleanValue.TRUE, "y = 2")));

    assertThat(EvalOutput.render(result)).isEqualTo("""
        {
          "result": [
            {
              "expressions": [
                {
                  "value": true,
                  "text": "x = 1"
                },
                {
                  "value": true,
                  "text": "y = 2"
                }
              ],
              "bindings": {
                "x": 1,
                "y": 2
              }
            }
          ]
        }""");
  }

  @Test
  void nestedValuesAreIndentedAtTheirDepthAndSetsSorted() {
    Value value = Json.parse("{\"roles\": [\"admin\"], \"name\": \"Zoë\"}");
    QueryResult result = result(
        row(Map.of("s", SetValue.of(StringValue.of("b"), StringValue.of("a"))),
            expr(value, "data.user")));

    assertThat(EvalOutput.render(result)).isEqualTo("""
        {
          "result": [
            {
              "expressions": [
                {
                  "value": {
                    "name": "Zoë",
                    "roles": [
                      "admin"
                    ]
                  },
                  "text": "data.user"
                }
              ],
              "bindings": {
                "s": [
                  "a",
                  "b"
                ]
              }
            }
          ]
        }""");
  }

  @Test
  void eachRowIsOneElementOfResult() {
    QueryResult result = result(
        row(Map.of("x", NumberValue.of(1)), expr(BooleanValue.TRUE, "x = [1, 2][_]")),
        row(Map.of("x", NumberValue.of(2)), expr(BooleanValue.TRUE, "x = [1, 2][_]")));

    assertThat(EvalOutput.render(result))
        .contains("\"x\": 1").contains("\"x\": 2")
        .containsOnlyOnce("\"result\"")
        .contains("    },\n    {\n");
  }

  @Test
  void expressionTextIsEscaped() {
    QueryResult result = result(row(Map.of(), expr(BooleanValue.TRUE, "x == \"a\\tb\"")));

    assertThat(EvalOutput.render(result)).contains("\"text\": \"x == \\\"a\\\\tb\\\"\"");
  }

  private static QueryResult result(QueryResult.Row... rows) {
    return new QueryResult(List.of(rows));
  }

  private static QueryResult.Row row(Map<String, Value> bindings,
      QueryResult.ExpressionValue... expressions) {
    return new QueryResult.Row(List.of(expressions), bindings);
  }

  private static QueryResult.ExpressionValue expr(Value value, String text) {
    return new QueryResult.ExpressionValue(value, text);
  }
}
