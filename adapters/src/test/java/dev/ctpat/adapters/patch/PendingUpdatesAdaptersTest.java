package dev.ctpat.adapters.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.Source;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PendingUpdatesAdaptersTest {

  private static Endpoint only(AdapterResult result) {
    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().endpoints()).hasSize(1);
    return result.evidence().endpoints().get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // file, host, pending, line
      "patch/web01/apt-upgradable.txt, web01, 3, 5",
      "patch/db02.apt-upgradable.txt, db02, 0, 1"})
  void aptCountsPackagesFromSecuritySuites(String file, String host, int pending, int line) {
    Endpoint endpoint = only(Fixtures.read(new AptUpgradableAdapter(), file));

    assertThat(endpoint.hostname()).isEqualTo(host);
    assertThat(endpoint.patches()).isEqualTo(new Endpoint.Patches(pending, null, null,
        Source.of(file, line, "apt-upgradable")));
  }

  @Test
  void aptErrorYieldsNothingRatherThanNonePending() {
    String file = "patch/app03/apt-upgradable.txt";
    AdapterResult result = Fixtures.read(new AptUpgradableAdapter(), file);

    assertThat(result.evidence().endpoints()).isNull();
    assertThat(result.warnings()).singleElement().hasToString(file + ":2: apt reported an error, "
        + "so the list of updates is incomplete: E: Could not get lock /var/lib/apt/lists/lock. "
        + "It is held by process 2231 (apt-get)");
  }

  @Test
  void germanEmptyListIsOnlyRecognizedByItsName() {
    assertThat(new AptUpgradableAdapter().detect(Fixtures.input("patch/db02.apt-upgradable.txt")))
        .isEqualTo(EvidenceAdapter.Match.NAME);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "null", value = {
      // file, host, pending, oldest pending, line
      "patch/rhel-app04.dnf-security.txt, rhel-app04, 3, null, 3",
      "patch/fedora-ws05.dnf5-advisories.txt, fedora-ws05, 3, 2026-11-02, 4",
      "patch/centos7-legacy.yum-security.txt, centos7-legacy, 0, null, 1"})
  void dnfAndYumCountPendingSecurityPackages(String file, String host, int pending,
      LocalDate oldest, int line) {
    Endpoint endpoint = only(Fixtures.read(new DnfSecurityUpdatesAdapter(), file));

    assertThat(endpoint.hostname()).isEqualTo(host);
    assertThat(endpoint.patches()).isEqualTo(new Endpoint.Patches(pending, oldest, null,
        Source.of(file, line, "dnf-updateinfo")));
  }

  @Test
  void dnfMetadataErrorYieldsNothing() {
    AdapterResult result = Fixtures.readText(new DnfSecurityUpdatesAdapter(), "h9.dnf.txt", """
        Errors during downloading metadata for repository 'baseos':
        Error: Failed to download metadata for repo 'baseos': Cannot download repomd.xml
        """);

    assertThat(result.evidence().endpoints()).isNull();
    assertThat(result.warnings()).singleElement().satisfies(w -> assertThat(w.line()).isEqualTo(2));
  }
}
