package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Severity of a finding or incident, highest first. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  @JsonValue
  String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Maps the severity words scanners use (CRITICAL, High, moderate, negligible, none, ...) to a
   * severity; empty when the word is unknown, so callers keep {@code null} instead of guessing.
   */
  public static Optional<Severity> parse(String word) {
    if (word == null) {
      return Optional.empty();
    }
    return switch (word.trim().toLowerCase(Locale.ROOT)) {
      case "critical" -> Optional.of(CRITICAL);
      case "high", "important" -> Optional.of(HIGH);
      case "medium", "moderate" -> Optional.of(MEDIUM);
      case "low" -> Optional.of(LOW);
      case "info", "informational", "negligible", "none" -> Optional.of(INFO);
      default -> Optional.empty();
    };
  }
}
