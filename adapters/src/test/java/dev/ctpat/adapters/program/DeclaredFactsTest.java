package dev.ctpat.adapters.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.Backup;
import dev.ctpat.compliance.evidence.DeviceControl;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.Network;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.Source;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fact sections of ctpat.yaml: network, device_control, accounts, backups, remote_access, endpoints. */
class DeclaredFactsTest {
  private static final String FILE = "program/ctpat.yaml";
  private static final NormalizedEvidence EXAMPLE =
      Fixtures.read(new ProgramFileAdapter(), FILE).evidence();

  private static Source line(int line) {
    return Source.of(FILE, line, "program-file");
  }

  private static AdapterResult read(String yaml) {
    return Fixtures.readText(new ProgramFileAdapter(), "ctpat.yaml", yaml);
  }

  @Test
  void networkMapsOneToOneWithTheLineOfEachPart() {
    Network network = EXAMPLE.network();

    assertThat(network.perimeterFirewalls()).containsExactly(new Network.PerimeterFirewall(
        "fw-edge-01", "FortiGate 60F", Network.InboundAction.DENY, line(219)));
    assertThat(network.externalExposure()).isEqualTo(new Network.ExternalExposure(
        LocalDate.of(2026, 11, 16), List.of(new Network.OpenService("203.0.113.10", 443, "https")),
        line(224)));
    assertThat(network.accessControl())
        .isEqualTo(new Network.AccessControl(true, "conditional_access", line(230)));
  }

  @Test
  void deviceControlMapsOneToOne() {
    assertThat(EXAMPLE.deviceControl())
        .isEqualTo(new DeviceControl(DeviceControl.RemovableMedia.BLOCKED, true, line(235)));
  }

  @Test
  void accountsCarryOnlyWhatIsStated() {
    assertThat(EXAMPLE.accounts()).containsExactly(
        new Account("jdoe", "ad", null, null, false, null, null, null, true, null, null, line(241)),
        new Account("svc-backup", "ad", null, "E-1001", null, true, true,
            null, null, null, null, line(245)),
        new Account("frontdesk", "ad", null, null, true, null, null, null, null, null,
            "EXC-2026-03", line(250)));
  }

  @Test
  void accountWithoutASystemNamesTheWildcardSystem() {
    assertThat(read("accounts:\n  - id: jdoe\n    shared: false\n").evidence().accounts())
        .singleElement()
        .satisfies(a -> assertThat(a.system()).isEqualTo(ProgramFileAdapter.ANY_SYSTEM));
  }

  @Test
  void backupsCarryOffsiteIsolationAndEncryption() {
    assertThat(EXAMPLE.backups()).containsExactly(new Backup(
        "wms", "restic:backups/restic-snapshots.json", null, true, true, true, line(257)));
  }

  @Test
  void remoteAccessCarriesUsersAndDefaultsKindToOther() {
    assertThat(EXAMPLE.remoteAccess()).containsExactly(
        new RemoteAccessGateway("openvpn:network/openvpn/server.conf",
            RemoteAccessGateway.Kind.OTHER, null, null, null, null, null, null, null,
            List.of("jdoe", "asmith"), line(265)),
        new RemoteAccessGateway("citrix-gw", RemoteAccessGateway.Kind.CITRIX, "Citrix Gateway",
            null, null, null, true, null, true, List.of("jdoe"), line(267)));
  }

  @Test
  void endpointsCarryHostFactsAndPatchStateWithTheirLines() {
    assertThat(EXAMPLE.endpoints()).containsExactly(new Endpoint("WS-7", null, null,
        Endpoint.Role.WORKSTATION, Endpoint.OwnerType.COMPANY, true, true,
        new Endpoint.Patches(0, null, LocalDate.of(2026, 11, 19), line(282)),
        null, null, null, line(276)));
  }

  @Test
  void absentSectionsStayAbsent() {
    NormalizedEvidence evidence = read("organization:\n  name: ACME\n").evidence();

    assertThat(evidence.network()).isNull();
    assertThat(evidence.deviceControl()).isNull();
    assertThat(evidence.accounts()).isNull();
    assertThat(evidence.backups()).isNull();
    assertThat(evidence.remoteAccess()).isNull();
    assertThat(evidence.endpoints()).isNull();
  }

  @Test
  void emptyOpenServicesMeansNothingIsOpen() {
    NormalizedEvidence evidence = read("""
        network:
          external_exposure:
            scanned_on: 2026-11-01
            open_services: []
        """).evidence();

    assertThat(evidence.network().externalExposure().openServices()).isEmpty();
  }

  @Test
  void badValuesWarnWithTheirLineAndSkipOnlyTheirEntry() {
    AdapterResult result = read("""
        network:
          external_exposure:
            scanned_on: 2026-11-01
          perimeter_firewalls:
            - product: pfSense
        device_control:
          removable_media: sometimes
        accounts:
          - system: ad
            shared: maybe
          - id: Ünal
            mfa_enrolled: true
        endpoints:
          - hostname: WS-1
            patches:
              pending_security_updates: -2
        """);

    assertThat(result.warnings()).extracting(Object::toString).containsExactlyInAnyOrder(
        "ctpat.yaml:3: external exposure has no open_services (write [] for none); entry skipped",
        "ctpat.yaml:5: perimeter firewall has no name; entry skipped",
        "ctpat.yaml:7: removable_media 'sometimes' is not one of blocked, read_only, scanned, allowed",
        "ctpat.yaml:9: account has no id; entry skipped",
        "ctpat.yaml:16: pending_security_updates must not be negative; ignored");
    NormalizedEvidence evidence = result.evidence();
    assertThat(evidence.network().externalExposure()).isNull();
    assertThat(evidence.network().perimeterFirewalls()).isEmpty();
    assertThat(evidence.deviceControl().removableMedia()).isNull();
    assertThat(evidence.accounts()).singleElement()
        .satisfies(a -> assertThat(a.id()).isEqualTo("Ünal"));
    assertThat(evidence.endpoints().get(0).patches().pendingSecurityUpdates()).isNull();
  }

  @Test
  void portOutsideTheRangeSkipsTheService() {
    AdapterResult result = read("""
        network:
          external_exposure:
            scanned_on: 2026-11-01
            open_services:
              - address: 198.51.100.7
                port: 70000
        """);

    assertThat(result.warnings()).extracting(Object::toString).containsExactly(
        "ctpat.yaml:5: open service 198.51.100.7 needs a port from 0 to 65535; entry skipped");
    assertThat(result.evidence().network().externalExposure().openServices()).isEmpty();
  }
}
