package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * Where an evidence item came from, so that each finding can point at its evidence.
 *
 * @param file evidence file relative to the evidence directory, with forward slashes
 * @param line 1-based line of the item in that file, or {@code null} when unknown
 * @param adapter name of the adapter that produced the item, e.g. {@code "windows-secedit"}
 * @param collectedAt when the evidence was collected, only when it differs from the file's
 */
public record Source(
    String file,
    Integer line,
    String adapter,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant collectedAt) {

  public Source {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(adapter, "adapter");
    if (line != null && line < 1) {
      throw new IllegalArgumentException("line must be >= 1 but was " + line);
    }
  }

  /** A source at {@code line} (may be {@code null}) of {@code file}. */
  public static Source of(String file, Integer line, String adapter) {
    return new Source(file, line, adapter, null);
  }
}
