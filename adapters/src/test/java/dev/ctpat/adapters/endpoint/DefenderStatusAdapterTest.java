package dev.ctpat.adapters.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.Source;
import org.junit.jupiter.api.Test;

class DefenderStatusAdapterTest {

  @Test
  void powerShell51Utf16ExportOfOneComputer() {
    AdapterResult result = Fixtures.read(new DefenderStatusAdapter(), "endpoint/defender-ps51.json");

    assertThat(result.warnings()).isEmpty();
    Endpoint host = result.evidence().endpoints().get(0);
    Source source = Source.of("endpoint/defender-ps51.json", 1, "defender-status");
    assertThat(host.hostname()).isEqualTo("TGL-WS-014");
    assertThat(host.antimalware()).isEqualTo(new Endpoint.Antimalware(
        "Microsoft Defender Antivirus", true, true, 1, source));
  }

  @Test
  void powerShell7ArrayGivesOneEndpointPerComputerWithItsLine() {
    AdapterResult result = Fixtures.read(new DefenderStatusAdapter(), "endpoint/defender-ps7.json");

    assertThat(result.evidence().endpoints()).extracting(Endpoint::hostname)
        .containsExactly("TGL-SRV-01", "TGL-WS-022");
    Endpoint stale = result.evidence().endpoints().get(1);
    assertThat(stale.antimalware().realtime()).isFalse();
    assertThat(stale.antimalware().signatureAgeDays()).isEqualTo(9);
    assertThat(stale.source().line()).isEqualTo(10);
  }

  @Test
  void hostnameFallsBackToFileName() {
    AdapterResult result = Fixtures.readText(new DefenderStatusAdapter(), "hosts/WS-7.defender.json",
        "{\"AntivirusEnabled\": false, \"RealTimeProtectionEnabled\": false}");

    Endpoint host = result.evidence().endpoints().get(0);
    assertThat(host.hostname()).isEqualTo("WS-7");
    assertThat(host.antimalware().enabled()).isFalse();
    assertThat(host.antimalware().signatureAgeDays()).isNull();
  }

  @Test
  void powerShell51DateOfTheLastUpdateGivesTheAgeWhenTheAgeWasNotSelected() {
    AdapterResult result =
        Fixtures.read(new DefenderStatusAdapter(), "endpoint/defender-select-ps51.json");

    assertThat(result.evidence().endpoints())
        .extracting(Endpoint::hostname, e -> e.antimalware().signatureAgeDays())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TGL-WS-031", 3),
            org.assertj.core.groups.Tuple.tuple("TGL-WS-032", 14));
  }

  @Test
  void powerShell7IsoDateOfTheLastUpdateGivesTheAgeToo() {
    AdapterResult result = Fixtures.readText(new DefenderStatusAdapter(), "ws-9.json",
        "{\"AntivirusEnabled\": true, \"RealTimeProtectionEnabled\": true,"
            + " \"AntivirusSignatureLastUpdated\": \"2026-11-26T23:30:00+01:00\"}");

    assertThat(result.evidence().endpoints().get(0).antimalware().signatureAgeDays()).isEqualTo(1);
  }

  @Test
  void hostnameFallsBackToTheFolderWhenTheFileIsNamedAfterTheCommand() {
    AdapterResult result = Fixtures.readText(new DefenderStatusAdapter(), "hosts/WS-8/defender.json",
        "{\"AntivirusEnabled\": true, \"RealTimeProtectionEnabled\": true}");

    assertThat(result.evidence().endpoints().get(0).hostname()).isEqualTo("WS-8");
  }
}
