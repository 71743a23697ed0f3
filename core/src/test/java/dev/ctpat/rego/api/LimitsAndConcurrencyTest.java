package dev.ctpat.rego.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Evaluation is bounded, and one prepared policy serves many threads. */
class LimitsAndConcurrencyTest {
  private static final String EXPLOSION = "package t\n"
      + "r := count([x | some a in numbers.range(1, 2000); some b in numbers.range(1, 2000);"
      + " x := a * b])\n";

  @Test
  void aCombinatorialExplosionHitsTheStepBudget() {
    PreparedPolicy p = Rego.builder().module("t.rego", EXPLOSION)
        .limits(EvalLimits.DEFAULT.withMaxSteps(100_000)).build();
    assertThatThrownBy(() -> p.evaluate("data.t.r", null))
        .isInstanceOf(RegoException.class)
        .satisfies(e -> assertThat(((RegoException) e).code()).isEqualTo("eval_limit_error"));
  }

  @Test
  void aLongEvaluationHitsTheDeadline() {
    PreparedPolicy p = Rego.builder().module("t.rego", EXPLOSION)
        .limits(EvalLimits.DEFAULT.withTimeout(Duration.ofMillis(50))
            .withMaxSteps(Long.MAX_VALUE).withMaxCollectionSize(Integer.MAX_VALUE))
        .build();
    long start = System.nanoTime();
    assertThatThrownBy(() -> p.evaluate("data.t.r", null))
        .isInstanceOf(RegoException.class)
        .satisfies(e -> assertThat(((RegoException) e).code()).isEqualTo("eval_cancel_error"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void hugeCollectionsHitTheSizeLimit() {
    PreparedPolicy p = Rego.builder().module("t.rego", EXPLOSION)
        .limits(EvalLimits.DEFAULT.withMaxCollectionSize(10_000)).build();
    assertThatThrownBy(() -> p.evaluate("data.t.r", null))
        .satisfies(e -> assertThat(((RegoException) e).code()).isEqualTo("eval_limit_error"));
  }

  @Test
  void twoThreadsEvaluatingOnePolicyAgree() throws Exception {
    PreparedPolicy p = Rego.builder().module("t.rego", "package t\n"
        + "by_id := {u.id: u | some u in input.users}\n"
        + "admins contains u.name if { some u in input.users; u.role == \"admin\" }\n"
        + "n := count(admins)\n").build();
    StringBuilder users = new StringBuilder("{\"users\":[");
    for (int i = 0; i < 2000; i++) {
      users.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"u")
          .append(i).append("\",\"role\":\"").append(i % 3 == 0 ? "admin" : "dev")
          .append("\"}");
    }
    Value input = Json.parse(users.append("]}").toString());
    Callable<List<Value>> task = () -> {
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        out.add(p.evaluate("data.t", input).orElseThrow());
      }
      return out;
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<Value>> a = pool.submit(task);
      Future<List<Value>> b = pool.submit(task);
      List<Value> ra = a.get();
      List<Value> rb = b.get();
      assertThat(ra).hasSize(20).allSatisfy(v -> assertThat(v).isEqualTo(ra.get(0)));
      assertThat(rb).isEqualTo(ra);
      assertThat(p.evaluate("data.t.n", input)).contains(Json.parse("667"));
    } finally {
      pool.shutdownNow();
    }
  }
}
