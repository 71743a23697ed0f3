package dev.ctpat.rego.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conformance cases that are skipped on purpose, each with the reason. The text format has one
 * entry per line: a note prefix, then optionally {@code #} and the reason.
 *
 * <pre>
 * # Cases that need network access.
 * http.send/   # no network in the engine's default capabilities
 * net.lookup_ip_addr
 * </pre>
 *
 * <p>A case is skipped when its note starts with one of the prefixes. Blank lines and lines
 * starting with {@code #} are ignored. The first {@code " #"} of a line starts its reason, so a
 * prefix cannot contain {@code " #"}.
 */
public final class SkipList {
  /** Skips nothing. */
  public static final SkipList NONE = new SkipList(List.of());

  private static final String DEFAULT_REASON = "listed in the skip file";

  private final List<Entry> entries;

  private SkipList(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Reads a skip file (UTF-8). */
  public static SkipList read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses the text of a skip file. */
  public static SkipList parse(String text) {
    List<Entry> entries = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int hash = trimmed.indexOf(" #");
      String prefix = hash < 0 ? trimmed : trimmed.substring(0, hash).strip();
      String reason = hash < 0 ? "" : trimmed.substring(hash + 2).strip();
      entries.add(new Entry(prefix, reason.isEmpty() ? DEFAULT_REASON : reason));
    }
    return new SkipList(entries);
  }

  /** The reason the case with this note is skipped, or empty if it runs. */
  public Optional<String> reasonFor(String note) {
    return entries.stream()
        .filter(e -> note.startsWith(e.notePrefix()))
        .map(Entry::reason)
        .findFirst();
  }

  private record Entry(String notePrefix, String reason) {}
}
