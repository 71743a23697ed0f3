package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.Value;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeBuiltinsTest {
  /** The clock of every query. */
  private static final Instant NOW = Instant.parse("2024-05-06T07:08:09.123456789Z");

  /** 2023-11-14T22:13:20.123456789Z, a Tuesday. */
  private static final long NS = 1_700_000_000_123_456_789L;

  private final Family time = new Family(new TimeBuiltins(), NOW);

  private static Value ns(long ns) {
    return NumberValue.of(ns);
  }

  @Test
  void registersOpaTimeBuiltins() {
    for (String name : List.of("time.now_ns", "time.parse_ns", "time.parse_rfc3339_ns",
        "time.parse_duration_ns", "time.format", "time.date", "time.clock", "time.weekday",
        "time.add_date", "time.diff")) {
      assertThat(time.builtin(name).category()).isEqualTo("time");
    }
  }

  @Property(tries = 300)
  void parsingWhatFormatPrintsGivesTheSameNanoseconds(@ForAll long nanos) throws Exception {
    Value text = time.call("time.format", ns(nanos));
    assertThat(time.call("time.parse_rfc3339_ns", text)).isEqualTo(ns(nanos));
  }

  @Nested
  class NowNs {
    @Test
    void returnsTheQueryClockInNanoseconds() throws Exception {
      assertThat(time.call("time.now_ns"))
          .isEqualTo(ns(NOW.getEpochSecond() * 1_000_000_000L
              + NOW.getNano()));
    }

    @Test
    void isNondeterministic() {
      assertThat(time.builtin("time.now_ns").nondeterministic()).isTrue();
      assertThat(time.builtin("time.date").nondeterministic()).isFalse();
    }
  }

  @Nested
  class ParseRfc3339Ns {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1677-09-21T00:12:43.145224192Z      | -9223372036854775808",
        "1970-01-01T00:00:00Z                | 0",
        "1970-01-01T00:00:00-00:00           | 0",
        "2006-01-02T15:04:05-07:00           | 1136239445000000000",
        "2006-01-02T15:04:05.5+01:30         | 1136208845500000000",
        "2006-01-02T22:04:05,25Z             | 1136239445250000000",
        "2006-01-02T22:04:05.1234567891234Z  | 1136239445123456789",
        "2262-04-11T23:47:16.854775807Z      | 9223372036854775807",
    })
    void parsesNanosecondsSinceTheEpoch(String text, long expected) throws Exception {
      assertThat(time.call("time.parse_rfc3339_ns", str(text))).isEqualTo(ns(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1677-09-21T00:12:43.145224191Z",
        "2262-04-11T23:47:16.854775808Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
    })
    void refusesTimesOutsideTheNanosecondRange(String text) {
      BuiltinException e = time.error("time.parse_rfc3339_ns", str(text));
      assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
      assertThat(e).hasMessage("time outside of valid range");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2017-06-02|parsing time \"2017-06-02\" as \"2006-01-02T15:04:05Z07:00\": "
            + "cannot parse \"\" as \"T\"",
        "2017-13-02T00:00:00Z|parsing time \"2017-13-02T00:00:00Z\": month out of range",
        "2023-02-29T00:00:00Z|parsing time \"2023-02-29T00:00:00Z\": day out of range",
        "2017-06-02T23:59:60Z|parsing time \"2017-06-02T23:59:60Z\": second out of range",
        "2017-06-02T10:00:00+25:00|parsing time \"2017-06-02T10:00:00+25:00\": "
            + "time zone offset hour out of range",
        "2017-06-02T10:00:00Zjunk|parsing time \"2017-06-02T10:00:00Zjunk\": "
            + "extra text: \"junk\"",
        "2017-06-02t10:00:00Z|parsing time \"2017-06-02t10:00:00Z\" as "
            + "\"2006-01-02T15:04:05Z07:00\": cannot parse \"t10:00:00Z\" as \"T\"",
    })
    void reportsGoParseErrors(String text, String message) {
      assertThat(time.error("time.parse_rfc3339_ns", str(text))).hasMessage(message);
    }

    @Test
    void quotesNonAsciiInErrorsAsUtf8Bytes() {
      assertThat(time.error("time.parse_rfc3339_ns", str("é")))
          .hasMessage("parsing time \"\\xc3\\xa9\" as \"2006-01-02T15:04:05Z07:00\": "
              + "cannot parse \"\\xc3\\xa9\" as \"2006\"");
    }
  }

  @Nested
  class ParseNs {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2006-01-02T15:04:05Z07:00        | 2006-01-02T15:04:05-07:00       | 1136239445000000000",
        "01/02 03:04:05PM '06 -0700       | 01/02 03:04:05PM '06 -0700      | 1136239445000000000",
        "RFC822Z                          | 02 Jan 06 15:04 -0700           | 1136239440000000000",
        "RFC1123Z                         | Mon, 02 Jan 2006 15:04:05 -0700 | 1136239445000000000",
        "RubyDate                         | Mon Jan 02 15:04:05 -0700 2006  | 1136239445000000000",
        "ANSIC                            | Mon Jan  2 22:04:05 2006        | 1136239445000000000",
        "Jan _2 2006                      | jan  2 2006                     | 1136160000000000000",
        "January 2, 2006                  | JANUARY 2, 2006                 | 1136160000000000000",
        "2006-01-02                       | 2006-01-02                      | 1136160000000000000",
        "2006 002                         | 2006 033                        | 1138838400000000000",
        "2006 __2                         | 2006  33                        | 1138838400000000000",
        "2006-01-02 3:04pm                | 2006-01-02 12:30am              | 1136161800000000000",
        "2006-01-02 15:04:05.000          | 2006-01-02 00:00:01.250         | 1136160001250000000",
        "2006-01-02 15:04:05.999          | 2006-01-02 22:04:05             | 1136239445000000000",
        "2006-01-02 15:04 MST             | 2006-01-02 22:04 PST            | 1136239440000000000",
        "2006-01-02 15:04 MST             | 2006-01-02 22:04 UTC            | 1136239440000000000",
        "2006-01-02 15:04 Z07             | 2006-01-02 23:04 +01            | 1136239440000000000",
        "06-01-02                         | 69-01-02                        | -31449600000000000",
    })
    void parsesByGoLayout(String layout, String value, String expected) throws Exception {
      assertThat(time.call("time.parse_ns", str(layout), str(value)))
          .isEqualTo(NumberValue.of(new BigInteger(expected)));
    }

    @Test
    void refusesLayoutsOutsideTheNanosecondRange() {
      assertThat(time.error("time.parse_ns", str("3:04pm"), str("12:30am")))
          .hasMessage("time outside of valid range");
    }

    @Test
    void treatsUnknownConstantNamesAsLiteralLayouts() {
      assertThat(time.error("time.parse_ns", str("Kitchen"), str("3:04PM")))
          .hasMessage("parsing time \"3:04PM\" as \"Kitchen\": cannot parse \"3:04PM\" as "
              + "\"Kitchen\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2006-01-02|2006-1-02|parsing time \"2006-1-02\" as \"2006-01-02\": "
            + "cannot parse \"1-02\" as \"01\"",
        "Jan 2006|Foo 2006|parsing time \"Foo 2006\" as \"Jan 2006\": "
            + "cannot parse \"Foo 2006\" as \"Jan\"",
        "2006 002|2006 400|parsing time \"2006 400\": day-of-year out of range",
        "2006-01 002|2006-02 001|parsing time \"2006-02 001\": day-of-year does not match month",
        "3PM|3XM|parsing time \"3XM\" as \"3PM\": cannot parse \"XM\" as \"PM\"",
        "15|24|parsing time \"24\": hour out of range",
    })
    void reportsGoParseErrors(String layout, String value, String message) {
      assertThat(time.error("time.parse_ns", str(layout), str(value))).hasMessage(message);
    }
  }

  @Nested
  class ParseDurationNs {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0                       | 0",
        "-0                      | 0",
        "100ms                   | 100000000",
        "1h2m3.5s                | 3723500000000",
        "-1.5h                   | -5400000000000",
        "+5s                     | 5000000000",
        ".5s                     | 500000000",
        "1.s                     | 1000000000",
        "1ns1us1\u00b5s1\u03bcs  | 3001",
        "2562047h47m16.854775807s | 9223372036854775807",
        "-9223372036854775808ns  | -9223372036854775808",
        "0.3333333333333333333h  | 1200000000000",
    })
    void parsesGoDurations(String text, long expected) throws Exception {
      assertThat(time.call("time.parse_duration_ns", str(text))).isEqualTo(ns(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                     | time: invalid duration \"\"",
        "-                      | time: invalid duration \"-\"",
        "1                      | time: missing unit in duration \"1\"",
        "1x                     | time: unknown unit \"x\" in duration \"1x\"",
        "1d                     | time: unknown unit \"d\" in duration \"1d\"",
        ".s                     | time: invalid duration \".s\"",
        "s                      | time: invalid duration \"s\"",
        "9223372036854775808ns  | time: invalid duration \"9223372036854775808ns\"",
        "2562048h               | time: invalid duration \"2562048h\"",
        "1\u00e9s               | time: unknown unit \"\\xc3\\xa9s\" in duration \"1\\xc3\\xa9s\"",
    })
    void reportsGoErrors(String text, String message) {
      assertThat(time.error("time.parse_duration_ns", str(text))).hasMessage(message);
    }
  }

  @Nested
  class Format {
    @Test
    void defaultsToRfc3339NanoInUtc() throws Exception {
      assertThat(time.call("time.format", ns(NS)))
          .isEqualTo(str("2023-11-14T22:13:20.123456789Z"));
    }

    @Test
    void trimsTrailingZerosOfTheFraction() throws Exception {
      assertThat(time.call("time.format", ns(1_700_000_000_100_000_000L)))
          .isEqualTo(str("2023-11-14T22:13:20.1Z"));
      assertThat(time.call("time.format", ns(1_700_000_000_000_000_000L)))
          .isEqualTo(str("2023-11-14T22:13:20Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                  | 2023-11-14T22:13:20.123456789Z",
        "UTC                 | 2023-11-14T22:13:20.123456789Z",
        "America/New_York    | 2023-11-14T17:13:20.123456789-05:00",
        "Asia/Kathmandu      | 2023-11-15T03:58:20.123456789+05:45",
    })
    void printsTheTimeInTheGivenZone(String zone, String expected) throws Exception {
      assertThat(time.call("time.format", json("[" + NS + ", \"" + zone + "\"]")))
          .isEqualTo(str(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UTC             | RFC1123         | Tue, 14 Nov 2023 22:13:20 UTC",
        "America/New_York| RFC1123         | Tue, 14 Nov 2023 17:13:20 EST",
        "Europe/Berlin   | UnixDate        | Tue Nov 14 23:13:20 CET 2023",
        "Asia/Kathmandu  | RFC822          | 15 Nov 23 03:58 +0545",
        "America/Sao_Paulo| RFC850         | Tuesday, 14-Nov-23 19:13:20 -03",
        "UTC             | ANSIC           | Tue Nov 14 22:13:20 2023",
        "UTC             | RFC3339         | 2023-11-14T22:13:20Z",
        "Asia/Kathmandu  | RFC1123Z        | Wed, 15 Nov 2023 03:58:20 +0545",
        "UTC             | Kitchen         | Kitchen",
        "UTC             | 3:04PM          | 10:13PM",
        "UTC             | 03:04:05 pm     | 10:13:20 pm",
        "UTC             | 2006-002 __2    | 2023-318 318",
        "UTC             | Jan _2 .000 ,99 | Nov 14 .123 ,12",
        "UTC             | 15:04:05.000000000000 | 22:13:20.123456789",
        "America/New_York| -07:00:00 Z0700 -07 | -05:00:00 -0500 -05",
        "UTC             | _2006 06        | _2023 23",
        "UTC             | Monday January 2 | Tuesday November 14",
    })
    void followsGoLayouts(String zone, String layout, String expected) throws Exception {
      Value arg = json("[" + NS + ", \"" + zone + "\", \"" + layout + "\"]");
      assertThat(time.call("time.format", arg)).isEqualTo(str(expected));
    }

    @Test
    void usesTheSystemZoneForLocal() throws Exception {
      String expected = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(1_700_000_000L),
          ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
      assertThat(time.call("time.format",
          json("[1700000000000000000, \"Local\", \"2006-01-02 15:04\"]")))
          .isEqualTo(str(expected));
    }

    @Test
    void acceptsAnArrayWithOnlyNanoseconds() throws Exception {
      assertThat(time.call("time.format", json("[" + NS + "]")))
          .isEqualTo(str("2023-11-14T22:13:20.123456789Z"));
    }
  }

  @Nested
  class ZoneAbbreviations {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Ireland's summer time is its standard time; winter is GMT.
        "1688212800000000000  | Europe/Dublin    | IST +0100",
        "1673784000000000000  | Europe/Dublin    | GMT +0000",
        "1688212800000000000  | Asia/Kolkata     | IST +0530",
        // Past the zone file's last transition, its POSIX rule names the zone.
        "7273800000000000000  | America/New_York | EDT -0400",
        // Before the first transition: local mean time, whose offset has seconds.
        "-5364619200000000000 | America/New_York | LMT -0456",
        "1688212800000000000  | Etc/GMT+5        | -05 -0500",
    })
    void followTheTzDatabase(long ns, String zone, String expected) throws Exception {
      assumeTrue(Files.exists(Path.of("/usr/share/zoneinfo", zone)), "tz database installed");
      Value arg = json("[" + ns + ", \"" + zone + "\", \"MST Z0700\"]");
      assertThat(time.call("time.format", arg)).isEqualTo(str(expected.replace("+0000", "Z")));
    }

    @Test
    void writeZonesWithoutLettersAsOffsets() {
      assertThat(TimeZoneAbbreviations.numeric(-3 * 3600)).isEqualTo("-03");
      assertThat(TimeZoneAbbreviations.numeric(5 * 3600 + 45 * 60)).isEqualTo("+0545");
      assertThat(TimeZoneAbbreviations.numeric(0)).isEqualTo("+00");
    }
  }

  @Nested
  class TimestampArguments {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5e22",
        "9223372036854775808",
        "1.5",
    })
    void refusesNanosecondsBeyondSixtyFourBitIntegers(String number) {
      BuiltinException e = time.error("time.date", json(number));
      assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
      assertThat(e).hasMessage("timestamp too big");
    }

    @Test
    void refusesUnknownZones() {
      assertThat(time.error("time.clock", json("[0, \"Mars/Olympus_Mons\"]")))
          .hasMessage("unknown time zone Mars/Olympus_Mons");
      assertThat(time.error("time.clock", json("[0, \"america/new_york\"]")))
          .hasMessage("unknown time zone america/new_york");
    }

    @Test
    void refusesPathLikeZoneNames() {
      assertThat(time.error("time.clock", json("[0, \"../etc/passwd\"]")))
          .hasMessage("time: invalid location name");
      assertThat(time.error("time.clock", json("[0, \"/etc/localtime\"]")))
          .hasMessage("time: invalid location name");
    }

    @Test
    void refusesOffsetsThatAreNotZoneNames() {
      assertThat(time.error("time.clock", json("[0, \"+05:00\"]")))
          .hasMessage("unknown time zone +05:00");
    }

    @Test
    void acceptsLegacyFixedZones() throws Exception {
      assertThat(time.call("time.clock", json("[0, \"EST\"]"))).isEqualTo(json("[19, 0, 0]"));
      assertThat(time.call("time.clock", json("[0, \"Etc/GMT-14\"]")))
          .isEqualTo(json("[14, 0, 0]"));
    }

    @Test
    void reportsElementTypesAsOperandOne() {
      BuiltinException e = time.error("time.format", json("[\"1\", \"UTC\", \"x\"]"));
      assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
      assertThat(e).hasMessage("operand 1 must be number but got string");
      assertThat(time.error("time.format", json("[1, \"UTC\", 2]")))
          .hasMessage("operand 1 must be string but got number");
    }
  }

  @Nested
  class DateClockWeekday {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                  | [2023, 11, 14] | [22, 13, 20] | Tuesday",
        "America/Los_Angeles | [2023, 11, 14] | [14, 13, 20] | Tuesday",
        "Asia/Tokyo          | [2023, 11, 15] | [7, 13, 20]  | Wednesday",
    })
    void readTheCalendarInTheZone(String zone, String date, String clock, String weekday)
        throws Exception {
      Value arg = json("[" + NS + ", \"" + zone + "\"]");
      assertThat(time.call("time.date", arg)).isEqualTo(json(date));
      assertThat(time.call("time.clock", arg)).isEqualTo(json(clock));
      assertThat(time.call("time.weekday", arg)).isEqualTo(str(weekday));
    }

    @Test
    void handleTheExtremesOfTheRange() throws Exception {
      assertThat(time.call("time.date", ns(Long.MIN_VALUE))).isEqualTo(json("[1677, 9, 21]"));
      assertThat(time.call("time.clock", ns(Long.MIN_VALUE))).isEqualTo(json("[0, 12, 43]"));
      assertThat(time.call("time.date", ns(Long.MAX_VALUE))).isEqualTo(json("[2262, 4, 11]"));
      assertThat(time.call("time.weekday", ns(-1))).isEqualTo(str("Wednesday"));
    }

    @Test
    void readLeapDays() throws Exception {
      assertThat(time.call("time.date", ns(1_709_164_800_000_000_000L)))
          .isEqualTo(json("[2024, 2, 29]"));
    }
  }

  @Nested
  class AddDate {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // 2023-01-31 plus one month is "February 31", which Go normalizes to March 3.
        "1675123200000000000 | 0  | 1   | 0   | 1677801600000000000",
        // 2024-02-29 plus one year is "February 29, 2025", which becomes March 1.
        "1709164800000000000 | 1  | 0   | 0   | 1740787200000000000",
        "1709164800000000000 | 4  | 0   | 0   | 1835395200000000000",
        "1709164800000000000 | 0  | 0   | 0   | 1709164800000000000",
        "1709164800000000123 | 1  | -12 | 1   | 1709251200000000123",
        "1709164800000000000 | -1 | 1   | -30 | 1677456000000000000",
        "0                   | 0  | 0   | -1  | -86400000000000",
    })
    void addsAndNormalizesLikeGo(long ns, long years, long months, long days, long expected)
        throws Exception {
      assertThat(time.call("time.add_date", ns(ns), ns(years), ns(months), ns(days)))
          .isEqualTo(ns(expected));
    }

    @Test
    void refusesResultsOutsideTheRange() {
      assertThat(time.error("time.add_date", ns(0), ns(300), ns(0), ns(0)))
          .hasMessage("time outside of valid range");
      assertThat(time.error("time.add_date", ns(Long.MIN_VALUE), ns(0), ns(0), ns(-1)))
          .hasMessage("time outside of valid range");
      assertThat(time.error("time.add_date", ns(0), ns(Long.MAX_VALUE), ns(0), ns(0)))
          .hasMessage("time outside of valid range");
    }

    @Test
    void letsHugeFieldsCancelOut() throws Exception {
      assertThat(time.call("time.add_date", ns(0), ns(1_000_000_000_000L),
          ns(-12_000_000_000_000L), ns(0))).isEqualTo(ns(0));
    }

    @Test
    void requiresIntegerFields() {
      BuiltinException e = time.error("time.add_date", ns(0), json("1.5"), ns(0), ns(0));
      assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
      assertThat(e).hasMessage("operand 2 must be integer number but got floating-point number");
      assertThat(time.error("time.add_date", ns(0), ns(0), ns(0), json("1e30")))
          .hasMessage("operand 4 must be integer number but got floating-point number");
    }
  }

  @Nested
  class Diff {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0                   | 0                   | [0, 0, 0, 0, 0, 0]",
        // 2023-01-31 to 2023-03-03: borrows January's 31 days.
        "1675123200000000000 | 1677801600000000000 | [0, 1, 3, 0, 0, 0]",
        "1677801600000000000 | 1675123200000000000 | [0, 1, 3, 0, 0, 0]",
        "0                   | 1700000000123456789 | [53, 10, 13, 22, 13, 20]",
        "1700000000000000000 | 1700000000999999999 | [0, 0, 0, 0, 0, 0]",
        "1709164800000000000 | 1740787200000000000 | [1, 0, 1, 0, 0, 0]",
    })
    void countsCalendarUnitsBetweenTwoTimes(String a, String b, String expected)
        throws Exception {
      assertThat(time.callJson("time.diff", a, b)).isEqualTo(json(expected));
    }

    @Test
    void readsBothTimesInTheFirstTimesZone() throws Exception {
      // 2023-11-14 22:13:20 UTC and 2023-11-15 02:00:00 UTC are on the same day in New York.
      String first = "[1700000000000000000, \"America/New_York\"]";
      String second = "[1700013600000000000, \"Asia/Tokyo\"]";
      assertThat(time.callJson("time.diff", first, second))
          .isEqualTo(json("[0, 0, 0, 3, 46, 40]"));
    }
  }
}
