package dev.ctpat.rego.builtins;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A time zone resolved by name as Go's {@code time.LoadLocation} resolves it for OPA: {@code ""}
 * and {@code "UTC"} are UTC, {@code "Local"} is the system zone, anything else is a tz database
 * name such as {@code "America/New_York"}.
 *
 * @param name the name the zone was loaded by, which also selects its abbreviations
 * @param zone the zone's rules
 */
record TimeLocation(String name, ZoneId zone) {
  static final TimeLocation UTC = new TimeLocation("UTC", ZoneOffset.UTC);

  /**
   * The tz database names Go knows. java.time adds the SystemV zones, which the tz database no
   * longer ships, and lacks a few names that it does.
   */
  private static final Set<String> NAMES = ZoneId.getAvailableZoneIds().stream()
      .filter(id -> !id.startsWith("SystemV/"))
      .collect(Collectors.toUnmodifiableSet());

  private static final Map<String, ZoneId> EXTRA_ZONES = Map.of(
      "EST", ZoneOffset.ofHours(-5),
      "MST", ZoneOffset.ofHours(-7),
      "HST", ZoneOffset.ofHours(-10),
      "GMT+0", ZoneId.of("GMT"),
      "GMT-0", ZoneId.of("GMT"));

  /**
   * Resolves a zone name.
   *
   * @throws BuiltinException with Go's message for a malformed or unknown name
   */
  static TimeLocation load(String name) throws BuiltinException {
    switch (name) {
      case "", "UTC":
        return UTC;
      case "Local":
        return new TimeLocation("Local", ZoneId.systemDefault());
      default:
        break;
    }
    if (name.contains("..") || name.startsWith("/") || name.startsWith("\\")) {
      throw BuiltinException.error("time: invalid location name");
    }
    if (NAMES.contains(name)) {
      return new TimeLocation(name, ZoneId.of(name));
    }
    ZoneId extra = EXTRA_ZONES.get(name);
    if (extra != null) {
      return new TimeLocation(name, extra);
    }
    throw BuiltinException.error("unknown time zone " + name);
  }

  /** The zone's abbreviation at {@code t}, which Go prints for the layout element MST. */
  String abbreviation(ZonedDateTime t) {
    if (this == UTC) {
      return "UTC";
    }
    return TimeZoneAbbreviations.of(name, zone, t.toInstant(), t.getOffset().getTotalSeconds());
  }
}
