package dev.ctpat.rego.syntax;

import java.util.List;

/**
 * The keywords active while parsing one module or query. The eleven base keywords are always
 * active. The "future" keywords {@code in}, {@code every}, {@code contains} and {@code if} are
 * always active in Rego v1; in v0 they become active through {@code import future.keywords[.x]}
 * or {@code import rego.v1}, from that import onwards.
 *
 * <p>Words are identified by a small integer id the lexer assigns ({@link #idOf}), so checking
 * whether a token is an active keyword does not look at its text.
 */
final class Keywords {
  /** Every keyword, base keywords first; a keyword's id is its index here. */
  static final List<String> ALL = List.of("package", "import", "as", "default", "else", "not",
      "some", "with", "null", "true", "false", "in", "every", "contains", "if");

  /** The keywords {@code import future.keywords.x} may name, sorted as OPA lists them. */
  static final List<String> FUTURE = List.of("contains", "every", "if", "in");

  static final int NONE = -1;
  private static final int FIRST_FUTURE = ALL.indexOf("in");

  private final boolean[] active = new boolean[ALL.size()];

  private Keywords() {
    for (int i = 0; i < FIRST_FUTURE; i++) {
      active[i] = true;
    }
  }

  static Keywords forVersion(RegoVersion version) {
    Keywords k = new Keywords();
    if (version == RegoVersion.V1) {
      k.enableAllFuture();
    }
    return k;
  }

  /** Whether {@code word} is a keyword of {@code version} without any import. */
  static boolean isKeywordOf(RegoVersion version, String word) {
    int id = idOf(word);
    return id != NONE && (id < FIRST_FUTURE || version == RegoVersion.V1);
  }

  /** The id of {@code word} if it is a keyword in any version, else {@link #NONE}. */
  static int idOf(String word) {
    return switch (word) {
      case "package" -> 0;
      case "import" -> 1;
      case "as" -> 2;
      case "default" -> 3;
      case "else" -> 4;
      case "not" -> 5;
      case "some" -> 6;
      case "with" -> 7;
      case "null" -> 8;
      case "true" -> 9;
      case "false" -> 10;
      case "in" -> 11;
      case "every" -> 12;
      case "contains" -> 13;
      case "if" -> 14;
      default -> NONE;
    };
  }

  boolean isActive(int id) {
    return id != NONE && active[id];
  }

  /** Activates one future keyword; {@code every} brings {@code in} along, as in OPA. */
  void enableFuture(String keyword) {
    active[idOf(keyword)] = true;
    if (keyword.equals("every")) {
      active[idOf("in")] = true;
    }
  }

  void enableAllFuture() {
    FUTURE.forEach(this::enableFuture);
  }
}
