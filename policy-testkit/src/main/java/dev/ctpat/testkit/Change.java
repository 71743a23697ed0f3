package dev.ctpat.testkit;

import java.util.Objects;

/**
 * A generated change of one {@link Setting}: which setting, in which direction, on which target
 * and how far. Applying it to a document is deterministic, so that jqwik can shrink the document
 * and the change independently; {@link #toString()} says what the change does.
 *
 * @param setting the setting changed
 * @param direction stronger or weaker
 * @param target which of the setting's targets (taken modulo their number)
 * @param step how far (0 is the smallest change)
 */
public record Change(Setting setting, Direction direction, int target, int step) {
  /** Which way a change goes. */
  public enum Direction {
    /** Stronger: must never turn a pass into a fail. */
    STRENGTHEN,
    /** Below the threshold: must always fail the criterion. */
    WEAKEN
  }

  public Change {
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(direction, "direction");
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0 but was " + step);
    }
  }

  /** The criterion the changed setting belongs to. */
  public String criterion() {
    return setting.criterion();
  }

  /** True when the document has something for this change to act on. */
  public boolean appliesTo(EvidenceDocument document) {
    return setting.targets(document) > 0;
  }

  /** The changed document; the same document when it has no target. */
  public EvidenceDocument apply(EvidenceDocument document) {
    return direction == Direction.STRENGTHEN
        ? setting.strengthen(document, target, step)
        : setting.weaken(document, target, step);
  }

  @Override
  public String toString() {
    return (direction == Direction.STRENGTHEN ? "strengthen " : "weaken ") + setting.name()
        + " (" + setting.criterion() + "), target " + target + ", step " + step;
  }
}
