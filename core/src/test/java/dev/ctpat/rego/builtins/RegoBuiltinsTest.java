package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Context;
import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegoBuiltinsTest {
  private final Family rego = new Family(new RegoBuiltins());

  private ObjectValue parse(RegoVersion version, String text) throws BuiltinException {
    return (ObjectValue) rego.call(new Context(BuiltinTestSupport.DEFAULT_NOW, version),
        "rego.parse_module", str("x.rego"), str(text));
  }

  private ObjectValue parse(String text) throws BuiltinException {
    return parse(RegoVersion.V1, text);
  }

  /** The only rule of a module, as rego.parse_module renders it. */
  private ObjectValue onlyRule(String text) throws BuiltinException {
    List<Value> rules = ((ArrayValue) parse(text).get("rules")).elements();
    assertThat(rules).hasSize(1);
    return (ObjectValue) rules.get(0);
  }

  private static Value ref(String... names) {
    StringBuilder sb = new StringBuilder("[{\"type\": \"var\", \"value\": \"" + names[0] + "\"}");
    for (int i = 1; i < names.length; i++) {
      sb.append(", {\"type\": \"string\", \"value\": \"").append(names[i]).append("\"}");
    }
    return json(sb.append(']').toString());
  }

  private static Value term(String type, String valueJson) {
    return json("{\"type\": \"" + type + "\", \"value\": " + valueJson + "}");
  }

  @Test
  void rendersPackageAndImportsAsRefs() throws Exception {
    ObjectValue module = parse("package a.b\nimport data.c.d as e\nimport input.f\n");

    assertThat(module.get("package")).isEqualTo(ObjectValue.of(StringValue.of("path"),
        ref("data", "a", "b")));
    assertThat(module.get("imports")).isEqualTo(ArrayValue.of(
        ObjectValue.of(StringValue.of("path"), term("ref", Json.write(ref("data", "c", "d"))),
            StringValue.of("alias"), StringValue.of("e")),
        ObjectValue.of(StringValue.of("path"), term("ref", Json.write(ref("input", "f"))))));
    assertThat(module.get("rules")).isNull();
  }

  @Test
  void rendersACompleteRuleWithItsHeadAndBody() throws Exception {
    ObjectValue rule = onlyRule("package p\nallow := \"yes\" if input.user == \"b\u00f6b\"");

    assertThat(rule.get("head")).isEqualTo(ObjectValue.of(
        StringValue.of("name"), StringValue.of("allow"),
        StringValue.of("ref"), ref("allow"),
        StringValue.of("value"), term("string", "\"yes\""),
        StringValue.of("assign"), json("true")));
    assertThat(rule.get("body")).isEqualTo(json("[{\"index\": 0, \"terms\": ["
        + Json.write(term("ref", Json.write(ref("equal")))) + ", "
        + Json.write(term("ref", Json.write(ref("input", "user")))) + ", "
        + Json.write(term("string", "\"b\u00f6b\"")) + "]}]"));
  }

  @Test
  void givesRulesWithoutBodyOrValueTheValueAndBodyTrue() throws Exception {
    ObjectValue rule = onlyRule("package p\ndefault ok := false\n");
    ObjectValue implicit = onlyRule("package p\nok if input.x\n");

    assertThat(rule.get("default")).isEqualTo(json("true"));
    assertThat(rule.get("body"))
        .isEqualTo(json("[{\"index\": 0, \"terms\": {\"type\": \"boolean\", \"value\": true}}]"));
    assertThat(((ObjectValue) implicit.get("head")).get("value"))
        .isEqualTo(term("boolean", "true"));
  }

  @Test
  void rendersMultiValueRulesWithAKeyAndRefHeadsWithoutAName() throws Exception {
    ObjectValue set = (ObjectValue) onlyRule("package p\ns contains 1 if true").get("head");
    ObjectValue refHead = (ObjectValue) onlyRule("package p\na.b[k] := 1 if k := \"x\"")
        .get("head");

    assertThat(set.get("key")).isEqualTo(term("number", "1"));
    assertThat(set.get("value")).isNull();
    assertThat(refHead.get("name")).isNull();
    assertThat(refHead.get("ref")).isEqualTo(json("[{\"type\": \"var\", \"value\": \"a\"},"
        + " {\"type\": \"string\", \"value\": \"b\"}, {\"type\": \"var\", \"value\": \"k\"}]"));
  }

  @Test
  void rendersFunctionsWithTheirArgsAndElse() throws Exception {
    ObjectValue rule = onlyRule("package p\nf(x) := 1 if x > 0\nelse := 2\n");

    assertThat(((ObjectValue) rule.get("head")).get("args"))
        .isEqualTo(json("[" + Json.write(term("var", "\"x\"")) + "]"));
    ObjectValue elseRule = (ObjectValue) rule.get("else");
    assertThat(((ObjectValue) elseRule.get("head")).get("value")).isEqualTo(term("number", "2"));
  }

  @Test
  void rendersNegationWithModifiersAndDeclarations() throws Exception {
    List<Value> body = ((ArrayValue) onlyRule("package p\nr if {\n"
        + "  some k, v in input.m\n"
        + "  not q with input as {}\n"
        + "  every x in [1] { x > 0 }\n"
        + "}").get("body")).elements();

    ObjectValue someIn = (ObjectValue) ((ObjectValue) body.get(0)).get("terms");
    assertThat(someIn.get("symbols")).isEqualTo(json("[{\"type\": \"call\", \"value\": ["
        + Json.write(term("ref", Json.write(ref("internal", "member_3")))) + ", "
        + Json.write(term("var", "\"k\"")) + ", " + Json.write(term("var", "\"v\"")) + ", "
        + Json.write(term("ref", Json.write(ref("input", "m")))) + "]}]"));
    ObjectValue negated = (ObjectValue) body.get(1);
    assertThat(negated.get("index")).isEqualTo(json("1"));
    assertThat(negated.get("negated")).isEqualTo(json("true"));
    assertThat(negated.get("with")).isEqualTo(json("[{\"target\": "
        + Json.write(term("ref", Json.write(ref("input")))) + ", \"value\": "
        + Json.write(term("object", "[]")) + "}]"));
    ObjectValue every = (ObjectValue) ((ObjectValue) body.get(2)).get("terms");
    assertThat(every.get("key")).isEqualTo(json("null"));
    assertThat(every.get("domain")).isEqualTo(term("array", "[" + Json.write(
        term("number", "1")) + "]"));
  }

  @Test
  void numbersWildcardsInOrderOfAppearance() throws Exception {
    ObjectValue rule = onlyRule("package p\nr if { input.a[_] == [_, {\"k\": _}] }");

    assertThat(Json.write(rule)).contains("\"$0\"", "\"$1\"", "\"$2\"").doesNotContain("\"_\"");
    assertThat(Json.write(rule).indexOf("\"$0\"")).isLessThan(Json.write(rule).indexOf("\"$1\""));
  }

  @Test
  void rendersComprehensionsAndCalls() throws Exception {
    ObjectValue rule = onlyRule(
        "package p\nr := {k: count(v) | some k, v in input} if true");

    ObjectValue value = (ObjectValue) ((ObjectValue) rule.get("head")).get("value");
    assertThat(value.get("type")).isEqualTo(StringValue.of("objectcomprehension"));
    ObjectValue comprehension = (ObjectValue) value.get("value");
    assertThat(comprehension.get("value")).isEqualTo(term("call", "["
        + Json.write(term("ref", Json.write(ref("count")))) + ", "
        + Json.write(term("var", "\"v\"")) + "]"));
    assertThat(comprehension.get("body")).isInstanceOf(ArrayValue.class);
  }

  @Test
  void rendersMetadataAnnotations() throws Exception {
    ObjectValue module = parse("package p\n# METADATA\n# title: Allow\n# custom:\n#   n: 1\n"
        + "allow := true\n");

    Value expected = json("[{\"scope\": \"rule\", \"title\": \"Allow\", \"custom\": {\"n\": 1}}]");
    assertThat(module.get("annotations")).isEqualTo(expected);
    assertThat(((ObjectValue) ((ArrayValue) module.get("rules")).get(0)).get("annotations"))
        .isEqualTo(expected);
  }

  @Test
  void parsesInTheRegoVersionOfTheEvaluation() throws Exception {
    String v0 = "package a\np { input.x = 1 }\nq[x] { x := 1 }\n";

    ObjectValue module = parse(RegoVersion.V0, v0);

    ObjectValue q = (ObjectValue) ((ArrayValue) module.get("rules")).get(1);
    assertThat(((ObjectValue) q.get("head")).get("key")).isEqualTo(term("var", "\"x\""));
    BuiltinException e = catchThrowableOfType(BuiltinException.class, () -> parse(v0));
    assertThat(e.getMessage()).contains("rego_parse_error");
  }

  @Test
  void failsWithOpasRenderingOfParseErrors() {
    BuiltinException e = catchThrowableOfType(BuiltinException.class,
        () -> parse("package foo."));

    assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    assertThat(e.getMessage()).startsWith("1 error occurred: x.rego:1: rego_parse_error: "
        + "unexpected eof token").endsWith("\n\tpackage foo.\n\t            ^");
  }

  @Test
  void pointsTheCaretPastLeadingTabs() {
    BuiltinException e = catchThrowableOfType(BuiltinException.class,
        () -> parse("package p\n\t\tx := := 1\n"));

    assertThat(e.getMessage()).contains("x.rego:2: rego_parse_error: ")
        .endsWith("\n\tx := := 1\n\t     ^");
  }
}
