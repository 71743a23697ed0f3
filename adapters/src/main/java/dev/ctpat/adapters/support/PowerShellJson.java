package dev.ctpat.adapters.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values as {@code ConvertTo-Json} writes them in Windows PowerShell 5.1 and PowerShell 7, which
 * differ: 5.1 writes a date as {@code "\/Date(1700000000000)\/"} (milliseconds since the epoch,
 * in UTC) and wraps dates that carry extra properties as
 * {@code {"value": "\/Date(...)\/", "DateTime": "..."}}; 7 writes ISO 8601. Enums are numbers
 * unless {@code -EnumsAsStrings} was given.
 */
public final class PowerShellJson {
  private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");
  private static final long DAY_MILLIS = 86_400_000L;

  private PowerShellJson() {}

  /**
   * The objects of an export: {@code ConvertTo-Json} writes a single object as itself and several
   * as an array, so a pipeline that returned one item has no array around it.
   */
  public static List<JsonNode> items(JsonNode root) {
    List<JsonNode> items = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(items::add);
    } else {
      items.add(root);
    }
    return items;
  }

  /** A timestamp in any of the spellings above; {@code null} when absent or unreadable. */
  public static Instant instant(JsonNode node) {
    String text = scalar(node);
    if (text == null) {
      return null;
    }
    Matcher m = MS_DATE.matcher(text);
    if (m.matches()) {
      return Instant.ofEpochMilli(Long.parseLong(m.group(1))).truncatedTo(ChronoUnit.SECONDS);
    }
    return Timestamps.iso(text);
  }

  /**
   * A calendar date written as a local midnight (e.g. a hotfix's {@code InstalledOn}). PowerShell
   * 7 writes the local date itself. PowerShell 5.1 converts the local midnight to UTC without
   * saying its zone, so the date is recovered by rounding to the nearest UTC midnight, which is
   * right for every zone from UTC-12 to UTC+12.
   */
  public static LocalDate localDate(JsonNode node) {
    String text = scalar(node);
    if (text == null) {
      return null;
    }
    Matcher m = MS_DATE.matcher(text);
    if (m.matches()) {
      long millis = Long.parseLong(m.group(1));
      if (m.group(2) != null) {
        String zone = m.group(2);
        ZoneOffset offset = ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3));
        return Instant.ofEpochMilli(millis).atOffset(offset).toLocalDate();
      }
      return LocalDate.ofEpochDay(Math.floorDiv(millis + DAY_MILLIS / 2, DAY_MILLIS));
    }
    String iso = text.strip();
    if (!iso.matches("\\d{4}-\\d{2}-\\d{2}([T ].*)?")) {
      return null;
    }
    try {
      return LocalDate.parse(iso.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The name of an enum value written as its number (looked up in {@code namesByNumber}) or as
   * its name; {@code null} when absent or an unknown number.
   */
  public static String enumName(JsonNode node, Map<Integer, String> namesByNumber) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return namesByNumber.get(node.intValue());
    }
    String text = scalar(node);
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** The scalar text of {@code node}, unwrapping 5.1's {@code {"value": ...}} object. */
  private static String scalar(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      return scalar(node.get("value"));
    }
    return node.isContainerNode() ? null : node.asText();
  }
}
