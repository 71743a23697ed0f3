package dev.ctpat.rego.builtins;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time zone abbreviations ({@code CET}, {@code PDT}, {@code +0530}) as Go prints them for the
 * {@code MST} layout element. java.time does not carry the tz database's abbreviations, so they
 * are read, as Go reads them, from the system's compiled zone files ({@code TZif}, RFC 8536).
 * Where no zone file exists, CLDR's English short name stands in when it is alphabetic, and
 * otherwise the numeric form the tz database uses for zones without letters.
 */
final class TimeZoneAbbreviations {
  private static final Path ZONEINFO = Path.of("/usr/share/zoneinfo");
  private static final Path LOCALTIME = Path.of("/etc/localtime");
  private static final DateTimeFormatter CLDR_SHORT_NAME =
      DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
  private static final Pattern LETTERS = Pattern.compile("[A-Z][A-Za-z]{1,5}");
  /** POSIX TZ footer: std name and offset, then optionally dst name and offset. */
  private static final Pattern FOOTER = Pattern.compile(
      "(<[^>]*>|[A-Za-z]+)([+-]?[0-9:]+)(?:(<[^>]*>|[A-Za-z]+)([+-]?[0-9:]+)?)?(?:,.*)?");

  /** Parsed zone files by zone name; empty when a zone has no readable file. */
  private static final ConcurrentMap<String, Optional<ZoneFile>> FILES = new ConcurrentHashMap<>();

  private TimeZoneAbbreviations() {}

  /**
   * The abbreviation in effect in a zone at an instant.
   *
   * @param zoneName the name the zone was loaded by ({@code "Local"} for the system zone)
   * @param zone the zone's rules
   * @param offsetSeconds the zone's offset at {@code instant}
   */
  static String of(String zoneName, ZoneId zone, Instant instant, int offsetSeconds) {
    Optional<ZoneFile> file = FILES.computeIfAbsent(zoneName, TimeZoneAbbreviations::load);
    return file.map(f -> f.abbreviation(instant.getEpochSecond(), offsetSeconds,
            zone.getRules().isDaylightSavings(instant)))
        .orElseGet(() -> fallback(zone, instant, offsetSeconds));
  }

  private static String fallback(ZoneId zone, Instant instant, int offsetSeconds) {
    String cldr = CLDR_SHORT_NAME.format(instant.atZone(zone));
    return LETTERS.matcher(cldr).matches() ? cldr : numeric(offsetSeconds);
  }

  /** The tz database's name for an offset without letters: {@code -03}, {@code +0545}. */
  static String numeric(int offsetSeconds) {
    int minutes = Math.abs(offsetSeconds) / 60;
    String sign = offsetSeconds < 0 ? "-" : "+";
    return minutes % 60 == 0
        ? String.format("%s%02d", sign, minutes / 60)
        : String.format("%s%02d%02d", sign, minutes / 60, minutes % 60);
  }

