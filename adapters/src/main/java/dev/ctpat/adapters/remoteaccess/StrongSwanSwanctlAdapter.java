package dev.ctpat.adapters.remoteaccess;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a strongSwan {@code swanctl.conf}: one VPN gateway per connection of the
 * {@code connections} section, sourced at its {@code name {} line. Ciphers are the IKE
 * {@code proposals} and the children's {@code esp_proposals}; authentication is that of the
 * {@code remote} rounds (the {@code remote<suffix>} sections in order; {@code pubkey} when unset).
 * Weaknesses: {@code "ikev1"} ({@code version = 1}), {@code "ikev1 allowed"} ({@code version = 0},
 * the default), weak algorithms ({@code "ike proposal 3des"}, {@code "esp proposal md5"}),
 * {@code "psk auth"} on either side, {@code "aggressive mode"}. The {@code secrets} section
 * (pre-shared keys, EAP passwords) is never read.
 */
public final class StrongSwanSwanctlAdapter implements EvidenceAdapter {
  public static final String NAME = "strongswan-swanctl";

  private static final Pattern CONNECTIONS = Pattern.compile("(?m)^\\s*connections\\s*\\{");
  private static final Pattern REMOTE_ROUND = Pattern.compile("remote.*");
  private static final Pattern LOCAL_ROUND = Pattern.compile("local.*");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    if (CONNECTIONS.matcher(input.head(64 * 1024)).find()) {
      return Match.CONTENT;
    }
    return input.fileName().startsWith("swanctl") ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    Section root = parse(input.lines(), context);
    List<RemoteAccessGateway> gateways = new ArrayList<>();
    for (Section connections : root.children("connections")) {
      for (Section connection : connections.children) {
        gateways.add(gateway(connection, input, context));
      }
    }
    if (gateways.isEmpty()) {
      context.warn(null, "no connection in the connections section");
    }
    return context.result(NormalizedEvidence.builder().addRemoteAccess(gateways));
  }

  private static RemoteAccessGateway gateway(Section connection, EvidenceInput input,
      FileContext context) {
    List<String> weaknesses = new ArrayList<>();
    switch (connection.settings.getOrDefault("version", "0")) {
      case "1" -> weaknesses.add("ikev1");
      case "0" -> weaknesses.add("ikev1 allowed");
      default -> { }
    }
    Set<String> ciphers = new LinkedHashSet<>();
    List<String> ike = StrongSwanAuth.proposals(connection.settings.getOrDefault("proposals", ""));
    ciphers.addAll(ike);
    weaknesses.addAll(StrongSwanAuth.weakAlgorithms("ike", ike));
    for (Section children : connection.children("children")) {
      for (Section child : children.children) {
        List<String> esp =
            StrongSwanAuth.proposals(child.settings.getOrDefault("esp_proposals", ""));
        ciphers.addAll(esp);
        weaknesses.addAll(StrongSwanAuth.weakAlgorithms("esp", esp));
      }
    }
    if ("yes".equals(connection.settings.get("aggressive"))) {
      weaknesses.add("aggressive mode");
    }
    List<String> rounds = new ArrayList<>();
    for (Section side : connection.children) {
      String auth = side.settings.getOrDefault("auth", "pubkey");
      if (REMOTE_ROUND.matcher(side.name).matches()) {
        rounds.add(auth);
      } else if (LOCAL_ROUND.matcher(side.name).matches() && StrongSwanAuth.isPsk(auth)) {
        weaknesses.add("psk auth");
      }
    }
    if (rounds.isEmpty()) {
      rounds.add("pubkey");
    }
    return StrongSwanAuth.gateway("strongswan:" + input.path() + ":" + connection.name,
        ciphers.isEmpty() ? null : List.copyOf(ciphers), rounds, weaknesses,
        context.source(connection.line));
  }

  /** A {@code name { ... }} section with its settings (the last value of a key wins). */
  private static final class Section {
    final String name;
    final int line;
    final Map<String, String> settings = new LinkedHashMap<>();
    final List<Section> children = new ArrayList<>();

    Section(String name, int line) {
      this.name = name;
      this.line = line;
    }

    List<Section> children(String name) {
      return children.stream().filter(c -> c.name.equals(name)).toList();
    }
  }

  /**
   * The section tree of the file. Settings under {@code secrets} are never kept, so that no key
   * or password can reach the document.
   */
  private static Section parse(List<String> lines, FileContext context) {
    Section root = new Section("", 1);
    List<Section> open = new ArrayList<>(List.of(root));
    for (int i = 0; i < lines.size(); i++) {
      String text = withoutComment(lines.get(i));
      Section current = open.get(open.size() - 1);
      if (text.isEmpty()) {
        continue;
      }
      if (text.endsWith("{")) {
        Section section = new Section(text.substring(0, text.length() - 1).strip(), i + 1);
        current.children.add(section);
        open.add(section);
      } else if (text.equals("}")) {
        if (open.size() == 1) {
          context.warn(i + 1, "unbalanced }");
        } else {
          open.remove(open.size() - 1);
        }
      } else if (text.contains("=") && !inSecrets(open)) {
        int eq = text.indexOf('=');
        current.settings.put(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
      }
    }
    if (open.size() > 1) {
      context.warn(open.get(open.size() - 1).line, "section never closed");
    }
    return root;
  }

  private static boolean inSecrets(List<Section> open) {
    return open.size() > 1 && open.get(1).name.equals("secrets");
  }

  private static String withoutComment(String line) {
    int hash = line.indexOf('#');
    return (hash < 0 ? line : line.substring(0, hash)).strip();
  }
}
