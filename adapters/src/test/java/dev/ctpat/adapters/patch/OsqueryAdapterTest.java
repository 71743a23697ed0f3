package dev.ctpat.adapters.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.SoftwareComponent;
import dev.ctpat.compliance.evidence.SoftwareComponent.LicenseStatus;
import dev.ctpat.compliance.evidence.Source;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OsqueryAdapterTest {
  private static final String LOG = "patch/osqueryd.results.log";
  private static final Instant SNAPSHOT_TIME = Instant.parse("2026-11-24T08:00:00Z");
  private static final Instant LATEST_TIME = Instant.parse("2026-11-26T06:00:00Z");

  @Test
  void shellOutputOfOsVersionNamesTheHostsOs() {
    String file = "patch/web01/osquery-os_version.json";
    AdapterResult result = Fixtures.read(new OsqueryAdapter(), file);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().software()).isNull();
    assertThat(result.evidence().endpoints()).singleElement().isEqualTo(
        Endpoint.named("web01", Source.of(file, 2, "osquery"))
            .withOs("Ubuntu", "22.04.5 LTS (Jammy Jellyfish)"));
  }

  @Test
  void resultsLogGivesOsAndNewestHotfixWithTheEventTime() {
    AdapterResult result = Fixtures.read(new OsqueryAdapter(), LOG);

    Endpoint endpoint = result.evidence().endpoints().get(0);
    assertThat(endpoint.hostname()).isEqualTo("TGL-WS-014");
    assertThat(endpoint.os()).isEqualTo("Microsoft Windows 11 Pro");
    assertThat(endpoint.osVersion()).isEqualTo("10.0.22631");
    assertThat(endpoint.patches()).isEqualTo(new Endpoint.Patches(null, null,
        LocalDate.of(2026, 11, 12), new Source(LOG, 2, "osquery", LATEST_TIME)));
  }

  @Test
  void differentialRowsAddAndRemovePrograms() {
    AdapterResult result = Fixtures.read(new OsqueryAdapter(), LOG);

    assertThat(result.evidence().software()).containsExactly(
        new SoftwareComponent("Adobe Acrobat (64-bit)", "24.004.20220", "Adobe", null,
            LicenseStatus.UNKNOWN, 1, null, new Source(LOG, 3, "osquery", LATEST_TIME)),
        new SoftwareComponent("7-Zip 24.08 (x64)", "24.08", "Igor Pavlov", null,
            LicenseStatus.UNKNOWN, 1, null, new Source(LOG, 4, "osquery", LATEST_TIME)));
  }

  @Test
  void rowsOfOtherQueriesAreSkippedWithOneWarning() {
    AdapterResult result = Fixtures.read(new OsqueryAdapter(), LOG);

    assertThat(result.warnings()).extracting(Object::toString).containsExactly(
        LOG + ":7: rows of a query other than os_version, patches or programs are skipped");
  }

  @Test
  void brokenLogLineIsWarnedAndTheOthersAreRead() {
    AdapterResult result = Fixtures.readText(new OsqueryAdapter(), "r.log", """
        {"hostIdentifier":"h1","unixTime":1795507200,"action":"snapshot","snapshot":[{"name":"Debian GNU/Linux","version":"12 (bookworm)","major":"12","platform":"debian"}]}
        {"hostIdentifier":"h1","unixTime":17955
        """);

    assertThat(result.evidence().endpoints()).singleElement().satisfies(e -> {
      assertThat(e.os()).isEqualTo("Debian GNU/Linux");
      assertThat(e.source()).isEqualTo(new Source("r.log", 1, "osquery", SNAPSHOT_TIME));
    });
    assertThat(result.warnings()).singleElement().satisfies(w -> assertThat(w.line()).isEqualTo(2));
  }
}
