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

/**
 * Reads {@code firewall-cmd --state} (with its error output): {@code running} means enabled,
 * {@code not running} (or firewalld's "FirewallD is not running") means disabled. The output is
 * a single word, so the file is recognized only when its name mentions the firewall, e.g.
 * {@code web01/firewall-cmd-state.txt}.
 */
public final class FirewalldStateAdapter implements EvidenceAdapter {
  public static final String NAME = "firewalld";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    return input.fileName().contains("firewall") && state(input.text()) != null
        ? Match.CONTENT : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    Boolean running = state(input.text());
    if (running == null) {
      context.warn(null, "expected 'running' or 'not running'");
      return context.result(NormalizedEvidence.builder());
    }
    String host = HostNames.fromPathOrStem(input.path(), "firewall");
    Endpoint.Firewall firewall = new Endpoint.Firewall(running, null, context.source(1));
    return context.result(NormalizedEvidence.builder().addEndpoints(List.of(
        Endpoint.named(host, context.source(1)).withFirewall(firewall))));
  }

  private static Boolean state(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "running" -> Boolean.TRUE;
      case "not running", "firewalld is not running" -> Boolean.FALSE;
      default -> null;
    };
  }
}
