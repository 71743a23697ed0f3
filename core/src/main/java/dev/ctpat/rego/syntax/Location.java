package dev.ctpat.rego.syntax;

/**
 * A position in a source file. Lines and columns are 1-based; column counts code points.
 *
 * @param file the file name as given to the parser (may be empty for a query)
 * @param line the line number
 * @param column the column number
 */
public record Location(String file, int line, int column) {
  public static final Location UNKNOWN = new Location("", 0, 0);

  /** {@code file:line:col}, or {@code line:col} for an unnamed source. */
  @Override
  public String toString() {
    return file.isEmpty() ? line + ":" + column : file + ":" + line + ":" + column;
  }
}
