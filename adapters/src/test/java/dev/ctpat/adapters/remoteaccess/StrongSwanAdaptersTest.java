package dev.ctpat.adapters.remoteaccess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter.Match;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.EvidenceJson;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.RemoteAccessGateway.AuthMethod;
import dev.ctpat.compliance.evidence.RemoteAccessGateway.Kind;
import dev.ctpat.compliance.evidence.Source;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrongSwanAdaptersTest {
  private static final String SWANCTL = "remoteaccess/swanctl.conf";
  private static final String IPSEC = "remoteaccess/ipsec.conf";

  private static List<RemoteAccessGateway> read(AdapterResult result) {
    assertThat(result.warnings()).isEmpty();
    return result.evidence().remoteAccess();
  }

  @Test
  void swanctlCertificateThenEapRoundsEnforceMfaWithoutWeaknesses() {
    List<RemoteAccessGateway> gateways =
        read(Fixtures.read(new StrongSwanSwanctlAdapter(), SWANCTL));

    assertThat(gateways.get(0)).isEqualTo(new RemoteAccessGateway(
        "strongswan:" + SWANCTL + ":rw-mfa", Kind.VPN, "strongSwan", null,
        List.of("aes256gcm16-prfsha384-ecp384", "aes256-sha256-modp3072", "aes256gcm16-ecp384"),
        List.of(AuthMethod.CERTIFICATE, AuthMethod.PASSWORD, AuthMethod.MFA), true, List.of(),
        null, null, Source.of(SWANCTL, 6, StrongSwanSwanctlAdapter.NAME)));
  }

  @Test
  void swanctlIkev1PskTunnelNamesEachWeakSetting() {
    List<RemoteAccessGateway> gateways =
        read(Fixtures.read(new StrongSwanSwanctlAdapter(), SWANCTL));

    assertThat(gateways).hasSize(2);
    assertThat(gateways.get(1)).isEqualTo(new RemoteAccessGateway(
        "strongswan:" + SWANCTL + ":broker-s2s", Kind.VPN, "strongSwan", null,
        List.of("3des-sha1-modp1024", "3des-md5"), List.of(AuthMethod.OTHER), false,
        List.of("ikev1", "ike proposal 3des", "ike proposal sha1", "ike proposal modp1024",
            "esp proposal 3des", "esp proposal md5", "aggressive mode", "psk auth"),
        null, null, Source.of(SWANCTL, 35, StrongSwanSwanctlAdapter.NAME)));
  }

  @Test
  void swanctlDefaultsAllowIkev1AndAuthenticateByCertificate() {
    List<RemoteAccessGateway> gateways = read(Fixtures.readText(new StrongSwanSwanctlAdapter(),
        "swanctl.conf", "connections {\n  home {\n    remote_addrs = %any\n  }\n}\n"));

    assertThat(gateways).singleElement().satisfies(g -> {
      assertThat(g.weaknesses()).containsExactly("ikev1 allowed");
      assertThat(g.authMethods()).containsExactly(AuthMethod.CERTIFICATE);
      assertThat(g.ciphers()).isNull();
      assertThat(g.mfaEnforced()).isFalse();
    });
  }

  @Test
  void swanctlUnclosedSectionIsWarnedAtItsLine() {
    AdapterResult result = Fixtures.readText(new StrongSwanSwanctlAdapter(), "swanctl.conf",
        "connections {\n  home {\n    version = 2\n");

    assertThat(result.evidence().remoteAccess()).hasSize(1);
    assertThat(result.warnings()).singleElement()
        .hasToString("swanctl.conf:2: section never closed");
  }

  @Test
  void ipsecConfRadiusRoadWarriorInheritsDefaultsAndLeavesMfaUnknown() {
    List<RemoteAccessGateway> gateways =
        read(Fixtures.read(new StrongSwanIpsecConfAdapter(), IPSEC));

    assertThat(gateways.get(0)).isEqualTo(new RemoteAccessGateway(
        "strongswan:" + IPSEC + ":roadwarrior", Kind.VPN, "strongSwan", null,
        List.of("aes256-sha256-modp2048", "aes256gcm16"), List.of(AuthMethod.RADIUS), null,
        List.of(), null, null, Source.of(IPSEC, 18, StrongSwanIpsecConfAdapter.NAME)));
  }

  @Test
  void ipsecConfXauthPskOverIkev1FromAlsoIsWeakAndNotMfa() {
    List<RemoteAccessGateway> gateways =
        read(Fixtures.read(new StrongSwanIpsecConfAdapter(), IPSEC));

    // warehouse-base (no auto=) and old-test (auto=ignore) are never loaded by strongSwan.
    assertThat(gateways).hasSize(2);
    assertThat(gateways.get(1)).isEqualTo(new RemoteAccessGateway(
        "strongswan:" + IPSEC + ":warehouse-xauth", Kind.VPN, "strongSwan", null,
        List.of("aes128-sha1-modp1024", "aes128-sha1"),
        List.of(AuthMethod.OTHER, AuthMethod.PASSWORD), false,
        List.of("ikev1", "ike proposal sha1", "ike proposal modp1024", "esp proposal sha1",
            "psk auth"),
        null, null, Source.of(IPSEC, 38, StrongSwanIpsecConfAdapter.NAME)));
  }

  @Test
  void ipsecConfSecondRoundOfAnotherKindIsMfa() {
    List<RemoteAccessGateway> gateways = read(Fixtures.readText(new StrongSwanIpsecConfAdapter(),
        "ipsec.conf", "conn rw\n\tkeyexchange=ikev2\n\trightauth=pubkey\n"
            + "\trightauth2=eap-mschapv2\n\tauto=add\n"));

    assertThat(gateways).singleElement().satisfies(g -> {
      assertThat(g.authMethods())
          .containsExactly(AuthMethod.CERTIFICATE, AuthMethod.PASSWORD, AuthMethod.MFA);
      assertThat(g.mfaEnforced()).isTrue();
      assertThat(g.weaknesses()).isEmpty();
    });
  }

  @Test
  void ipsecConfDefaultKeyExchangeAnswersIkev1() {
    List<RemoteAccessGateway> gateways = read(Fixtures.readText(new StrongSwanIpsecConfAdapter(),
        "ipsec.conf", "conn rw\n\tauthby=secret\n\tauto=add\n"));

    assertThat(gateways).singleElement().satisfies(g ->
        assertThat(g.weaknesses()).containsExactly("ikev1 allowed", "psk auth"));
  }

  @Test
  void ipsecConfAlsoNamingNoSectionIsWarned() {
    AdapterResult result = Fixtures.readText(new StrongSwanIpsecConfAdapter(), "ipsec.conf",
        "conn rw\n\talso=missing\n\tauto=add\n");

    assertThat(result.evidence().remoteAccess()).hasSize(1);
    assertThat(result.warnings()).singleElement()
        .hasToString("ipsec.conf:1: also=missing names no conn section");
  }

  @Test
  void eachAdapterRecognizesOnlyItsOwnFormat() {
    assertThat(new StrongSwanSwanctlAdapter().detect(Fixtures.input(IPSEC)))
        .isEqualTo(Match.NONE);
    assertThat(new StrongSwanIpsecConfAdapter().detect(Fixtures.input(SWANCTL)))
        .isEqualTo(Match.NONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Br0ker-Tunnel-PSK-7f3k9Q!zL2", "0sS3cr3tEapPw4jdoe",
      "Gw01-KeyPassphrase-x8Rm", "vpn-gw01.key"})
  void swanctlSecretsSectionNeverReachesTheDocument(String secret) {
    AdapterResult result = Fixtures.read(new StrongSwanSwanctlAdapter(), SWANCTL);

    assertThat(EvidenceJson.write(result.evidence())).doesNotContain(secret);
    assertThat(result.warnings().toString()).doesNotContain(secret);
  }
}
