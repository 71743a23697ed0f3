package dev.ctpat.adapters.endpoint;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.HostNames;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ufw status} or {@code ufw status verbose} in English, German, French or Spanish:
 * the firewall is enabled when its status is active. An active firewall whose default incoming
 * policy is {@code allow} is reported as a warning, since it filters nothing unless told to.
 * The host comes from the file's name or folder.
 */
public final class UfwStatusAdapter implements EvidenceAdapter {
  public static final String NAME = "ufw";

  private static final Pattern STATUS = Pattern.compile("[^:]{2,20}?\\s*:\\s*(\\p{L}+)\\s*");
  private static final Set<String> ACTIVE = Set.of("active", "aktiv", "actif", "activo");
  private static final Set<String> INACTIVE = Set.of("inactive", "inaktiv", "inactif", "inactivo");
  /** {@code Default: deny (incoming), allow (outgoing), disabled (routed)}: incoming is first. */
  private static final Pattern DEFAULTS =
      Pattern.compile("[^:]+:\\s*(allow|deny|reject)\\s*\\([^)]+\\),.*");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    List<String> lines = input.head(4096).lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty() || status(lines.get(0)) == null) {
      return Match.NONE;
    }
    boolean ufwShape = lines.stream().anyMatch(l -> DEFAULTS.matcher(l.strip()).matches()
        || l.strip().matches("To\\s+Action\\s+From"));
    return ufwShape || input.fileName().contains("ufw") ? Match.CONTENT : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<String> lines = input.lines();
    Integer statusLine = null;
    Boolean active = null;
    for (int i = 0; i < lines.size() && active == null; i++) {
      active = status(lines.get(i));
      statusLine = i + 1;
    }
    if (active == null) {
      context.warn(null, "no ufw status line (Status: active or inactive) found");
      return context.result(NormalizedEvidence.builder());
    }
    if (active) {
      warnIfIncomingAllowed(lines, context);
    }
    String host = HostNames.fromPathOrStem(input.path(), "ufw");
    Endpoint.Firewall firewall =
        new Endpoint.Firewall(active, null, context.source(statusLine));
    return context.result(NormalizedEvidence.builder().addEndpoints(List.of(
        Endpoint.named(host, context.source(statusLine)).withFirewall(firewall))));
  }

  /** True for active, false for inactive, {@code null} when the line is no status line. */
  private static Boolean status(String line) {
    Matcher m = STATUS.matcher(line.strip());
    if (!m.matches()) {
      return null;
    }
    String word = m.group(1).toLowerCase(Locale.ROOT);
    return ACTIVE.contains(word) ? Boolean.TRUE : INACTIVE.contains(word) ? Boolean.FALSE : null;
  }

  private static void warnIfIncomingAllowed(List<String> lines, FileContext context) {
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = DEFAULTS.matcher(lines.get(i).strip());
      if (m.matches() && m.group(1).equals("allow")) {
        context.warn(i + 1, "the default incoming policy is allow: the firewall is active but "
            + "admits whatever no rule denies");
      }
    }
  }
}
