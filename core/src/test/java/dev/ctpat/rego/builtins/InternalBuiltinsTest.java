package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InternalBuiltinsTest {
  private final Family internal = new Family(new InternalBuiltins());

  @ParameterizedTest
  @ValueSource(strings = {"eq", "assign"})
  void unificationOfGroundValuesSucceedsOnlyForEqualValues(String name) throws Exception {
    assertThat(internal.call(name, json("{\"a\": [1.0]}"), json("{\"a\": [1]}")))
        .isEqualTo(BooleanValue.TRUE);
    assertThat(internal.call(name, NumberValue.of(1), StringValue.of("1"))).isNull();
  }

  @Test
  void printAndTestCaseSucceedWithoutEffect() throws Exception {
    assertThat(internal.call("internal.print", ArrayValue.of(SetValue.of(NumberValue.ONE))))
        .isEqualTo(BooleanValue.TRUE);
    assertThat(internal.call("internal.test_case", json("[\"case\", 1]")))
        .isEqualTo(BooleanValue.TRUE);
  }

  @Nested
  class TemplateString {
    private Value render(Value... parts) throws BuiltinException {
      return internal.call("internal.template_string", ArrayValue.of(parts));
    }

    @Test
    void joinsLiteralPartsAndTheValuesOfExpressionParts() throws Exception {
      assertThat(render(StringValue.of("user "), SetValue.of(StringValue.of("b\u00f6b")),
          StringValue.of(" has "), SetValue.of(json("[1, \"x\"]")), StringValue.of(" and "),
          SetValue.of(json("{\"k\": null}"))))
          .isEqualTo(StringValue.of("user b\u00f6b has [1, \"x\"] and {\"k\": null}"));
    }

    @Test
    void rendersScalarPartsAsRegoWritesThem() throws Exception {
      assertThat(render(NumberValue.of(42), StringValue.of(" "),
          NumberValue.of(new BigDecimal("0.50")), BooleanValue.FALSE, json("null")))
          .isEqualTo(StringValue.of("42 0.5falsenull"));
    }

    @Test
    void rendersUndefinedExpressions() throws Exception {
      assertThat(render(StringValue.of("x="), SetValue.EMPTY))
          .isEqualTo(StringValue.of("x=<undefined>"));
    }

    @Test
    void rendersNothingForNoParts() throws Exception {
      assertThat(render()).isEqualTo(StringValue.of(""));
    }

    @Test
    void refusesExpressionsWithSeveralValues() {
      BuiltinException e = internal.error("internal.template_string",
          ArrayValue.of(SetValue.of(NumberValue.ONE, NumberValue.of(2))));

      assertThat(e.code()).isEqualTo("eval_conflict_error");
      assertThat(e.getMessage()).isEqualTo("template-strings must not produce multiple outputs");
    }

    @Test
    void refusesCompositePartsOutsideSets() {
      BuiltinException e = internal.error("internal.template_string",
          ArrayValue.of(json("[1]")));

      assertThat(e.code()).isEqualTo("eval_internal_error");
      assertThat(e.getMessage()).isEqualTo("illegal argument type: array");
    }
  }
}
