package dev.ctpat.adapters.patch;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.HostNames;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code apt list --upgradable} (Debian, Ubuntu; any language): a package is a pending
 * security update when one of the suites it can be upgraded from ends in {@code -security}
 * ({@code jammy-security}, {@code bookworm-security}). Output with apt errors ({@code E:}
 * lines, e.g. a held lock) yields nothing, never "none pending". apt does not say since when an
 * update is pending.
 */
public final class AptUpgradableAdapter implements EvidenceAdapter {
  public static final String NAME = "apt-upgradable";

  /** {@code libssl3/jammy-updates,jammy-security 3.0.2-0ubuntu1.18 amd64 [upgradable from: ...]} */
  private static final Pattern PACKAGE =
      Pattern.compile("([a-z0-9][a-z0-9+.\\-:]*)/(\\S+)\\s+(\\S+)\\s+(\\S+)(?:\\s+\\[.*])?");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    List<String> lines = input.head(8192).lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("WARNING:")).limit(20).toList();
    if (lines.isEmpty()) {
      return Match.NONE;
    }
    boolean listing = lines.get(0).startsWith("Listing...")
        && lines.stream().skip(1).allMatch(l -> PACKAGE.matcher(l).matches());
    boolean packages = lines.stream().anyMatch(l -> l.contains("[upgradable from:"));
    if (listing || packages) {
      return Match.CONTENT;
    }
    return input.fileName().contains("apt") && input.fileName().contains("upgradable")
        ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<String> lines = input.lines();
    int pending = 0;
    Integer firstSecurityLine = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("E:")) {
        context.warn(i + 1, "apt reported an error, so the list of updates is incomplete: " + line);
        return context.result(NormalizedEvidence.builder());
      }
      Matcher m = PACKAGE.matcher(line);
      if (m.matches() && isSecurity(m.group(2))) {
        pending++;
        firstSecurityLine = firstSecurityLine == null ? i + 1 : firstSecurityLine;
      }
    }
    int line = firstSecurityLine == null ? 1 : firstSecurityLine;
    String host = HostNames.fromPathOrStem(input.path(), "apt", "upgradable");
    Endpoint.Patches patches = new Endpoint.Patches(pending, null, null, context.source(line));
    return context.result(NormalizedEvidence.builder().addEndpoints(List.of(
        Endpoint.named(host, context.source(line)).withPatches(patches))));
  }

  private static boolean isSecurity(String suites) {
    for (String suite : suites.split(",")) {
      if (suite.endsWith("-security")) {
        return true;
      }
    }
    return false;
  }
}
