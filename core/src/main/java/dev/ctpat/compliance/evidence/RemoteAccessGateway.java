package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One remote-access gateway (4.9): a VPN server, SSH daemon, RDP host and so on.
 *
 * @param tlsMinVersion lowest TLS version accepted, e.g. {@code "1.2"}; {@code null} when not
 *     TLS-based or unknown
 * @param weaknesses named weak settings, e.g. {@code "cipher BF-CBC"}; empty = none found
 * @param users users who can connect; {@code null} = unknown
 */
public record RemoteAccessGateway(
    String id,
    Kind kind,
    String product,
    String tlsMinVersion,
    List<String> ciphers,
    List<AuthMethod> authMethods,
    Boolean mfaEnforced,
    List<String> weaknesses,
    Boolean internetExposed,
    List<String> users,
    Source source) {

  public RemoteAccessGateway {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    ciphers = Immutables.list(ciphers);
    authMethods = Immutables.list(authMethods);
    weaknesses = Immutables.list(weaknesses);
    users = Immutables.list(users);
  }

  /** Kind of gateway. */
  public enum Kind {
    VPN, ZTNA, SSH, RDP, VNC, CITRIX, OTHER;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** An authentication method the gateway accepts or requires. */
  public enum AuthMethod {
    CERTIFICATE, PASSWORD, MFA, KEY, RADIUS, SAML, OTHER;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