  private static Optional<ZoneFile> load(String zoneName) {
    Path path = zoneName.equals("Local") ? LOCALTIME : ZONEINFO.resolve(zoneName);
    try {
      return Optional.of(ZoneFile.parse(ByteBuffer.wrap(Files.readAllBytes(path))));
    } catch (IOException | BufferUnderflowException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The parts of a TZif file that name zones: transitions, local time types, footer. */
  private record ZoneFile(long[] transitions, int[] transitionTypes, int[] offsets,
      String[] names, Footer footer) {

    static ZoneFile parse(ByteBuffer buf) {
      Header v1 = Header.read(buf);
      if (v1.version() < '2') {
        return body(buf, v1, 4, null);
      }
      buf.position(buf.position() + v1.bodyLength(4));
      Header v2 = Header.read(buf);
      int bodyStart = buf.position();
      buf.position(bodyStart + v2.bodyLength(8));
      Footer footer = Footer.read(buf);
      buf.position(bodyStart);
      return body(buf, v2, 8, footer);
    }

    private static ZoneFile body(ByteBuffer buf, Header h, int timeSize, Footer footer) {
      long[] transitions = new long[h.timeCount()];
      for (int i = 0; i < transitions.length; i++) {
        transitions[i] = timeSize == 8 ? buf.getLong() : buf.getInt();
      }
      int[] transitionTypes = new int[h.timeCount()];
      for (int i = 0; i < transitionTypes.length; i++) {
        transitionTypes[i] = Byte.toUnsignedInt(buf.get());
      }
      int[] offsets = new int[h.typeCount()];
      int[] nameIndexes = new int[h.typeCount()];
      for (int i = 0; i < offsets.length; i++) {
        offsets[i] = buf.getInt();
        buf.get(); // isdst
        nameIndexes[i] = Byte.toUnsignedInt(buf.get());
      }
      byte[] chars = new byte[h.charCount()];
      buf.get(chars);
      String[] names = new String[offsets.length];
      for (int i = 0; i < names.length; i++) {
        int end = nameIndexes[i];
        while (end < chars.length && chars[end] != 0) {
          end++;
        }
        names[i] = new String(chars, nameIndexes[i], end - nameIndexes[i],
            StandardCharsets.US_ASCII);
      }
      return new ZoneFile(transitions, transitionTypes, offsets, names, footer);
    }

    /**
     * Go's lookup: the type of the last transition at or before the instant, the footer rule
     * after the last transition, and the first type before any transition.
     */
    String abbreviation(long epochSecond, int offsetSeconds, boolean dst) {
      int index = Arrays.binarySearch(transitions, epochSecond);
      int last = index >= 0 ? index : -index - 2;
      if (footer != null && last == transitions.length - 1) {
        return footer.name(offsetSeconds, dst);
      }
      int type = last < 0 ? 0 : transitionTypes[last];
      return names.length == 0 ? numeric(offsetSeconds) : names[type];
    }
  }

  /** A TZif header's version and counts. */
  private record Header(int version, int utcCount, int stdCount, int leapCount, int timeCount,
      int typeCount, int charCount) {

    static Header read(ByteBuffer buf) {
      byte[] magic = new byte[4];
      buf.get(magic);
      if (!new String(magic, StandardCharsets.US_ASCII).equals("TZif")) {
        throw new IllegalArgumentException("not a TZif file");
      }
      int version = buf.get();
      buf.position(buf.position() + 15);
      return new Header(version, buf.getInt(), buf.getInt(), buf.getInt(), buf.getInt(),
          buf.getInt(), buf.getInt());
    }

    int bodyLength(int timeSize) {
      return timeCount * (timeSize + 1) + typeCount * 6 + charCount
          + leapCount * (timeSize + 4) + stdCount + utcCount;
    }
  }

  /** The POSIX TZ rule that extends a zone file past its last transition. */
  private record Footer(String stdName, int stdOffset, String dstName, int dstOffset) {

    static Footer read(ByteBuffer buf) {
      byte[] rest = new byte[buf.remaining()];
      buf.get(rest);
      String text = new String(rest, StandardCharsets.US_ASCII).strip();
      Matcher m = FOOTER.matcher(text);
      if (!m.matches()) {
        return null;
      }
      int stdOffset = -posixSeconds(m.group(2));
      if (m.group(3) == null) {
        return new Footer(unbracket(m.group(1)), stdOffset, null, stdOffset);
      }
      int dstOffset = m.group(4) == null ? stdOffset + 3600 : -posixSeconds(m.group(4));
      return new Footer(unbracket(m.group(1)), stdOffset, unbracket(m.group(3)), dstOffset);
    }

    /** The daylight name when the offset says so; the flag decides between equal offsets. */
    String name(int offsetSeconds, boolean dst) {
      if (dstName == null) {
        return stdName;
      }
      if (stdOffset != dstOffset) {
        return offsetSeconds == dstOffset ? dstName : stdName;
      }
      return dst ? dstName : stdName;
    }

    private static String unbracket(String name) {
      return name.startsWith("<") ? name.substring(1, name.length() - 1) : name;
    }

    /** A POSIX offset {@code [+-]hh[:mm[:ss]]} in seconds, positive west of Greenwich. */
    private static int posixSeconds(String text) {
      int sign = text.startsWith("-") ? -1 : 1;
      String[] parts = text.replaceFirst("^[+-]", "").split(":");
      int seconds = 0;
      for (int i = 0; i < 3; i++) {
        seconds = seconds * 60 + (i < parts.length ? Integer.parseInt(parts[i]) : 0);
      }
      return sign * seconds;
    }
  }
}
