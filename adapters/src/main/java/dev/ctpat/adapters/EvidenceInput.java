package dev.ctpat.adapters;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One evidence file, already decoded to text (byte-order marks removed, UTF-16 recognized).
 *
 * @param path path relative to the evidence directory, with forward slashes
 * @param text the decoded content
 * @param collectedOn the day the file is collected (the collector clock's UTC date): adapters
 *     count the age of a date that an export states without its own "now" (a signature date, a
 *     licence expiry) up to this day; {@code null} = unknown, and such ages stay unknown too
 */
public record EvidenceInput(String path, String text, LocalDate collectedOn) {

  public EvidenceInput {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }

  /** A file whose collection day is unknown. */
  public EvidenceInput(String path, String text) {
    this(path, text, null);
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
