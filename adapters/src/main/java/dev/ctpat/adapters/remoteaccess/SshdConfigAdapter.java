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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an OpenSSH {@code sshd_config} (global section, before the first {@code Match}). As in
 * sshd, the first value of a keyword wins, and unset keywords take OpenSSH's documented
 * defaults (password and public-key authentication on). MFA is enforced when every
 * {@code AuthenticationMethods} list needs two methods.
 */
public final class SshdConfigAdapter implements EvidenceAdapter {
  public static final String NAME = "openssh";

  private static final Set<String> DETECTING_KEYWORDS = Set.of("passwordauthentication",
      "permitrootlogin", "pubkeyauthentication", "usepam", "subsystem", "authorizedkeysfile",
      "challengeresponseauthentication", "kbdinteractiveauthentication", "x11forwarding");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    long hits = KeyValue.parse(input.head(16 * 1024).lines().toList(), "#").stream()
        .filter(s -> DETECTING_KEYWORDS.contains(s.key().toLowerCase(Locale.ROOT)))
        .count();
    if (hits >= 2) {
      return Match.CONTENT;
    }
    return input.fileName().startsWith("sshd_config") ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    Map<String, KeyValue> first = globalSettings(input.lines());
    boolean password = flag(first, "passwordauthentication", true);
    boolean pubkey = flag(first, "pubkeyauthentication", true);
    boolean keyboard = flag(first, "kbdinteractiveauthentication",
        flag(first, "challengeresponseauthentication", true));
    KeyValue methods = first.get("authenticationmethods");
    boolean mfa = methods != null && everyListNeedsTwoMethods(methods.value());
    Set<AuthMethod> auth = new LinkedHashSet<>();
    if (pubkey) {
      auth.add(AuthMethod.KEY);
    }
    if (password || keyboard && flag(first, "usepam", false)) {
      auth.add(AuthMethod.PASSWORD);
    }
    if (mfa) {
      auth.add(AuthMethod.MFA);
    }
    List<String> weaknesses = new ArrayList<>();
    if (password && !mfa) {
      weaknesses.add("PasswordAuthentication yes");
    }
    addIfValue(first, "permitrootlogin", "yes", weaknesses);
    addIfValue(first, "permitemptypasswords", "yes", weaknesses);
    KeyValue protocol = first.get("protocol");
    if (protocol != null && protocol.value().contains("1")) {
      weaknesses.add("Protocol " + protocol.value());
    }
    List<String> ciphers = null;
    KeyValue cipherSetting = first.get("ciphers");
    if (cipherSetting != null) {
      ciphers = List.of(cipherSetting.value().split("\\s*,\\s*"));
      for (String cipher : ciphers) {
        String lower = cipher.toLowerCase(Locale.ROOT);
        if (lower.endsWith("-cbc") || lower.startsWith("arcfour") || lower.startsWith("3des")) {
          weaknesses.add("cipher " + cipher);
        }
      }
    }
    RemoteAccessGateway gateway = new RemoteAccessGateway("ssh:" + input.path(),
        RemoteAccessGateway.Kind.SSH, "OpenSSH", null, ciphers, List.copyOf(auth), mfa,
        weaknesses, null, null, context.source(1));
    return context.result(NormalizedEvidence.builder().addRemoteAccess(List.of(gateway)));
  }

  /** First occurrence of each keyword before the first {@code Match} block, as sshd reads it. */
  private static Map<String, KeyValue> globalSettings(List<String> lines) {
    Map<String, KeyValue> first = new LinkedHashMap<>();
    for (KeyValue setting : KeyValue.parse(lines, "#")) {
      if (setting.is("match")) {
        break;
      }
      first.putIfAbsent(setting.key().toLowerCase(Locale.ROOT), setting);
    }
    return first;
  }

  private static boolean flag(Map<String, KeyValue> settings, String key, boolean fallback) {
    KeyValue setting = settings.get(key);
    return setting == null ? fallback : setting.firstWord().equals("yes");
  }

  private static void addIfValue(Map<String, KeyValue> settings, String key, String value,
      List<String> weaknesses) {
    KeyValue setting = settings.get(key);
    if (setting != null && setting.firstWord().equals(value)) {
      weaknesses.add(setting.key() + " " + setting.firstWord());
    }
  }

  /** {@code "publickey,password publickey,keyboard-interactive"}: every list has two methods. */
  private static boolean everyListNeedsTwoMethods(String value) {
    String[] lists = value.strip().split("\\s+");
    for (String list : lists) {
      Set<String> methods = new LinkedHashSet<>(List.of(list.split(",")));
      if (methods.size() < 2) {
        return false;
      }
    }
    return lists.length > 0 && !value.isBlank();
  }
}
