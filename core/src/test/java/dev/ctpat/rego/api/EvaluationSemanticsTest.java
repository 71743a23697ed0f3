package dev.ctpat.rego.api;

import static dev.ctpat.rego.api.RegoTestSupport.json;
import static dev.ctpat.rego.api.RegoTestSupport.policy;
import static dev.ctpat.rego.api.RegoTestSupport.policyV0;
import static dev.ctpat.rego.api.RegoTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluator's core semantics, each as OPA documents it. */
class EvaluationSemanticsTest {

  @Test
  void completeRuleWithoutValueIsTrue() {
    PreparedPolicy p = policy("package t\nallow if input.user == \"alice\"\n");
    assertThat(value(p, "data.t.allow", "{\"user\":\"alice\"}")).contains(json("true"));
    assertThat(value(p, "data.t.allow", "{\"user\":\"bob\"}")).isEmpty();
  }

  @Test
  void defaultRuleAppliesWhenOthersAreUndefined() {
    PreparedPolicy p = policy("package t\ndefault allow := false\nallow if input.ok\n");
    assertThat(value(p, "data.t.allow", "{}")).contains(json("false"));
    assertThat(value(p, "data.t.allow", "{\"ok\":true}")).contains(json("true"));
  }

  @Test
  void partialSetCollectsEveryMember() {
    PreparedPolicy p = policy("package t\nnames contains n if some n in input.xs\n");
    assertThat(value(p, "data.t.names", "{\"xs\":[\"b\",\"a\",\"b\"]}"))
        .contains(SetValue.of(StringValue.of("a"), StringValue.of("b")));
  }

  @Test
  void partialSetWithNoMembersIsTheEmptySet() {
    PreparedPolicy p = policy("package t\nnames contains n if some n in input.xs\n");
    assertThat(value(p, "data.t.names", "{}")).contains(SetValue.EMPTY);
  }

  @Test
  void refHeadsBuildNestedObjects() {
    PreparedPolicy p = policy("package t\np[q].r := i if some i, q in [\"a\", \"b\"]\n"
        + "p.c.r := 9\n");
    assertThat(value(p, "data.t.p"))
        .contains(json("{\"a\":{\"r\":0},\"b\":{\"r\":1},\"c\":{\"r\":9}}"));
    assertThat(value(p, "data.t.p.b.r")).contains(json("1"));
  }

  @Test
  void v0PartialObjectAndSetForms() {
    PreparedPolicy p = policyV0("package t\nobj[k] = v { v := input[k] }\nset[x] { x := input[_] }\n");
    assertThat(value(p, "data.t.obj", "{\"a\":1,\"b\":2}")).contains(json("{\"a\":1,\"b\":2}"));
    assertThat(value(p, "data.t.set", "{\"a\":1,\"b\":1}"))
        .contains(SetValue.of(NumberValue.of(1)));
  }

  @Test
  void functionsWithElseAndSeveralDefinitions() {
    PreparedPolicy p = policy("package t\n"
        + "sign(x) := \"neg\" if x < 0\n"
        + "else := \"zero\" if x == 0\n"
        + "else := \"pos\"\n"
        + "double(x) := y if y := x * 2\n"
        + "r := [sign(-3), sign(0), sign(5), double(21)]\n");
    assertThat(value(p, "data.t.r")).contains(json("[\"neg\",\"zero\",\"pos\",42]"));
  }

  @Test
  void functionConflictIsAnError() {
    PreparedPolicy p = policy("package t\nf(x) := 1 if x > 0\nf(x) := 2 if x > 1\nr := f(5)\n");
    assertThatThrownBy(() -> value(p, "data.t.r"))
        .isInstanceOf(RegoException.class)
        .satisfies(e -> assertThat(((RegoException) e).code()).isEqualTo("eval_conflict_error"))
        .hasMessageContaining("functions must not produce multiple outputs for same inputs");
  }

