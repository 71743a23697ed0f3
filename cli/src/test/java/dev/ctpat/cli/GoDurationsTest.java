package dev.ctpat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationsTest {
  @ParameterizedTest(name = "{0} ns is {1}")
  @CsvSource({
      "0, 0s",
      "15, 15ns",
      "999, 999ns",
      "1000, 1µs",
      "850250, 850.25µs",
      "1234567, 1.234567ms",
      "1500000000, 1.5s",
      "90000000000, 1m30s",
      "3600000000000, 1h0m0s",
      "3723500000000, 1h2m3.5s",
  })
  void formatsLikeGo(long nanos, String text) {
    assertThat(GoDurations.format(Duration.ofNanos(nanos))).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} is {1} ns")
  @CsvSource({
      "500ms, 500000000",
      "10s, 10000000000",
      "1m30s, 90000000000",
      "1.5s, 1500000000",
      "250us, 250000",
      "250µs, 250000",
      "2h, 7200000000000",
      "7ns, 7",
  })
  void parsesGoSyntax(String text, long nanos) {
    assertThat(GoDurations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10", "s", "10 s", "-5s", "5d", "1m30"})
  void rejectsAnythingElse(String text) {
    assertThatThrownBy(() -> GoDurations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid duration");
  }
}
