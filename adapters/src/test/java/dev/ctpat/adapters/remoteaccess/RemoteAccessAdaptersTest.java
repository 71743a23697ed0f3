package dev.ctpat.adapters.remoteaccess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.RemoteAccessGateway.AuthMethod;
import dev.ctpat.compliance.evidence.Source;
import org.junit.jupiter.api.Test;

class RemoteAccessAdaptersTest {

  private static RemoteAccessGateway only(AdapterResult result) {
    assertThat(result.evidence().remoteAccess()).hasSize(1);
    return result.evidence().remoteAccess().get(0);
  }

  @Test
  void hardenedOpenVpnHasCertificateAndTotpAndNoWeaknesses() {
    RemoteAccessGateway vpn = only(Fixtures.read(new OpenVpnAdapter(), "remoteaccess/openvpn-strong.conf"));

    assertThat(vpn.kind()).isEqualTo(RemoteAccessGateway.Kind.VPN);
    assertThat(vpn.tlsMinVersion()).isEqualTo("1.2");
    assertThat(vpn.ciphers()).containsExactly("AES-256-GCM", "CHACHA20-POLY1305");
    assertThat(vpn.authMethods())
        .containsExactlyInAnyOrder(AuthMethod.CERTIFICATE, AuthMethod.PASSWORD, AuthMethod.MFA);
    assertThat(vpn.mfaEnforced()).isTrue();
    assertThat(vpn.weaknesses()).isEmpty();
    assertThat(vpn.source()).isEqualTo(Source.of("remoteaccess/openvpn-strong.conf", 1, "openvpn"));
  }

  @Test
  void legacyOpenVpnNamesEachWeakSetting() {
    RemoteAccessGateway vpn = only(Fixtures.read(new OpenVpnAdapter(), "remoteaccess/openvpn-weak.conf"));

    assertThat(vpn.weaknesses()).containsExactlyInAnyOrder("cipher BF-CBC", "auth MD5",
        "tls-version-min 1.0", "duplicate-cn", "password-only auth", "compression enabled",
        "no tls-auth or tls-crypt");
    assertThat(vpn.authMethods()).containsExactly(AuthMethod.PASSWORD);
    assertThat(vpn.mfaEnforced()).isFalse();
    assertThat(vpn.tlsMinVersion()).isEqualTo("1.0");
  }

  @Test
  void openVpnRadiusPluginLeavesMfaUnknown() {
    RemoteAccessGateway vpn = only(Fixtures.readText(new OpenVpnAdapter(), "r.conf",
        "dev tun\nserver 10.0.0.0 255.255.255.0\ntls-crypt ta.key\n"
            + "plugin /usr/lib/openvpn/radiusplugin.so /etc/openvpn/radius.cnf\n"));

    assertThat(vpn.mfaEnforced()).isNull();
    assertThat(vpn.authMethods()).contains(AuthMethod.RADIUS);
  }

  @Test
  void sshdFirstValueWinsAndMatchBlocksAreIgnored() {
    RemoteAccessGateway ssh = only(Fixtures.read(new SshdConfigAdapter(), "remoteaccess/sshd_config"));

    assertThat(ssh.kind()).isEqualTo(RemoteAccessGateway.Kind.SSH);
    assertThat(ssh.authMethods()).containsExactly(AuthMethod.KEY);
    assertThat(ssh.weaknesses()).containsExactly("PermitRootLogin yes", "cipher aes128-cbc");
    assertThat(ssh.mfaEnforced()).isFalse();
  }

  @Test
  void sshdDefaultsAllowPasswords() {
    RemoteAccessGateway ssh = only(Fixtures.readText(new SshdConfigAdapter(), "sshd_config",
        "Port 22\nUsePAM yes\n"));

    assertThat(ssh.authMethods()).containsExactly(AuthMethod.KEY, AuthMethod.PASSWORD);
    assertThat(ssh.weaknesses()).containsExactly("PasswordAuthentication yes");
    assertThat(ssh.ciphers()).isNull();
  }

  @Test
  void sshdTwoFactorAuthenticationMethodsEnforceMfa() {
    RemoteAccessGateway ssh = only(Fixtures.readText(new SshdConfigAdapter(), "sshd_config",
        "AuthenticationMethods publickey,keyboard-interactive\nPasswordAuthentication no\n"));

    assertThat(ssh.mfaEnforced()).isTrue();
    assertThat(ssh.authMethods()).contains(AuthMethod.MFA);
  }

  @Test
  void wireGuardNamesPeersAndHasNoMfa() {
    AdapterResult result = Fixtures.read(new WireGuardAdapter(), "remoteaccess/wg0.conf");
    RemoteAccessGateway wg = only(result);

    assertThat(result.warnings()).isEmpty();
    assertThat(wg.users()).containsExactly("alice-laptop", "bob-phone");
    assertThat(wg.authMethods()).containsExactly(AuthMethod.KEY);
    assertThat(wg.mfaEnforced()).isFalse();
    assertThat(wg.source().line()).isEqualTo(1);
  }
}