  @Test
  void completeRuleConflictIsAnError() {
    PreparedPolicy p = policy("package t\np := x if some x in [1, 2]\n");
    assertThatThrownBy(() -> value(p, "data.t.p"))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("eval_conflict_error")
        .hasMessageContaining("complete rules must not produce multiple outputs");
  }

  @Test
  void objectKeyConflictInRefHeadsIsAnError() {
    PreparedPolicy p = policy("package t\np[k] := v if some k, v in {\"a\": 1}\np.a := 2\n");
    assertThatThrownBy(() -> value(p, "data.t.p"))
        .hasMessageContaining("eval_conflict_error");
  }

  @Test
  void negationSucceedsWhenTheExpressionIsUndefined() {
    PreparedPolicy p = policy("package t\ndeny if not input.admin\n");
    assertThat(value(p, "data.t.deny", "{}")).contains(json("true"));
    assertThat(value(p, "data.t.deny", "{\"admin\":true}")).isEmpty();
  }

  @Test
  void everyRequiresAllMembers() {
    PreparedPolicy p = policy("package t\nall_pos if every x in input.xs { x > 0 }\n");
    assertThat(value(p, "data.t.all_pos", "{\"xs\":[1,2]}")).contains(json("true"));
    assertThat(value(p, "data.t.all_pos", "{\"xs\":[1,-2]}")).isEmpty();
    assertThat(value(p, "data.t.all_pos", "{\"xs\":[]}")).contains(json("true"));
  }

  @Test
  void comprehensionsOfAllKinds() {
    PreparedPolicy p = policy("package t\n"
        + "a := [x * 2 | some x in input.xs]\n"
        + "s := {x | some x in input.xs; x > 1}\n"
        + "o := {k: v | some k, v in input.m}\n");
    String in = "{\"xs\":[1,2,3],\"m\":{\"a\":1}}";
    assertThat(value(p, "data.t.a", in)).contains(json("[2,4,6]"));
    assertThat(value(p, "data.t.s", in))
        .contains(SetValue.of(NumberValue.of(2), NumberValue.of(3)));
    assertThat(value(p, "data.t.o", in)).contains(json("{\"a\":1}"));
  }

  @Test
  void withReplacesInputDataAndFunctions() {
    PreparedPolicy p = policy("package t\n"
        + "is_admin if input.role == \"admin\"\n"
        + "limit := data.config.limit\n"
        + "n := count(input.xs)\n"
        + "mock(_) := 99\n"
        + "a if { is_admin with input as {\"role\": \"admin\"} }\n"
        + "b := x if { x := limit with data.config.limit as 7 }\n"
        + "c := x if { x := n with count as mock with input.xs as [1] }\n");
    assertThat(value(p, "data.t.a")).contains(json("true"));
    assertThat(value(p, "data.t.b")).contains(json("7"));
    assertThat(value(p, "data.t.c")).contains(json("99"));
  }

  @Test
  void unificationDestructuresArraysAndObjects() {
    PreparedPolicy p = policy("package t\nr := [a, b] if {\n  [a, {\"k\": b}] = [1, {\"k\": 2}]\n}\n");
    assertThat(value(p, "data.t.r")).contains(json("[1,2]"));
  }

  @Test
  void numbersCompareExactly() {
    PreparedPolicy p = policy("package t\n"
        + "big := 123456789012345678901234567890 + 1\n"
        + "eq if 1 == 1.0\n"
        + "frac := 0.1 + 0.2\n");
    assertThat(value(p, "data.t.big")).contains(json("123456789012345678901234567891"));
    assertThat(value(p, "data.t.eq")).contains(json("true"));
    assertThat(value(p, "data.t.frac")).contains(json("0.3"));
  }

  @Test
  void valuesOrderAcrossTypesAsOpaDoes() {
    PreparedPolicy p = policy("package t\n"
        + "r := sort([{1}, {\"a\": 1}, [1], \"s\", 1, true, null])\n");
    assertThat(value(p, "data.t.r").map(Json::write))
        .contains("[null,true,1,\"s\",[1],{\"a\":1},[1]]");
  }

