package dev.ctpat.cli;

/** Whether standard output is a terminal that should get colours. */
final class Terminal {
  private Terminal() {}

  /**
   * True when the JVM has an interactive console, and neither {@code NO_COLOR}
   * (no-color.org) is set nor {@code TERM} is {@code dumb}.
   */
  static boolean supportsColour() {
    return System.console() != null
        && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"));
  }
}
