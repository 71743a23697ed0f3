package dev.ctpat.adapters.remoteaccess;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.KeyValue;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.RemoteAccessGateway.AuthMethod;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an OpenVPN server configuration. Weaknesses are named after the setting, e.g.
 * {@code "cipher BF-CBC"}, {@code "tls-version-min 1.0"}, {@code "duplicate-cn"},
 * {@code "password-only auth"}. Inline {@code <key>}, {@code <tls-auth>}, {@code <tls-crypt>},
 * {@code <secret>} blocks are skipped without reading their content. Authentication plugins and
 * scripts whose names mention OTP, TOTP, Duo, privacyIDEA or MFA count as an MFA signal.
 */
public final class OpenVpnAdapter implements EvidenceAdapter {
  public static final String NAME = "openvpn";

  private static final Set<String> WEAK_CIPHERS = Set.of("bf-cbc", "des-cbc", "des-ede-cbc",
      "des-ede3-cbc", "rc2-cbc", "rc2-40-cbc", "rc2-64-cbc", "cast5-cbc", "desx-cbc", "none");
  private static final Set<String> WEAK_DIGESTS = Set.of("md5", "md4", "none");
  private static final Pattern MFA_SIGNAL = Pattern.compile(
      "(?i)otp|totp|duo|privacyidea|linotp|google-authenticator|mfa|2fa");
  private static final Pattern INLINE_BLOCK = Pattern.compile("<(/?)([a-z0-9-]+)>");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    List<KeyValue> settings = KeyValue.parse(input.head(16 * 1024).lines().toList(), "#;");
    boolean dev = settings.stream().anyMatch(s -> s.is("dev") && s.value().matches("(?i)tun\\d*|tap\\d*"));
    boolean server = settings.stream().anyMatch(s -> s.is("server") || s.is("mode")
        || s.is("tls-server") || s.is("server-bridge"));
    if (dev && server) {
      return Match.CONTENT;
    }
    String name = input.fileName();
    return name.endsWith(".ovpn") || name.contains("openvpn") ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<KeyValue> settings = withoutInlineBlocks(input.lines());
    Set<String> inlineBlocks = inlineBlockNames(input.lines());
    List<String> weaknesses = new ArrayList<>();
    Set<String> ciphers = new LinkedHashSet<>();
    Set<AuthMethod> auth = new LinkedHashSet<>();
    String tlsMin = null;
    boolean clientCertRequired = true;
    boolean tlsWrapped = inlineBlocks.contains("tls-auth") || inlineBlocks.contains("tls-crypt")
        || inlineBlocks.contains("tls-crypt-v2");
    boolean mfa = false;
    boolean radius = false;
    boolean staticKey = inlineBlocks.contains("secret");
    for (KeyValue s : settings) {
      String key = s.key().toLowerCase(Locale.ROOT);
      switch (key) {
        case "cipher" -> ciphers.add(s.firstWord().toUpperCase(Locale.ROOT));
        case "data-ciphers", "ncp-ciphers" -> {
          for (String c : s.firstWord().split(":")) {
            ciphers.add(c.toUpperCase(Locale.ROOT));
          }
        }
        case "auth" -> {
          if (WEAK_DIGESTS.contains(s.firstWord())) {
            weaknesses.add("auth " + s.firstWord().toUpperCase(Locale.ROOT));
          }
        }
        case "tls-version-min" -> tlsMin = s.firstWord();
        case "tls-auth", "tls-crypt", "tls-crypt-v2" -> tlsWrapped = true;
        case "secret" -> staticKey = true;
        case "verify-client-cert" -> clientCertRequired = !s.firstWord().equals("none")
            && !s.firstWord().equals("optional");
        case "client-cert-not-required" -> clientCertRequired = false;
        case "duplicate-cn" -> weaknesses.add("duplicate-cn");
        case "comp-lzo", "compress" -> {
          if (!s.firstWord().equals("no") && !s.firstWord().equals("stub-v2")) {
            weaknesses.add("compression enabled");
          }
        }
        case "auth-user-pass-verify", "plugin" -> {
          auth.add(AuthMethod.PASSWORD);
          String lower = s.value().toLowerCase(Locale.ROOT);
          if (lower.contains("radius")) {
            radius = true;
          }
          mfa |= MFA_SIGNAL.matcher(s.value()).find();
        }
        default -> { }
      }
    }
    for (String cipher : ciphers) {
      if (WEAK_CIPHERS.contains(cipher.toLowerCase(Locale.ROOT))) {
        weaknesses.add("cipher " + cipher);
      }
    }
    if (tlsMin != null && (tlsMin.equals("1.0") || tlsMin.equals("1.1"))) {
      weaknesses.add("tls-version-min " + tlsMin);
    }
    if (staticKey) {
      weaknesses.add("static key");
    } else if (!tlsWrapped) {
      weaknesses.add("no tls-auth or tls-crypt");
    }
    if (clientCertRequired && !staticKey) {
      auth.add(AuthMethod.CERTIFICATE);
    }
    if (!clientCertRequired && auth.contains(AuthMethod.PASSWORD) && !mfa) {
      weaknesses.add("password-only auth");
    }
    if (radius) {
      auth.add(AuthMethod.RADIUS);
    }
    if (mfa) {
      auth.add(AuthMethod.MFA);
    }
    // RADIUS may or may not ask for a second factor; the config alone cannot tell.
    Boolean mfaEnforced = mfa ? Boolean.TRUE : radius ? null : Boolean.FALSE;
    RemoteAccessGateway gateway = new RemoteAccessGateway("openvpn:" + input.path(),
        RemoteAccessGateway.Kind.VPN, "OpenVPN",
        tlsMin != null && tlsMin.matches("1\\.[0-3]") ? tlsMin : null,
        List.copyOf(ciphers), List.copyOf(auth), mfaEnforced, weaknesses, null, null,
        context.source(1));
    return context.result(NormalizedEvidence.builder().addRemoteAccess(List.of(gateway)));
  }

  /** Settings outside inline {@code <tag>...</tag>} blocks; block content (keys) is never kept. */
  private static List<KeyValue> withoutInlineBlocks(List<String> lines) {
    List<String> kept = new ArrayList<>(lines.size());
    String open = null;
    for (String line : lines) {
      var matcher = INLINE_BLOCK.matcher(line.strip());
      if (matcher.matches()) {
        open = matcher.group(1).isEmpty() ? matcher.group(2) : null;
        kept.add("");
      } else {
        kept.add(open == null ? line : "");
      }
    }
    return KeyValue.parse(kept, "#;");
  }

  private static Set<String> inlineBlockNames(List<String> lines) {
    Set<String> names = new LinkedHashSet<>();
    for (String line : lines) {
      var matcher = INLINE_BLOCK.matcher(line.strip());
      if (matcher.matches() && matcher.group(1).isEmpty()) {
        names.add(matcher.group(2).toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