  @Test
  void builtinErrorsAreUndefinedUnlessStrict() {
    String src = "package t\nr := x if x := 1 / 0\n";
    assertThat(value(policy(src), "data.t.r")).isEmpty();
    PreparedPolicy strict = Rego.builder().module("t.rego", src).strictBuiltinErrors(true)
        .build();
    assertThatThrownBy(() -> strict.evaluate("data.t.r", null))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("eval_builtin_error")
        .hasMessageContaining("div: divide by zero");
  }

  @Test
  void wholePackageIsAnObjectOfItsRules() {
    PreparedPolicy p = policy("package t\na := 1\nb if false\nf(x) := x\n");
    assertThat(value(p, "data.t")).contains(json("{\"a\":1}"));
  }

  @Test
  void baseDataAndRulesMergeUnderData() {
    PreparedPolicy p = Rego.builder().module("t.rego", "package t.rules\nx := data.t.base.y\n")
        .data(json("{\"t\":{\"base\":{\"y\":5}}}")).build();
    assertThat(p.evaluate("data.t", null)).contains(json("{\"base\":{\"y\":5},\"rules\":{\"x\":5}}"));
  }

  @Test
  void importsResolveAliases() {
    PreparedPolicy p = Rego.builder()
        .module("lib.rego", "package lib\ndouble(x) := x * 2\nlimit := 3\n")
        .module("main.rego", "package main\nimport data.lib\nimport input.user as u\n"
            + "r := [lib.double(lib.limit), u]\n")
        .build();
    assertThat(p.evaluate("data.main.r", json("{\"user\":\"z\"}"))).contains(json("[6,\"z\"]"));
  }

  @Test
  void queryReportsBindingsForEverySolution() {
    PreparedPolicy p = policy("package t\nxs := [1, 2, 3]\n");
    QueryResult r = p.query("some i; x := data.t.xs[i]; x > 1", null);
    assertThat(r.rows()).hasSize(2);
    assertThat(r.rows().get(0).bindings()).containsEntry("x", json("2"));
  }

  @Test
  void printGoesToTheSink() {
    List<String> lines = new ArrayList<>();
    PreparedPolicy p = Rego.builder()
        .module("t.rego", "package t\nr if { print(\"hello\", input.missing, 1) }\n")
        .printSink((loc, msg) -> lines.add(loc.line() + ":" + msg))
        .build();
    p.evaluate("data.t.r", json("{}"));
    assertThat(lines).containsExactly("2:hello <undefined> 1");
  }

  @Test
  void clockIsInjectable() {
    java.time.Clock fixed = java.time.Clock.fixed(java.time.Instant.parse("2026-01-02T03:04:05Z"),
        java.time.ZoneOffset.UTC);
    PreparedPolicy p = Rego.builder().module("t.rego", "package t\nnow := time.now_ns()\n")
        .clock(fixed).build();
    assertThat(p.evaluate("data.t.now", null))
        .contains(NumberValue.of(fixed.instant().getEpochSecond() * 1_000_000_000L));
  }

  @Test
  void customBuiltinsRegisterFromJava() {
    dev.ctpat.rego.builtins.Builtin shout = dev.ctpat.rego.builtins.Builtin.function("custom",
        "acme.shout", dev.ctpat.rego.types.Types.fn(dev.ctpat.rego.types.Types.STRING,
            dev.ctpat.rego.types.Types.STRING),
        (ctx, args) -> StringValue.of(((StringValue) args.get(0)).value().toUpperCase() + "!"));
    PreparedPolicy p = Rego.builder().module("t.rego", "package t\nr := acme.shout(\"hi\")\n")
        .builtin(shout).build();
    assertThat(p.evaluate("data.t.r", null)).contains(json("\"HI!\""));
  }
}
