package dev.ctpat.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.StringValue;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsBuiltinsTest {
  private final Family units = new Family(new UnitsBuiltins());

  private static NumberValue number(String text) {
    return NumberValue.of(new BigDecimal(text));
  }

  @Test
  void registersOpaUnitsBuiltins() {
    assertThat(units.builtin("units.parse").category()).isEqualTo("units");
    assertThat(units.builtin("units.parse_bytes").category()).isEqualTo("units");
  }

  @Property(tries = 200)
  void binaryUnitsAreExactForWholeNumbers(@ForAll @IntRange(min = 0) int n) throws Exception {
    assertThat(units.call("units.parse_bytes", StringValue.of(n + "KiB")))
        .isEqualTo(NumberValue.of(n * 1024L));
    assertThat(units.call("units.parse", StringValue.of(n + "Mi")))
        .isEqualTo(NumberValue.of(n * 1024L * 1024L));
  }

  @Nested
  class Parse {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0           | 0",
        "0.0         | 0",
        ".5          | 0.5",
        "12345       | 12345",
        "-5k         | -5000",
        "+2K         | 2000",
        "10K         | 10000",
        "10Ki        | 10240",
        "10KI        | 10240",
        "10ki        | 10240",
        "1.1K        | 1100",
        "1.1Ki       | 1126.4",
        "200M        | 200000000",
        "2mi         | 2097152",
        "2MI         | 2097152",
        "3g          | 3000000000",
        "3Gi         | 3221225472",
        "1t          | 1000000000000",
        "1Ti         | 1099511627776",
        "1P          | 1000000000000000",
        "1pi         | 1125899906842624",
        "10E         | 10000000000000000000",
        "10e         | 10000000000000000000",
        "10Ei        | 11529215046068469760",
        "1e3         | 1000",
        "1E3k        | 1000000",
        "2.5e-3      | 0.0025",
        "1e+2Ki      | 102400",
        "1234.56789012345 | 1234.5678901235",
        "1e-11       | 0",
        "1e400       | 1e400",
    })
    void multipliesByTheUnit(String text, String expected) throws Exception {
      assertThat(units.call("units.parse", StringValue.of(text))).isEqualTo(number(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1m     | 0.001",
        "100m   | 0.1",
        "500m   | 0.5",
        "1000m  | 1",
        "3m     | 0.003",
        "1.5m   | 0.0015",
    })
    void readsLowerCaseMAsMilliRoundedToTenPlaces(String text, String expected)
        throws Exception {
      assertThat(units.call("units.parse", StringValue.of(text))).isEqualTo(number(expected));
    }

    @Test
    void dropsDoubleQuotes() throws Exception {
      assertThat(units.call("units.parse", StringValue.of("\"100Ti\"")))
          .isEqualTo(number("109951162777600"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''          | no amount provided",
        "G           | no amount provided",
        "foo         | no amount provided",
        "100 k       | spaces not allowed in resource strings",
        "' 1'        | spaces not allowed in resource strings",
        "0.0.0       | could not parse amount to a number",
        ".5.2        | could not parse amount to a number",
        "e5          | could not parse amount to a number",
        "1e+         | could not parse amount to a number",
        "5-3         | could not parse amount to a number",
        "10X         | unit X not recognized",
        "10KB        | unit Kb not recognized",
        "10\u00b5    | unit \u00b5 not recognized",
        "1e1000000   | exponent too large",
    })
    void reportsOpaErrors(String text, String message) {
      BuiltinException e = units.error("units.parse", StringValue.of(text));
      assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
      assertThat(e).hasMessage(message);
    }
  }

  @Nested
  class ParseBytes {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0            | 0",
        "0.0          | 0",
        ".5           | 0",
        "12345        | 12345",
        "10KB         | 10000",
        "10kb         | 10000",
        "10k          | 10000",
        "10KIB        | 10240",
        "10Ki         | 10240",
        "200mb        | 200000000",
        "2MiB         | 2097152",
        "300GiB       | 322122547200",
        "1tb          | 1000000000000",
        "1TiB         | 1099511627776",
        "1pb          | 1000000000000000",
        "1PiB         | 1125899906842624",
        "10eb         | 10000000000000000000",
        "10EiB        | 11529215046068469760",
        "1.1KB        | 1100",
        "1.1KiB       | 1126",
        "4.1Mi        | 4299161",
        "-1.5k        | -1500",
        "-1.5         | -1",
        "1e3kb        | 1000000",
        "1e-999999kb  | 0",
    })
    void truncatesToWholeBytes(String text, String expected) throws Exception {
      assertThat(units.call("units.parse_bytes", StringValue.of(text)))
          .isEqualTo(number(expected));
    }

    @Test
    void computesWithSixtyFourBitBinaryFloatsLikeOpa() throws Exception {
      // 0.00025 has no exact binary form; its nearest 64-bit-mantissa value times 10^6 lies
      // just under 250.
      assertThat(units.call("units.parse_bytes", StringValue.of("0.00025mb")))
          .isEqualTo(number("249"));
      assertThat(units.call("units.parse_bytes",
          StringValue.of("123456789012345678901234567890")))
          .isEqualTo(number("123456789012345678899921813504"));
    }

    @Test
    void lowerCasesAndDropsDoubleQuotes() throws Exception {
      assertThat(units.call("units.parse_bytes", StringValue.of("\"100TIB\"")))
          .isEqualTo(number("109951162777600"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''          | no byte amount provided",
        "GB          | no byte amount provided",
        "100 kb      | spaces not allowed in resource strings",
        "0.0.0       | could not parse byte amount to a number",
        "1xb         | byte unit xb not recognized",
        "1KBB        | byte unit kbb not recognized",
        "1E1000000   | exponent too large",
    })
    void reportsOpaErrors(String text, String message) {
      assertThat(units.error("units.parse_bytes", StringValue.of(text))).hasMessage(message);
    }
  }

  @Test
  void roundsToTheNearestSixtyFourBitMantissaTiesToEven() {
    BigDecimal twoTo64 = new BigDecimal("18446744073709551616");
    // 2^64 + 1 lies halfway between 2^64 and 2^64 + 2; the even mantissa is 2^63 (times 2).
    assertThat(UnitsBuiltins.toBinaryFloat(twoTo64.add(BigDecimal.ONE)))
        .isEqualByComparingTo(twoTo64);
    assertThat(UnitsBuiltins.toBinaryFloat(twoTo64.add(new BigDecimal(3))))
        .isEqualByComparingTo(twoTo64.add(new BigDecimal(4)));
    assertThat(UnitsBuiltins.toBinaryFloat(new BigDecimal("-0.5")))
        .isEqualByComparingTo(new BigDecimal("-0.5"));
    assertThat(UnitsBuiltins.toBinaryFloat(BigDecimal.ZERO))
        .isEqualByComparingTo(BigDecimal.ZERO);
  }
}
