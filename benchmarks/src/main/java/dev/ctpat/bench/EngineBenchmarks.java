package dev.ctpat.bench;

import dev.ctpat.rego.api.PreparedPolicy;
import dev.ctpat.rego.api.Rego;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's three reference workloads: compiling a 50-module policy set, answering a small
 * RBAC decision, and a keyed join over a 10,000-element input. Figures go to
 * docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmarks {
  private static final String RBAC = """
      package rbac

      default allow := false

      allow if {
        some role in user_roles
        some grant in data.role_grants[role]
        grant.action == input.action
        grant.type == input.type
      }

      user_roles contains role if {
        some role in data.user_roles[input.user]
      }
      """;

  private static final String JOIN = """
      package join

      people_by_id := {p.id: p | some p in input.people}

      orphans contains a.id if {
        some a in input.accounts
        not people_by_id[a.person_id]
      }

      separated_enabled contains a.id if {
        some a in input.accounts
        a.enabled
        people_by_id[a.person_id].status == "separated"
      }

      result := {"orphans": count(orphans), "separated_enabled": count(separated_enabled)}
      """;

  private String[] modules;
  private PreparedPolicy rbac;
  private Value rbacInput;
  private PreparedPolicy join;
  private Value joinInput;

  @Setup
  public void setUp() {
    modules = new String[50];
    for (int i = 0; i < modules.length; i++) {
      modules[i] = generatedModule(i);
    }
    rbac = Rego.builder().module("rbac.rego", RBAC).data(Json.parse("""
        {"user_roles": {"alice": ["admin"], "bob": ["employee", "billing"]},
         "role_grants": {
           "admin": [{"action": "read", "type": "finance"}, {"action": "write", "type": "finance"}],
           "billing": [{"action": "read", "type": "finance"}],
           "employee": [{"action": "read", "type": "handbook"}]}}
        """)).build();
    rbacInput = Json.parse("{\"user\": \"bob\", \"action\": \"read\", \"type\": \"finance\"}");
    join = Rego.builder().module("join.rego", JOIN).build();
    joinInput = Json.parse(joinInput(10_000));
  }

  private static String generatedModule(int i) {
    StringBuilder sb = new StringBuilder("package gen.m" + i + "\n\nimport data.gen.m"
        + ((i + 1) % 50) + " as next\n\n");
    sb.append("default allow := false\n\n");
    for (int r = 0; r < 10; r++) {
      sb.append("deny contains msg if {\n  some item in input.items\n  item.kind == \"k")
          .append(r).append("\"\n  item.size > ").append(r * 10)
          .append("\n  msg := sprintf(\"item %v too large\", [item.name])\n}\n\n");
    }
    sb.append("allow if {\n  count(deny) == 0\n  input.user.role in {\"admin\", \"ops\"}\n}\n\n");
    sb.append("limits := {\"max\": ").append(i).append(", \"names\": [n | some n in input.names]}\n");
    return sb.toString();
  }

  private static String joinInput(int n) {
    StringBuilder sb = new StringBuilder("{\"people\": [");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"id\": \"p").append(i)
          .append("\", \"status\": \"").append(i % 10 == 0 ? "separated" : "active").append("\"}");
    }
    sb.append("], \"accounts\": [");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"id\": \"a").append(i)
          .append("\", \"person_id\": \"p").append(i % 7 == 0 ? i + n : i)
          .append("\", \"enabled\": ").append(i % 2 == 0).append("}");
    }
    return sb.append("]}").toString();
  }

  @Benchmark
  public PreparedPolicy parseAndCompile50Modules() {
    Rego.Builder b = Rego.builder();
    for (int i = 0; i < modules.length; i++) {
      b.module("m" + i + ".rego", modules[i]);
    }
    return b.build();
  }

  @Benchmark
  public Object rbacDecision() {
    return rbac.evaluate("data.rbac.allow", rbacInput);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object keyedJoinOver10kElements() {
    return join.evaluate("data.join.result", joinInput);
  }
}
