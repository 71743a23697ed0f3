package dev.ctpat.adapters.support;

import java.util.Locale;

/** Lenient parsing of the numbers and flags found in exports; {@code null} means "not a value". */
public final class Numbers {
  private Numbers() {}

  public static Integer parseInt(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    if (!trimmed.matches("[+-]?\\d{1,9}")) {
      return null;
    }
    return Integer.valueOf(trimmed);
  }

  /** yes/no, true/false, on/off, 1/0, enabled/disabled. */
  public static Boolean parseBoolean(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "true", "on", "1", "enabled", "enable" -> Boolean.TRUE;
      case "no", "false", "off", "0", "disabled", "disable" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** Whole minutes in {@code seconds}, rounded up so that a short lockout never reads as none. */
  public static int secondsToMinutes(long seconds) {
    return (int) ((seconds + 59) / 60);
  }
}
