package dev.ctpat.adapters.remoteaccess;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.RemoteAccessGateway.AuthMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a WireGuard interface config ({@code wg0.conf}). WireGuard authenticates peers by key
 * and has no built-in MFA. Private and pre-shared keys are never read into the result; peers
 * are named by the comment line before their {@code [Peer]} section (e.g. {@code # alice}).
 */
public final class WireGuardAdapter implements EvidenceAdapter {
  public static final String NAME = "wireguard";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(16 * 1024);
    if (head.contains("[Interface]") && (head.contains("PrivateKey") || head.contains("ListenPort"))) {
      return Match.CONTENT;
    }
    return input.fileName().matches("wg\\d*\\.conf") ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<String> lines = input.lines();
    List<String> peers = new ArrayList<>();
    int interfaceLine = 1;
    int unnamedPeers = 0;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (text.equalsIgnoreCase("[Interface]")) {
        interfaceLine = i + 1;
      } else if (text.equalsIgnoreCase("[Peer]")) {
        String name = peerName(lines, i);
        if (name == null) {
          unnamedPeers++;
        } else {
          peers.add(name);
        }
      }
    }
    if (unnamedPeers > 0) {
      context.warn(null, unnamedPeers + " peer(s) have no name comment; users unknown");
    }
    RemoteAccessGateway gateway = new RemoteAccessGateway("wireguard:" + input.path(),
        RemoteAccessGateway.Kind.VPN, "WireGuard", null, List.of("ChaCha20-Poly1305"),
        List.of(AuthMethod.KEY), false, List.of(), null,
        unnamedPeers > 0 ? null : peers, context.source(interfaceLine));
    return context.result(NormalizedEvidence.builder().addRemoteAccess(List.of(gateway)));
  }

  /** {@code # alice} or {@code # Name = alice} directly above {@code [Peer]}. */
  private static String peerName(List<String> lines, int peerIndex) {
    if (peerIndex == 0) {
      return null;
    }
    String above = lines.get(peerIndex - 1).strip();
    if (!above.startsWith("#")) {
      return null;
    }
    String name = above.substring(1).strip();
    if (name.toLowerCase(Locale.ROOT).startsWith("name")) {
      int eq = name.indexOf('=');
      name = eq < 0 ? name.substring(4).strip() : name.substring(eq + 1).strip();
    }
    return name.isEmpty() ? null : name;
  }
}
