package dev.ctpat.rego.tester;

import dev.ctpat.rego.syntax.Location;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Rule coverage of a test run: how many rule bodies of the policy (not of its tests) produced a
 * result at least once. Each definition, else branch and function definition counts once;
 * default rules, which have no body, do not count.
 *
 * @param covered how many rule bodies succeeded
 * @param total how many rule bodies the policy has
 * @param uncovered where the bodies that never succeeded are, in file and line order
 */
public record RuleCoverage(int covered, int total, List<Location> uncovered) {
  public RuleCoverage {
    uncovered = List.copyOf(uncovered);
  }

  /** The share of covered rule bodies in percent (100 for a policy without rules). */
  public double percent() {
    return total == 0 ? 100.0 : 100.0 * covered / total;
  }

  /** Coverage of {@code modules}' non-test rules given the locations that succeeded. */
  public static RuleCoverage of(List<Module> modules, Set<Location> succeeded) {
    List<Location> bodies = new ArrayList<>();
    for (Module m : modules) {
      if (m.file().endsWith("_test.rego")) {
        continue;
      }
      for (Rule r : m.rules()) {
        String name = r.head().head() instanceof dev.ctpat.rego.syntax.Term.Var v ? v.name() : "";
        if (name.startsWith("test_") || name.startsWith("todo_test_")) {
          continue;
        }
        for (Rule branch = r; branch != null; branch = branch.elseRule()) {
          if (!branch.isDefault()) {
            bodies.add(branch.location());
          }
        }
      }
    }
    List<Location> uncovered = new ArrayList<>();
    for (Location l : bodies) {
      if (!succeeded.contains(l)) {
        uncovered.add(l);
      }
    }
    uncovered.sort(Comparator.comparing(Location::file).thenComparingInt(Location::line));
    return new RuleCoverage(bodies.size() - uncovered.size(), bodies.size(), uncovered);
  }

  /** {@code coverage: 93.5% of rule bodies (288/308)}. */
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "coverage: %.1f%% of rule bodies (%d/%d)",
        percent(), covered, total);
  }
}
