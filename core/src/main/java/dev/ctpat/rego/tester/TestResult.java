package dev.ctpat.rego.tester;

import dev.ctpat.rego.api.RegoError;
import dev.ctpat.rego.syntax.Location;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one Rego test rule.
 *
 * @param packagePath the test's package, such as {@code data.authz_test}
 * @param name the rule's name within the package, such as {@code test_post_allowed}; repeated
 *     definitions of one test are numbered {@code test_x#01}, {@code test_x#02}, ... as OPA
 *     numbers them
 * @param location where the rule is defined
 * @param outcome whether it passed
 * @param duration how long evaluation took
 * @param errors why evaluation failed, for {@link Outcome#ERROR}; otherwise empty
 * @param output what the test printed with {@code print}
 * @param subResults for a test rule with a key ({@code test_x[name] if ...}), the outcome of
 *     each key, in key order; otherwise empty
 */
public record TestResult(
    String packagePath,
    String name,
    Location location,
    Outcome outcome,
    Duration duration,
    List<RegoError> errors,
    String output,
    List<SubResult> subResults) {

  public TestResult {
    Objects.requireNonNull(packagePath, "packagePath");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(duration, "duration");
    errors = List.copyOf(errors);
    Objects.requireNonNull(output, "output");
    subResults = List.copyOf(subResults);
  }

  /** The full name, such as {@code data.authz_test.test_post_allowed}. */
  public String fullName() {
    return packagePath + "." + name;
  }

  public boolean passed() {
    return outcome == Outcome.PASS;
  }

  /** How a test ended. */
  public enum Outcome {
    /** The rule's value is {@code true} (for keyed tests: every key's value is). */
    PASS,
    /** The rule is undefined or has a value other than {@code true}. */
    FAIL,
    /** Evaluation failed. */
    ERROR,
    /** The rule's name starts with {@code todo_test_}. */
    SKIPPED
  }

  /**
   * The outcome of one key of a keyed test; nested objects give nested sub-results.
   *
   * @param name the key
   * @param failed whether this key (or any key below it) failed
   * @param children the sub-results of a nested object, in key order
   */
  public record SubResult(String name, boolean failed, List<SubResult> children) {
    public SubResult {
      Objects.requireNonNull(name, "name");
      children = List.copyOf(children);
    }
  }
}
