package dev.ctpat.rego.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.api.PreparedPolicy;
import dev.ctpat.rego.api.Rego;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Rule indexes, comprehension indexes and per-query caches are optimizations only: with them and
 * without them, every generated input gives the same document.
 */
class OptimizationEquivalenceProperties {
  /** Exercises an indexed rule set, an indexed comprehension join and cached rules. */
  private static final String POLICY = """
      package opt

      kind := "admin" if input.user.role == "admin"
      kind := "ops" if input.user.role == "ops"
      kind := "dev" if input.user.role == "dev"
      kind := "guest" if input.user.role == "guest"
      kind := "unknown" if not input.user.role in {"admin", "ops", "dev", "guest"}

      allowed contains a if {
        some a in input.actions
        input.user.role == "admin"
      }

      allowed contains a if {
        some a in input.actions
        input.user.role == "ops"
        startswith(a, "read")
      }

      allowed contains a if {
        some a in input.actions
        input.user.role == "dev"
        a == "read:code"
      }

      allowed contains a if {
        some a in input.actions
        input.user.role == "guest"
        a == "read:docs"
      }

      allowed contains a if {
        some a in input.actions
        a == "read:docs"
      }

      teams := {t.id: [m.name | some m in input.members; m.team == t.id] | some t in input.teams}

      sizes := {id: count(ms) | some id, ms in teams}
      """;

  private static final PreparedPolicy OPTIMIZED = Rego.builder().module("o.rego", POLICY).build();
  private static final PreparedPolicy PLAIN = Rego.builder().module("o.rego", POLICY)
      .withoutOptimizations().build();

  @Provide
  Arbitrary<Value> inputs() {
    Arbitrary<Value> role = Arbitraries.of("admin", "ops", "dev", "guest", "auditor")
        .map(r -> (Value) StringValue.of(r));
    Arbitrary<Value> actions = Arbitraries.of("read:code", "read:docs", "write:code", "deploy")
        .map(a -> (Value) StringValue.of(a)).list().ofMaxSize(5).map(ArrayValue::of);
    Arbitrary<Value> teams = Arbitraries.integers().between(0, 4).list().ofMaxSize(4)
        .map(ids -> ArrayValue.of(ids.stream()
            .map(i -> (Value) ObjectValue.builder().put("id", NumberValue.of(i)).build())
            .distinct().toList()));
    Arbitrary<Value> members = Combinators.combine(
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4),
        Arbitraries.integers().between(0, 5))
        .as((n, t) -> (Value) ObjectValue.builder().put("name", StringValue.of(n))
            .put("team", NumberValue.of(t)).build())
        .list().ofMaxSize(8).map(ArrayValue::of);
    return Combinators.combine(role, actions, teams, members).as((r, a, t, m) ->
        ObjectValue.builder().put("user", ObjectValue.builder().put("role", r).build())
            .put("actions", a).put("teams", t).put("members", m).build());
  }

  @Property(tries = 500)
  void optimizationsChangeNoResult(@ForAll("inputs") Value input) {
    assertThat(OPTIMIZED.evaluate("data.opt", input))
        .isEqualTo(PLAIN.evaluate("data.opt", input));
  }

  @Property(tries = 200)
  void indexedRulesAnswerLikeAScanForEveryRole(@ForAll("inputs") Value input) {
    List<String> refs = List.of("data.opt.kind", "data.opt.allowed", "data.opt.sizes");
    for (String ref : refs) {
      assertThat(OPTIMIZED.evaluate(ref, input)).isEqualTo(PLAIN.evaluate(ref, input));
    }
  }
}
