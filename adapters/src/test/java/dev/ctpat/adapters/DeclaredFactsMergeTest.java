package dev.ctpat.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.Backup;
import dev.ctpat.compliance.evidence.DeviceControl;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.EvidenceFile;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the collector merges what ctpat.yaml states into what the exports measured. */
class DeclaredFactsMergeTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);
  private static final String AD_USERS = """
      "SamAccountName","Enabled","EmployeeID","LastLogonDate","adminCount","ServicePrincipalName","MemberOf"
      "hbauer","True","R-1003","11/26/2026 5:12:40 PM","1","",""
      "lnguyen","True","R-1011","11/27/2026 7:02:15 AM","","",""
      """;

  @TempDir Path dir;

  private CollectionResult collect(String ctpatYaml) throws IOException {
    write("ctpat.yaml", "organization:\n  name: ACME\n" + ctpatYaml);
    return Collector.collect(dir, CLOCK);
  }

  private void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static Source yaml(int line) {
    return Source.of("ctpat.yaml", line, "program-file");
  }

  private static Account account(CollectionResult result, String id) {
    return result.evidence().accounts().stream().filter(a -> a.id().equals(id)).findFirst()
        .orElseThrow();
  }

  @Test
  void statedAccountAttributesFillTheNullsOfTheExportedAccount() throws IOException {
    write("identity/ad-users.csv", AD_USERS);

    CollectionResult result = collect("""
        accounts:
          - id: hbauer
            system: ad
            shared: false
            mfa_enrolled: true
        """);

    Account hbauer = account(result, "hbauer");
    assertThat(hbauer.shared()).isFalse();
    assertThat(hbauer.mfaEnrolled()).isTrue();
    assertThat(hbauer.personId()).isEqualTo("R-1003");
    assertThat(hbauer.source().file()).isEqualTo("identity/ad-users.csv");
    assertThat(result.evidence().accounts()).hasSize(2);
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void measuredValueWinsOverTheStatedOne() throws IOException {
    write("identity/ad-users.csv", AD_USERS);

    CollectionResult result = collect("""
        accounts:
          - id: hbauer
            privileged: false
            enabled: false
        """);

    assertThat(account(result, "hbauer").privileged()).isTrue();
    assertThat(account(result, "hbauer").enabled()).isTrue();
  }

  @Test
  void accountWithoutSystemMatchesCaseInsensitivelyOnEverySystem() throws IOException {
    write("identity/ad-users.csv", AD_USERS);

    CollectionResult result = collect("""
        accounts:
          - id: LNGUYEN
            shared: false
        """);

    assertThat(account(result, "lnguyen").shared()).isFalse();
    assertThat(account(result, "hbauer").shared()).isNull();
  }

  @Test
  void unknownAccountWithASystemBecomesAnAccountWithItsYamlSource() throws IOException {
    write("identity/ad-users.csv", AD_USERS);

    CollectionResult result = collect("""
        accounts:
          - id: kiosk
            system: entra
            shared: true
        """);

    assertThat(account(result, "kiosk")).isEqualTo(new Account("kiosk", "entra", null, null, true,
        null, null, null, null, null, null, yaml(4)));
    assertThat(result.evidence().accounts()).hasSize(3);
  }

  @Test
  void unknownAccountWithoutASystemIsAWarningOnItsLine() throws IOException {
    CollectionResult result = collect("""
        accounts:
          - id: ghost
            shared: false
        """);

    assertThat(result.evidence().accounts()).isEmpty();
    String warning = "ctpat.yaml:4: account ghost matches no exported account and names no system;"
        + " ignored";
    assertThat(result.warnings()).extracting(Object::toString).containsExactly(warning);
    assertThat(result.evidence().evidenceFiles()).filteredOn(f -> f.path().equals("ctpat.yaml"))
        .singleElement().extracting(EvidenceFile::warnings).isEqualTo(List.of(warning));
  }

  @Test
  void hostPatchStateIsFilledFieldByFieldAndTheExportKeepsItsSource() throws IOException {
    write("endpoints/hotfixes.csv", """
        "Source","Description","HotFixID","InstalledBy","InstalledOn"
        "RPC-ERP01","Security Update","KB5046617","NT AUTHORITY\\SYSTEM","11/19/2026 12:00:00 AM"
        """);

    CollectionResult result = collect("""
        endpoints:
          - hostname: rpc-erp01
            owner_type: company
            patches:
              pending_security_updates: 0
              last_patched_on: 2020-01-01
        """);

    Endpoint host = result.evidence().endpoints().get(0);
    assertThat(host.hostname()).isEqualTo("RPC-ERP01");
    assertThat(host.ownerType()).isEqualTo(Endpoint.OwnerType.COMPANY);
    assertThat(host.patches().pendingSecurityUpdates()).isZero();
    assertThat(host.patches().lastPatchedOn()).isEqualTo(LocalDate.of(2026, 11, 19));
    assertThat(host.patches().source().file()).isEqualTo("endpoints/hotfixes.csv");
    assertThat(result.evidence().endpoints()).hasSize(1);
  }

  @Test
  void unknownHostBecomesAnEndpointWithItsYamlSource() throws IOException {
    CollectionResult result = collect("""
        endpoints:
          - hostname: KIOSK-1
            owner_type: personal
        """);

    assertThat(result.evidence().endpoints()).singleElement().isEqualTo(new Endpoint("KIOSK-1",
        null, null, null, Endpoint.OwnerType.PERSONAL, null, null, null, null, null, null, yaml(4)));
  }

  @Test
  void backupAttributesFillEverySystemOfTheRepository() throws IOException {
    write("backups/restic-snapshots.json", """
        [
          {"time":"2026-11-26T01:00:04Z","tree":"a","paths":["/srv"],"hostname":"erp01","id":"b83c5e0f1a2d4967","short_id":"b83c5e0f"},
          {"time":"2026-11-26T02:00:04Z","tree":"b","paths":["/srv"],"hostname":"files01","id":"c83c5e0f1a2d4967","short_id":"c83c5e0f"}
        ]
        """);

    CollectionResult result = collect("""
        backups:
          - repository: restic:backups/restic-snapshots.json
            offsite: true
            network_isolated: false
        """);

    assertThat(result.evidence().backups()).hasSize(2)
        .allSatisfy(b -> assertThat(b.offsite()).isTrue())
        .allSatisfy(b -> assertThat(b.networkIsolated()).isFalse())
        .allSatisfy(b -> assertThat(b.source().adapter()).isEqualTo("restic"));
  }

  @Test
  void unknownBackupWithASystemBecomesABackup() throws IOException {
    CollectionResult result = collect("""
        backups:
          - repository: tape-vault
            system: erp01
            offsite: true
        """);

    assertThat(result.evidence().backups()).containsExactly(
        new Backup("erp01", "tape-vault", null, null, true, null, yaml(4)));
  }

  @Test
  void gatewayUsersFillTheExportedGatewayWhoseKindIsKept() throws IOException {
    write("network/openvpn/server.conf",
        Files.readString(Fixtures.directory().resolve("remoteaccess/openvpn-strong.conf")));

    CollectionResult result = collect("""
        remote_access:
          - id: openvpn:network/openvpn/server.conf
            users: [hbauer]
        """);

    assertThat(result.evidence().remoteAccess()).singleElement().satisfies(g -> {
      assertThat(g.kind()).isEqualTo(RemoteAccessGateway.Kind.VPN);
      assertThat(g.users()).containsExactly("hbauer");
      assertThat(g.source().adapter()).isEqualTo("openvpn");
    });
  }

  @Test
  void statedNetworkAndDeviceControlStandAloneWithoutAnExport() throws IOException {
    CollectionResult result = collect("""
        device_control:
          removable_media: read_only
        """);

    NormalizedEvidence evidence = result.evidence();
    assertThat(evidence.deviceControl()).isEqualTo(
        new DeviceControl(DeviceControl.RemovableMedia.READ_ONLY, null, yaml(4)));
    assertThat(evidence.network()).isNull();
  }

  @Test
  void mergedDirectoryFitsTheSchema() throws IOException {
    write("identity/ad-users.csv", AD_USERS);

    CollectionResult result = collect("""
        accounts:
          - id: hbauer
            mfa_enrolled: true
          - id: kiosk
            system: entra
        remote_access:
          - id: citrix-gw
            users: []
        """);

    assertThat(Fixtures.schemaViolations(result.evidence())).isEmpty();
  }
}
