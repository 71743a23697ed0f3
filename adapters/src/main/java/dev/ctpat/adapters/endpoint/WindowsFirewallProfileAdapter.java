package dev.ctpat.adapters.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.HostNames;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.adapters.support.Numbers;
import dev.ctpat.adapters.support.PowerShellJson;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code Get-NetFirewallProfile | ConvertTo-Json} (PowerShell 5.1 or 7, enums as numbers
 * or, with {@code -EnumsAsStrings}, as names), for one host or several ({@code PSComputerName}).
 * Each host's firewall lists its profiles (domain, private, public) and is enabled when every
 * profile is. {@code NotConfigured} (a policy store that leaves the profile to its default) is
 * unknown rather than guessed.
 */
public final class WindowsFirewallProfileAdapter extends JsonExportAdapter {
  public static final String NAME = "windows-firewall";

  private static final Pattern PROFILE_NAME =
      Pattern.compile("\"Name\"\\s*:\\s*\"(Domain|Private|Public)\"");
  /** GpoBoolean. */
  private static final Map<Integer, String> GPO_BOOLEAN =
      Map.of(0, "False", 1, "True", 2, "NotConfigured");
  /** Action. */
  private static final Map<Integer, String> ACTION =
      Map.of(0, "NotConfigured", 2, "Allow", 4, "Block");

  public WindowsFirewallProfileAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(8192);
    boolean profile = head.contains("\"DefaultInboundAction\"")
        || head.contains("\"Enabled\"") && PROFILE_NAME.matcher(head).find();
    return profile ? Match.CONTENT : Match.NONE;
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    Map<String, HostProfiles> hosts = new LinkedHashMap<>();
    for (JsonNode profile : PowerShellJson.items(json.root())) {
      Integer line = json.line(profile);
      String name = LocatedJson.text(profile, "Name");
      if (!profile.isObject() || name == null) {
        context.warn(line, "expected a firewall profile object with a Name; skipped");
        continue;
      }
      String host = hostname(profile, input);
      HostProfiles state = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT),
          k -> new HostProfiles(host, line));
      state.profiles.put(name.toLowerCase(Locale.ROOT), enabled(profile, name, line, context));
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (HostProfiles state : hosts.values()) {
      Endpoint.Firewall firewall = new Endpoint.Firewall(allOn(state.profiles), state.profiles,
          context.source(state.line));
      endpoints.add(Endpoint.named(state.host, context.source(state.line)).withFirewall(firewall));
    }
    return NormalizedEvidence.builder().addEndpoints(endpoints);
  }

  /** The profiles of one host and the line where the first of them starts. */
  private static final class HostProfiles {
    final String host;
    final Integer line;
    final Map<String, Boolean> profiles = new LinkedHashMap<>();

    HostProfiles(String host, Integer line) {
      this.host = host;
      this.line = line;
    }
  }

  private static Boolean enabled(JsonNode profile, String name, Integer line, FileContext context) {
    String value = PowerShellJson.enumName(profile.get("Enabled"), GPO_BOOLEAN);
    Boolean enabled = Numbers.parseBoolean(value);
    if (enabled == null) {
      context.warn(line, "profile " + name + ": Enabled is " + (value == null ? "missing" : value)
          + ", so whether it is on is unknown (export from -PolicyStore ActiveStore)");
    } else if (enabled && "Allow".equals(
        PowerShellJson.enumName(profile.get("DefaultInboundAction"), ACTION))) {
      context.warn(line, "profile " + name + " allows inbound connections by default");
    }
    return enabled;
  }

  /** True when every profile is on, false when one is off, otherwise unknown. */
  private static Boolean allOn(Map<String, Boolean> profiles) {
    if (profiles.containsValue(Boolean.FALSE)) {
      return false;
    }
    return profiles.containsValue(null) ? null : Boolean.TRUE;
  }

  private static String hostname(JsonNode profile, EvidenceInput input) {
    String name = LocatedJson.text(profile, "PSComputerName");
    return name != null && !name.isBlank()
        ? name : HostNames.fromPathOrStem(input.path(), "firewall", "netfirewall");
  }
}
