package dev.ctpat.adapters.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.Source;
import dev.ctpat.adapters.Fixtures;
import org.junit.jupiter.api.Test;

class ClamAvAdapterTest {

  @Test
  void versionLineGivesTheSignatureAgeUpToTheCollectionDay() {
    String file = "endpoint/web01/clamscan-version.txt";
    AdapterResult result = Fixtures.read(new ClamAvAdapter(), file);

    assertThat(result.warnings()).isEmpty();
    Endpoint endpoint = result.evidence().endpoints().get(0);
    assertThat(endpoint.hostname()).isEqualTo("web01");
    assertThat(endpoint.antimalware()).isEqualTo(
        new Endpoint.Antimalware("ClamAV", null, null, 5, Source.of(file, 1, "clamav")));
  }

  @Test
  void freshclamLogCountsFromTheLastRunThatFoundTheDailyDatabaseCurrent() {
    String file = "endpoint/db02/freshclam.log";
    AdapterResult result = Fixtures.read(new ClamAvAdapter(), file);

    Endpoint endpoint = result.evidence().endpoints().get(0);
    assertThat(endpoint.hostname()).isEqualTo("db02");
    assertThat(endpoint.antimalware().signatureAgeDays()).isEqualTo(2);
    assertThat(endpoint.antimalware().source().line()).isEqualTo(9);
  }

  @Test
  void signatureBuildTimeIsPreferredOverTheLastCheck() {
    AdapterResult result = Fixtures.readText(new ClamAvAdapter(), "h/clam.txt", """
        ClamAV update process started at Thu Nov 26 09:40:01 2026
        daily.cld database is up-to-date (version: 27106)
        ClamAV 1.0.3/27106/Mon Nov 23 08:12:00 2026
        """);

    assertThat(result.evidence().endpoints().get(0).antimalware().signatureAgeDays()).isEqualTo(4);
  }

  @Test
  void withoutACollectionDayTheAgeIsUnknownAndWarned() {
    AdapterResult result = new ClamAvAdapter().read(
        new EvidenceInput("h/clam.txt", "ClamAV 1.0.3/27105/Sun Nov 22 09:37:41 2026\n"));

    assertThat(result.evidence().endpoints().get(0).antimalware().signatureAgeDays()).isNull();
    assertThat(result.warnings()).singleElement().hasToString(
        "h/clam.txt:1: the collection day is unknown, so the signature age is too");
  }

  @Test
  void versionWithoutDatabaseAndNoSuccessfulRunYieldsNothing() {
    AdapterResult result = Fixtures.readText(new ClamAvAdapter(), "h/clam.txt", """
        ClamAV update process started at Thu Nov 26 09:40:01 2026
        ERROR: Update failed.
        """);

    assertThat(result.evidence().endpoints()).isNull();
    assertThat(result.warnings()).hasSize(1);
  }
}
