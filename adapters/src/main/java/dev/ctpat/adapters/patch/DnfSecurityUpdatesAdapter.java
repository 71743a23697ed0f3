package dev.ctpat.adapters.patch;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.HostNames;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code dnf updateinfo list --security} and {@code yum updateinfo list security} (RHEL,
 * Fedora, Alma, Rocky; {@code RHSA-2026:8842 Important/Sec. openssl-libs-...}) and dnf5's
 * {@code dnf advisory list --security} table, which also gives each advisory's issue date: the
 * oldest of those is {@code oldest_pending_since}. Pending updates are counted per package (an
 * advisory may fix several). Output with an error line yields nothing, never "none pending".
 */
public final class DnfSecurityUpdatesAdapter implements EvidenceAdapter {
  public static final String NAME = "dnf-updateinfo";

  /** dnf 4 and yum: advisory, severity/Sec. (or "security"), package. */
  private static final Pattern DNF4 = Pattern.compile(
      "([A-Z][A-Za-z]*-\\S+)\\s+(?:\\S+/Sec\\.|security)\\s+(\\S+)");
  /** dnf5: advisory, type (possibly cut to "secu"), severity, package, issued date and time. */
  private static final Pattern DNF5 = Pattern.compile("([A-Z][A-Za-z]*-\\S+)\\s+(\\S+)\\s+(\\S+)"
      + "\\s+(\\S+)\\s+(\\d{4}-\\d{2}-\\d{2}) \\d{2}:\\d{2}:\\d{2}");
  private static final Pattern DNF5_HEADER =
      Pattern.compile("Name\\s+Type\\s+Severity\\s+Package\\s+Issued");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(8192);
    boolean updateinfo = head.lines().map(String::strip)
        .anyMatch(l -> DNF4.matcher(l).matches() || DNF5.matcher(l).matches())
        || head.contains("updateinfo list done")
        || head.lines().anyMatch(l -> DNF5_HEADER.matcher(l.strip()).matches());
    if (updateinfo) {
      return Match.CONTENT;
    }
    String file = input.fileName();
    return (file.contains("dnf") || file.contains("yum")) && file.contains("secur")
        ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<String> lines = input.lines();
    Set<String> packages = new LinkedHashSet<>();
    LocalDate oldest = null;
    Integer firstLine = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (isError(line)) {
        context.warn(i + 1, "the package manager reported an error, so the list of updates is "
            + "incomplete: " + line);
        return context.result(NormalizedEvidence.builder());
      }
      Matcher dnf5 = DNF5.matcher(line);
      Matcher dnf4 = DNF4.matcher(line);
      String pkg = null;
      if (dnf5.matches() && dnf5.group(2).toLowerCase(Locale.ROOT).startsWith("secu")) {
        pkg = dnf5.group(4);
        LocalDate issued = LocalDate.parse(dnf5.group(5));
        oldest = oldest == null || issued.isBefore(oldest) ? issued : oldest;
      } else if (dnf4.matches()) {
        pkg = dnf4.group(2);
      }
      if (pkg != null && packages.add(pkg) && firstLine == null) {
        firstLine = i + 1;
      }
    }
    int line = firstLine == null ? 1 : firstLine;
    String host = HostNames.fromPathOrStem(input.path(), "dnf", "yum", "updateinfo");
    Endpoint.Patches patches =
        new Endpoint.Patches(packages.size(), oldest, null, context.source(line));
    return context.result(NormalizedEvidence.builder().addEndpoints(List.of(
        Endpoint.named(host, context.source(line)).withPatches(patches))));
  }

  private static boolean isError(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    return lower.startsWith("error:") || lower.startsWith("failed to download metadata");
  }
}
