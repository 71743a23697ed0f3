package dev.ctpat.rego.api;

import dev.ctpat.rego.syntax.Location;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects which rule definitions produced at least one result while queries ran: the rule
 * coverage that {@code ctpat test --coverage} and the policy pack's build report. Thread-safe;
 * give one to {@link Rego.Builder#coverage} and read it after the queries.
 */
public final class CoverageRecorder {
  private final Set<Location> covered = ConcurrentHashMap.newKeySet();

  /** Records that the rule (or else branch, or function definition) at {@code rule} succeeded. */
  public void record(Location rule) {
    covered.add(rule);
  }

  /** The locations of every rule definition that succeeded at least once. */
  public Set<Location> covered() {
    return Set.copyOf(covered);
  }
}
