package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemverBuiltinsTest {
  private final Family semver = new Family(new SemverBuiltins());

  private Value compare(String a, String b) throws BuiltinException {
    return semver.call("semver.compare", StringValue.of(a), StringValue.of(b));
  }

  @Test
  void registersOpaSemverBuiltins() {
    assertThat(semver.builtin("semver.is_valid").category()).isEqualTo("semver");
    assertThat(semver.builtin("semver.compare").category()).isEqualTo("semver");
  }

  @Property(tries = 200)
  void comparesReleasesByTheirNumbers(
      @ForAll @IntRange(min = 0) int a1, @ForAll @IntRange(min = 0) int a2,
      @ForAll @IntRange(min = 0) int b1, @ForAll @IntRange(min = 0) int b2) throws Exception {
    int expected = a1 != b1 ? Integer.compare(a1, b1) : Integer.compare(a2, b2);
    assertThat(compare(a1 + "." + a2 + ".0", b1 + "." + b2 + ".0"))
        .isEqualTo(NumberValue.of(Integer.signum(expected)));
  }

  @Nested
  class IsValid {
    @ParameterizedTest
    @ValueSource(strings = {
        "1.0.0", "0.0.0", "v1.2.3", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1",
        "1.0.0-0.3.7", "1.0.0-x.7.z.92", "1.0.0-x-y-z.--", "1.0.0+20130313144700",
        "1.0.0-beta+exp.sha.5114f85", "1.0.0+21AF26D3----117B344092BD",
        // OPA is more lenient than SemVer 2.0.0 here:
        "01.02.03", "1.0.0-01", "1.0.0-", "1.0.0+", "9223372036854775807.0.0",
    })
    void acceptsVersions(String version) throws Exception {
      assertThat(semver.call("semver.is_valid", StringValue.of(version)))
          .isEqualTo(BooleanValue.TRUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "1", "1.0", "1.0.0.0", "vv1.0.0", "V1.0.0", "1.0.x", "-1.0.0", "+1.0.0",
        "1.0.0-alpha..1", "1.0.0-alpha_1", "1.0.0+build+meta", "1.0.0-\u00e9",
        " 1.0.0", "1.0.0 ", "9223372036854775808.0.0", "\u0661.0.0", "1..0",
    })
    void rejectsNonVersions(String version) throws Exception {
      assertThat(semver.call("semver.is_valid", StringValue.of(version)))
          .isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void isFalseForNonStrings() throws Exception {
      assertThat(semver.call("semver.is_valid", NumberValue.of(1))).isEqualTo(BooleanValue.FALSE);
      assertThat(semver.call("semver.is_valid", json("[\"1.0.0\"]")))
          .isEqualTo(BooleanValue.FALSE);
    }
  }

  @Nested
  class Compare {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0.0                 | 2.0.0                 | -1",
        "2.0.0                 | 1.0.0                 | 1",
        "1.0.0                 | 1.0.0                 | 0",
        "v1.0.0                | 1.0.0                 | 0",
        "2.1.0                 | 2.0.9                 | 1",
        "2.1.1                 | 2.1.10                | -1",
        "1.0.0-alpha           | 1.0.0                 | -1",
        "1.0.0-alpha           | 1.0.0-alpha.1         | -1",
        "1.0.0-alpha.1         | 1.0.0-alpha.beta      | -1",
        "1.0.0-alpha.beta      | 1.0.0-beta            | -1",
        "1.0.0-beta            | 1.0.0-beta.2          | -1",
        "1.0.0-beta.2          | 1.0.0-beta.11         | -1",
        "1.0.0-beta.11         | 1.0.0-rc.1            | -1",
        "1.0.0-rc.1            | 1.0.0                 | -1",
        "1.0.0-Z               | 1.0.0-a               | -1",
        "1.0.0+build.1         | 1.0.0+build.2         | 0",
        "1.0.0-                | 1.0.0                 | 0",
    })
    void ordersBySemverPrecedence(String a, String b, long expected) throws Exception {
      assertThat(compare(a, b)).isEqualTo(NumberValue.of(expected));
    }

    @Test
    void reportsWhichOperandIsInvalid() {
      BuiltinException e = semver.error("semver.compare", StringValue.of("1.0.0"),
          StringValue.of("1"));
      assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
      assertThat(e).hasMessage("operand 2: string \"1\" is not a valid SemVer");
      assertThat(semver.error("semver.compare", StringValue.of("x"), StringValue.of("y")))
          .hasMessage("operand 1: string \"x\" is not a valid SemVer");
    }

    @Test
    void quotesTheInvalidStringAsGoDoes() {
      assertThat(semver.error("semver.compare", StringValue.of("a\"b\\\n\u00e9\u0007\u200b"),
          StringValue.of("1.0.0")))
          .hasMessage("operand 1: string \"a\\\"b\\\\\\n\u00e9\\a\\u200b\" is not a valid SemVer");
    }
  }
}
