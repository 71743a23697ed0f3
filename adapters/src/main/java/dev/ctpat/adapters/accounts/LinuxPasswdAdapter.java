package dev.ctpat.adapters.accounts;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a copy of {@code /etc/passwd} (or {@code getent passwd}). An account is enabled when its
 * shell allows a login; a service account has a system UID (below 1000, or {@code nobody}); UID
 * 0 is privileged, other accounts' privileges (sudo) are unknown. The password field is never
 * copied: an empty one (login without password) and a hash kept here instead of in
 * {@code /etc/shadow} are reported by line only.
 */
public final class LinuxPasswdAdapter implements EvidenceAdapter {
  public static final String NAME = "linux-passwd";

  /** name:password:uid:gid:gecos:home:shell */
  private static final Pattern ENTRY =
      Pattern.compile("([^:\\s]+):([^:]*):(\\d+):(\\d+):([^:]*):([^:]*):([^:]*)");

  private static final Set<String> NO_LOGIN_SHELLS = Set.of("/usr/sbin/nologin", "/sbin/nologin",
      "/bin/false", "/usr/bin/false", "/bin/sync", "/sbin/shutdown", "/sbin/halt");

  /** First UID of regular users (login.defs UID_MIN) and the UID of {@code nobody}. */
  private static final int UID_MIN = 1000;
  private static final int NOBODY = 65534;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    List<String> lines = input.head(4096).lines().filter(l -> !l.isBlank()).limit(20).toList();
    if (lines.isEmpty()) {
      return Match.NONE;
    }
    boolean allEntries = lines.stream()
        .allMatch(l -> l.startsWith("#") || ENTRY.matcher(l.strip()).matches());
    return allEntries ? Match.CONTENT : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    String system = LinuxAccounts.system(input.path());
    List<Account> accounts = new ArrayList<>();
    List<String> lines = input.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = ENTRY.matcher(line);
      if (!m.matches()) {
        context.warn(i + 1, "not a passwd entry (name:x:uid:gid:gecos:home:shell); skipped");
        continue;
      }
      String user = m.group(1);
      checkPasswordField(user, m.group(2), i + 1, context);
      long uid = Long.parseLong(m.group(3));
      boolean login = !NO_LOGIN_SHELLS.contains(m.group(7).strip());
      boolean service = uid != 0 && (uid < UID_MIN || uid == NOBODY);
      accounts.add(new Account(user, system, login, null, null, service, uid == 0 ? true : null,
          null, null, null, null, context.source(i + 1)));
    }
    return context.result(NormalizedEvidence.builder().addAccounts(accounts));
  }

  /** Warns about the password field without ever quoting it. */
  private static void checkPasswordField(String user, String field, int line,
      FileContext context) {
    if (field.isEmpty()) {
      context.warn(line, "account " + user + " has an empty password field: it can log in "
          + "without a password");
    } else if (!field.equals("x") && !field.startsWith("*") && !field.startsWith("!")) {
      context.warn(line, "account " + user + " keeps a password hash in the passwd file instead "
          + "of the shadow file (the hash is not read)");
    }
  }
}
