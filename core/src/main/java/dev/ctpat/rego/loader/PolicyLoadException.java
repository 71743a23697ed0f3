package dev.ctpat.rego.loader;

import dev.ctpat.rego.syntax.Location;
import java.util.List;

/**
 * Policy or data files that could not be loaded: unreadable files, Rego that does not parse,
 * JSON or YAML syntax errors, data documents that conflict. Carries every problem found, so one
 * run reports all of them.
 */
public final class PolicyLoadException extends RuntimeException {
  private final List<Problem> problems;

  public PolicyLoadException(List<Problem> problems) {
    super(render(problems), null, false, false);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a PolicyLoadException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public PolicyLoadException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(p);
    }
    return sb.toString();
  }

  /**
   * One problem with one file.
   *
   * @param location the file, and the line and column when known (0 otherwise)
   * @param message what is wrong
   */
  public record Problem(Location location, String message) {
    /** A problem with a whole file, without a position. */
    public static Problem inFile(String file, String message) {
      return new Problem(new Location(file, 0, 0), message);
    }

    /** {@code file:line:col: message}, or {@code file: message} without a position. */
    @Override
    public String toString() {
      if (location.line() == 0) {
        return location.file() + ": " + message;
      }
      return location + ": " + message;
    }
  }
}
