package dev.ctpat.adapters.remoteaccess;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a strongSwan (or Libreswan-style) {@code ipsec.conf}: one VPN gateway per {@code conn}
 * section that strongSwan loads ({@code auto=add|route|start}; {@code auto=ignore}, the default,
 * is never loaded), sourced at its
 * {@code conn} line. Settings come from {@code conn %default}, then the {@code also=} sections,
 * then the section itself. The gateway is the {@code left} side: clients authenticate with
 * {@code rightauth} (and {@code rightauth2}), else with {@code authby} (default {@code pubkey}).
 * Weaknesses: {@code "ikev1"} ({@code keyexchange=ikev1}), {@code "ikev1 allowed"}
 * ({@code keyexchange=ike}, the default, answers IKEv1 too), weak {@code ike=}/{@code esp=}
 * algorithms, {@code "psk auth"} ({@code authby=secret|psk|xauthpsk} or a {@code psk} side),
 * {@code "aggressive mode"}. Keys live in {@code ipsec.secrets}, which is not read.
 */
public final class StrongSwanIpsecConfAdapter implements EvidenceAdapter {
  public static final String NAME = "strongswan-ipsec-conf";

  private static final Pattern CONN = Pattern.compile("(?m)^conn\\s+\\S+");
  private static final Pattern IPSEC_SETTING = Pattern.compile(
      "(?m)^\\s+(left|right|keyexchange|authby|ike|esp|leftauth|rightauth)\\s*=");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(64 * 1024);
    if (CONN.matcher(head).find() && IPSEC_SETTING.matcher(head).find()) {
      return Match.CONTENT;
    }
    return input.fileName().equals("ipsec.conf") ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    Map<String, Conn> conns = parse(input.lines());
    List<RemoteAccessGateway> gateways = new ArrayList<>();
    for (Conn conn : conns.values()) {
      if (conn.name.equals("%default")) {
        continue;
      }
      Map<String, String> settings = new LinkedHashMap<>();
      if (conns.containsKey("%default")) {
        settings.putAll(conns.get("%default").settings);
      }
      settings.putAll(effective(conn, conns, new HashSet<>(), context));
      if (!settings.getOrDefault("auto", "ignore").equals("ignore")) {
        gateways.add(gateway(conn, settings, input, context));
      }
    }
    if (gateways.isEmpty()) {
      context.warn(null, "no conn section");
    }
    return context.result(NormalizedEvidence.builder().addRemoteAccess(gateways));
  }

  private static RemoteAccessGateway gateway(Conn conn, Map<String, String> settings,
      EvidenceInput input, FileContext context) {
    List<String> weaknesses = new ArrayList<>();
    switch (settings.getOrDefault("keyexchange", "ike").toLowerCase(Locale.ROOT)) {
      case "ikev1" -> weaknesses.add("ikev1");
      case "ike" -> weaknesses.add("ikev1 allowed");
      default -> { }
    }
    List<String> ike = StrongSwanAuth.proposals(settings.getOrDefault("ike", ""));
    List<String> esp = StrongSwanAuth.proposals(settings.getOrDefault("esp", ""));
    weaknesses.addAll(StrongSwanAuth.weakAlgorithms("ike", ike));
    weaknesses.addAll(StrongSwanAuth.weakAlgorithms("esp", esp));
    if ("yes".equals(settings.get("aggressive"))) {
      weaknesses.add("aggressive mode");
    }
    String authby = settings.getOrDefault("authby", "pubkey").toLowerCase(Locale.ROOT);
    if (StrongSwanAuth.isPsk(authby) || "psk".equals(settings.get("leftauth"))) {
      weaknesses.add("psk auth");
    }
    Set<String> ciphers = new LinkedHashSet<>(ike);
    ciphers.addAll(esp);
    return StrongSwanAuth.gateway("strongswan:" + input.path() + ":" + conn.name,
        ciphers.isEmpty() ? null : List.copyOf(ciphers), rounds(settings, authby), weaknesses,
        context.source(conn.line));
  }

  /** The client's authentication rounds. */
  private static List<String> rounds(Map<String, String> settings, String authby) {
    List<String> rounds = new ArrayList<>();
    if (settings.containsKey("rightauth")) {
      rounds.add(settings.get("rightauth"));
      if (settings.containsKey("rightauth2")) {
        rounds.add(settings.get("rightauth2"));
      }
      return rounds;
    }
    switch (authby) {
      case "xauthpsk" -> rounds.addAll(List.of("psk", "xauth"));
      case "xauthrsasig" -> rounds.addAll(List.of("pubkey", "xauth"));
      default -> rounds.add(authby);
    }
    return rounds;
  }

  /** The settings of {@code conn} over those of its {@code also=} sections. */
  private static Map<String, String> effective(Conn conn, Map<String, Conn> conns,
      Set<String> seen, FileContext context) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (!seen.add(conn.name)) {
      context.warn(conn.line, "also= loop through conn " + conn.name);
      return settings;
    }
    String also = conn.settings.get("also");
    if (also != null) {
      for (String name : also.split("\\s+")) {
        Conn included = conns.get(name);
        if (included == null) {
          context.warn(conn.line, "also=" + name + " names no conn section");
        } else {
          settings.putAll(effective(included, conns, seen, context));
        }
      }
    }
    settings.putAll(conn.settings);
    settings.remove("also");
    return settings;
  }

  /** A {@code conn} section: its first line and its settings, unquoted. */
  private record Conn(String name, int line, Map<String, String> settings) {}

  private static Map<String, Conn> parse(List<String> lines) {
    Map<String, Conn> conns = new LinkedHashMap<>();
    Conn current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        String[] words = text.split("\\s+");
        current = words[0].equals("conn") && words.length > 1
            ? new Conn(words[1], i + 1, new LinkedHashMap<>()) : null;
        if (current != null) {
          conns.put(current.name, current);
        }
      } else if (current != null && text.contains("=")) {
        int eq = text.indexOf('=');
        current.settings.put(text.substring(0, eq).strip(), unquote(text.substring(eq + 1)));
      }
    }
    return conns;
  }

  private static String unquote(String value) {
    String stripped = value.strip();
    int hash = stripped.startsWith("\"") ? -1 : stripped.indexOf(" #");
    if (hash >= 0) {
      stripped = stripped.substring(0, hash).strip();
    }
    return stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")
        ? stripped.substring(1, stripped.length() - 1) : stripped;
  }
}
