package dev.ctpat.adapters.remoteaccess;

import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.RemoteAccessGateway.AuthMethod;
import dev.ctpat.compliance.evidence.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What strongSwan's {@code swanctl.conf} and {@code ipsec.conf} have in common: the meaning of
 * their {@code auth} values and which proposal algorithms are weak. The authentication of a
 * gateway is how its clients (the {@code remote} side) authenticate; two rounds of different
 * kinds (e.g. a certificate, then EAP) are MFA. EAP-RADIUS may or may not ask for a second
 * factor, so it leaves MFA unknown.
 */
final class StrongSwanAuth {
  /** Ciphers, integrity algorithms and Diffie-Hellman groups that no longer protect a tunnel. */
  private static final Set<String> WEAK_ALGORITHMS = Set.of("des", "3des", "blowfish", "cast128",
      "null", "md5", "sha1", "modp768", "modp1024", "modp1536");

  private StrongSwanAuth() {}

  /** The method of one {@code auth} value, e.g. {@code pubkey}, {@code eap-mschapv2}. */
  static AuthMethod method(String auth) {
    String value = auth.toLowerCase(Locale.ROOT);
    if (value.startsWith("eap-radius")) {
      return AuthMethod.RADIUS;
    }
    if (value.equals("pubkey") || value.equals("rsasig") || value.equals("ecdsasig")
        || value.startsWith("rsa") || value.startsWith("ecdsa") || value.startsWith("ed25519")
        || value.startsWith("ed448") || value.equals("eap-tls")) {
      return AuthMethod.CERTIFICATE;
    }
    if (value.startsWith("eap") || value.startsWith("xauth")) {
      return AuthMethod.PASSWORD;
    }
    return AuthMethod.OTHER;
  }

  /** {@code psk} (swanctl.conf), {@code secret}, {@code psk}, {@code xauthpsk} (ipsec.conf). */
  static boolean isPsk(String auth) {
    String value = auth.toLowerCase(Locale.ROOT);
    return value.equals("psk") || value.equals("secret") || value.equals("xauthpsk");
  }

  /** The weak algorithms of a proposal list, e.g. {@code "ike proposal 3des"}. */
  static List<String> weakAlgorithms(String kind, List<String> proposals) {
    Set<String> weak = new LinkedHashSet<>();
    for (String proposal : proposals) {
      for (String algorithm : proposal.toLowerCase(Locale.ROOT).split("-")) {
        if (WEAK_ALGORITHMS.contains(algorithm)) {
          weak.add(kind + " proposal " + algorithm);
        }
      }
    }
    return new ArrayList<>(weak);
  }

  /** Comma-separated proposals without ipsec.conf's strict-mode {@code !}. */
  static List<String> proposals(String value) {
    List<String> proposals = new ArrayList<>();
    for (String proposal : value.split(",")) {
      String stripped = proposal.strip();
      if (stripped.endsWith("!")) {
        stripped = stripped.substring(0, stripped.length() - 1);
      }
      if (!stripped.isEmpty() && !stripped.equals("default")) {
        proposals.add(stripped);
      }
    }
    return proposals;
  }

  /**
   * The gateway of one connection.
   *
   * @param rounds the client's authentication rounds, in order, e.g. {@code [pubkey, eap-md5]}
   */
  static RemoteAccessGateway gateway(String id, List<String> ciphers, List<String> rounds,
      List<String> weaknesses, Source source) {
    Set<AuthMethod> methods = new LinkedHashSet<>();
    // A key shared by every client identifies nobody, so it is no factor of its own.
    Set<AuthMethod> factors = new LinkedHashSet<>();
    for (String round : rounds) {
      methods.add(method(round));
      if (isPsk(round)) {
        weaknesses.add("psk auth");
      } else {
        factors.add(method(round));
      }
    }
    Boolean mfa = methods.contains(AuthMethod.RADIUS) ? null : factors.size() >= 2;
    if (Boolean.TRUE.equals(mfa)) {
      methods.add(AuthMethod.MFA);
    }
    return new RemoteAccessGateway(id, RemoteAccessGateway.Kind.VPN, "strongSwan", null,
        ciphers, List.copyOf(methods), mfa, List.copyOf(new LinkedHashSet<>(weaknesses)), null,
        null, source);
  }
}
