package dev.ctpat.adapters.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.Source;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotFixAdapterTest {

  private static Source source(String file, int line) {
    return Source.of(file, line, "windows-hotfix");
  }

  @Test
  void powerShell51CsvWithAllWmiColumnsGivesTheNewestInstallationDay() {
    String file = "patch/TGL-WS-014/hotfix.csv";
    AdapterResult result = Fixtures.read(new HotFixAdapter(), file);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().endpoints()).singleElement().satisfies(e -> {
      assertThat(e.hostname()).isEqualTo("TGL-WS-014");
      assertThat(e.patches()).isEqualTo(new Endpoint.Patches(null, null,
          LocalDate.of(2026, 11, 12), source(file, 4)));
    });
  }

  @Test
  void germanCultureCsvOfSeveralHostsGivesEachItsOwnDay() {
    String file = "patch/hotfix-de.csv";
    AdapterResult result = Fixtures.read(new HotFixAdapter(), file);

    assertThat(result.evidence().endpoints()).extracting(Endpoint::hostname, Endpoint::patches)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TGL-SRV-01", new Endpoint.Patches(null, null,
                LocalDate.of(2026, 11, 13), source(file, 2))),
            org.assertj.core.groups.Tuple.tuple("TGL-SRV-02", new Endpoint.Patches(null, null,
                LocalDate.of(2026, 9, 2), source(file, 4))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // file, host, last patched, line
      "patch/hotfix-ps51.json, TGL-WS-031, 2026-11-23, 2",
      "patch/hotfix-ps7.json, TGL-SRV-03, 2026-11-21, 2"})
  void jsonFromEitherPowerShellGivesTheLocalInstallationDay(String file, String host,
      LocalDate day, int line) {
    AdapterResult result = Fixtures.read(new HotFixAdapter(), file);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().endpoints()).singleElement().satisfies(e -> {
      assertThat(e.hostname()).isEqualTo(host);
      assertThat(e.patches()).isEqualTo(new Endpoint.Patches(null, null, day, source(file, line)));
    });
  }

  @Test
  void hostWithoutAnyDateIsWarnedAndKeepsTheDayUnknown() {
    AdapterResult result = Fixtures.readText(new HotFixAdapter(), "ws-40/hotfix.csv",
        "HotFixID,InstalledOn\nKB1,\nKB2,\n");

    assertThat(result.evidence().endpoints()).singleElement().satisfies(e -> {
      assertThat(e.hostname()).isEqualTo("ws-40");
      assertThat(e.patches().lastPatchedOn()).isNull();
    });
    assertThat(result.warnings()).singleElement()
        .hasToString("ws-40/hotfix.csv:2: ws-40: no hotfix has an InstalledOn date");
  }
}
