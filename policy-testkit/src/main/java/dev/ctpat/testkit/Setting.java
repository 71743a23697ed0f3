package dev.ctpat.testkit;

/**
 * One setting of the evidence that a criterion judges, such as the minimum password length of
 * a password policy or the time of a system's last backup, with the two ways to change it:
 * {@link #strengthen} (a longer minimum length, a newer backup), which must never turn a pass
 * into a fail, and {@link #weaken} (below the threshold), which must always fail the criterion.
 * {@link CtpatSettings} lists the settings of the CTPAT pack; {@link Change} is the generated
 * value that applies one.
 *
 * <p>A setting lives in zero or more items of a document, its targets; {@code target} picks one
 * (modulo their number, so that any integer picks some target) and {@code step} says how far to
 * go (0 is the smallest change). Both methods return the document unchanged when it has no
 * target.
 */
public interface Setting {
  /** A short name, e.g. {@code "minimum password length"}. */
  String name();

  /** The criterion that judges the setting, e.g. {@code "4.8"}. */
  String criterion();

  /** How many items of the document carry the setting. */
  int targets(EvidenceDocument document);

  /** The document with one target's setting stronger by {@code step} (0 may change nothing). */
  EvidenceDocument strengthen(EvidenceDocument document, int target, int step);

  /**
   * The document with one target's setting just below the criterion's threshold
   * ({@code step} 0), or further below.
   */
  EvidenceDocument weaken(EvidenceDocument document, int target, int step);
}
