package dev.ctpat.rego.conformance;

import dev.ctpat.rego.api.EvalLimits;
import dev.ctpat.rego.api.PreparedPolicy;
import dev.ctpat.rego.api.QueryResult;
import dev.ctpat.rego.api.Rego;
import dev.ctpat.rego.api.RegoException;
import dev.ctpat.rego.syntax.RegoVersion;
import dev.ctpat.rego.value.Value;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs OPA-format conformance cases against this engine, the way OPA's harness runs them: the
 * modules are compiled as {@code test-0.rego}, {@code test-1.rego}, ...; the data, input and
 * strict-builtin-errors flag are applied; the query is evaluated; and the outcome is judged
 * against {@code want_result} or {@code want_error_code}/{@code want_error}.
 *
 * <p>A run never stops early: each case runs on its own thread with a deadline, so a case that
 * hangs fails with "timed out", and one that crashes the engine fails with the exception and
 * where it was thrown. A file that cannot be read counts as one failure.
 */
public final class ConformanceRunner {
  /** The deadline of one case unless configured. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Deeply recursive policies need more stack than a default thread has. */
  private static final long WORKER_STACK_BYTES = 64L << 20;

  private static final String INPUT_TERM_VAR = "input_term";

  private final RegoVersion version;
  private final Duration timeout;
  private final SkipList skips;

  /**
   * @param version the syntax the cases' modules are written in
   * @param timeout the deadline of each case, compile and evaluation together
   * @param skips the cases not to run
   */
  public ConformanceRunner(RegoVersion version, Duration timeout, SkipList skips) {
    this.version = Objects.requireNonNull(version, "version");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.skips = Objects.requireNonNull(skips, "skips");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive but was " + timeout);
    }
  }

  /**
   * Runs every case of the given files, in order.
   *
   * @param listener receives each result as soon as it is known
   */
  public ConformanceReport run(List<Path> files, Consumer<CaseResult> listener) {
    List<CaseResult> results = new ArrayList<>();
    Consumer<CaseResult> record = r -> {
      results.add(r);
      listener.accept(r);
    };
    for (Path file : files) {
      List<ConformanceCase> cases;
      try {
        cases = ConformanceCases.read(file);
      } catch (IOException | ConformanceFormatException e) {
        record.accept(new CaseResult(file.toString(), "", CaseResult.Status.FAILED,
            "cannot read the file: " + e.getMessage()));
        continue;
      }
      cases.forEach(c -> record.accept(run(c)));
    }
    return new ConformanceReport(results);
  }

  /** Runs one case, unless the skip list names it. */
  public CaseResult run(ConformanceCase c) {
    Optional<String> skipReason = skips.reasonFor(c.note());
    if (skipReason.isPresent()) {
      return CaseResult.skipped(c, skipReason.get());
    }
    FutureTask<CaseResult> task = new FutureTask<>(() -> evaluate(c));
    Thread worker = new Thread(null, task, "conformance-case", WORKER_STACK_BYTES);
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // The engine's own deadline should have stopped it; a daemon thread cannot block exit.
      worker.interrupt();
      return CaseResult.failed(c, "timed out after " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return CaseResult.failed(c, "engine crashed: " + describe(e.getCause()));
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      return CaseResult.failed(c, "interrupted");
    }
  }

  private CaseResult evaluate(ConformanceCase c) {
    Value input = c.input();
    if (c.inputTerm() != null) {
      try {
        Optional<Value> term = evaluateTerm(c.inputTerm());
        if (term.isEmpty()) {
          return CaseResult.failed(c, "input_term is undefined");
        }
        input = term.get();
      } catch (RegoException e) {
        return CaseResult.failed(c, "invalid input_term: " + e.getMessage().replace('\n', ' '));
      }
    }
    Optional<String> failure;
    try {
      QueryResult result = compile(c).query(c.query(), input);
      failure = Expectations.check(c, result);
    } catch (RegoException e) {
      failure = Expectations.check(c, e);
    }
    return failure.map(reason -> CaseResult.failed(c, reason))
        .orElseGet(() -> CaseResult.passed(c));
  }

  private PreparedPolicy compile(ConformanceCase c) {
    Rego.Builder builder = Rego.builder()
        .regoVersion(version)
        .strictBuiltinErrors(c.strictError())
        .limits(EvalLimits.DEFAULT.withTimeout(timeout))
        .data(c.data());
    for (int i = 0; i < c.modules().size(); i++) {
      builder.module("test-" + i + ".rego", c.modules().get(i));
    }
    return builder.build();
  }

  /**
   * The value of an {@code input_term}: Rego term text (it may hold sets, which YAML cannot),
   * evaluated by a query against an empty policy.
   */
  private Optional<Value> evaluateTerm(String term) {
    QueryResult result = Rego.builder().regoVersion(version).build()
        .query(INPUT_TERM_VAR + " := " + term, null);
    return result.rows().stream().findFirst().map(row -> row.bindings().get(INPUT_TERM_VAR));
  }

  /** The exception and the frame that threw it: enough to find an engine bug. */
  private static String describe(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return trace.length == 0 ? t.toString() : t + " at " + trace[0];
  }
}
