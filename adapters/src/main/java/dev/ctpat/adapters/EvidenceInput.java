package dev.ctpat.adapters;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One evidence file, already decoded to text (byte-order marks removed, UTF-16 recognized).
 *
 * @param path path relative to the evidence directory, with forward slashes
 * @param text the decoded content
 */
public record EvidenceInput(String path, String text) {

  public EvidenceInput {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }

  /** The last path segment, lower-cased, for name-based detection. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  /** The lines of the text without their terminators; line {@code n} is at index {@code n - 1}. */
  public List<String> lines() {
    return text.lines().toList();
  }

  /** The first {@code max} characters, for cheap content sniffing. */
  public String head(int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
