package dev.ctpat.adapters.accounts;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.Timestamps;
import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the output of {@code lastlog} (shadow-utils) or {@code lastlog2}: the last login of each
 * account, which the collector joins to the same host's {@code passwd} accounts. Works in any
 * language: "never logged in" is recognized by its {@code **...**} marker, the time by its shape
 * ({@code Tue Nov 24 08:12:45 +0100 2026}, English or German month names).
 */
public final class LinuxLastlogAdapter implements EvidenceAdapter {
  public static final String NAME = "linux-lastlog";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    List<String> lines = input.head(4096).lines().filter(l -> !l.isBlank()).limit(20).toList();
    if (lines.size() >= 2 && lines.subList(1, lines.size()).stream()
        .allMatch(l -> isEntry(l.strip()))) {
      return Match.CONTENT;
    }
    return input.fileName().contains("lastlog") ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    String system = LinuxAccounts.system(input.path());
    List<Account> accounts = new ArrayList<>();
    List<String> lines = input.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || i == 0 && !isEntry(line)) {
        continue; // the header, in whatever language
      }
      String user = line.split("\\s+", 2)[0];
      Instant latest = isNever(line) ? null : Timestamps.ctime(line);
      if (latest == null && !isNever(line)) {
        context.warn(i + 1, "no login time recognized for " + user + "; skipped");
        continue;
      }
      accounts.add(new Account(user, system, null, null, null, null, null, latest, null, null,
          null, context.source(i + 1)));
    }
    return context.result(NormalizedEvidence.builder().addAccounts(accounts));
  }

  /** A line that ends in "never" or in a login time (the Latest column is the last one). */
  private static boolean isEntry(String line) {
    return isNever(line) || line.matches(".*\\s\\d{4}") && Timestamps.ctime(line) != null;
  }

  private static boolean isNever(String line) {
    return line.matches(".*\\*\\*[^*]+\\*\\*$");
  }
}
