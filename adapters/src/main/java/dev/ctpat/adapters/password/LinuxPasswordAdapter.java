package dev.ctpat.adapters.password;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.KeyValue;
import dev.ctpat.adapters.support.Numbers;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Reads the three Linux files that together make the password policy: {@code /etc/login.defs}
 * (expiry), {@code /etc/security/pwquality.conf} (length, character classes) and
 * {@code /etc/security/faillock.conf} (lockout). Each yields its own entry whose scope names the
 * file, so that every value keeps its own source line. Settings left at their compiled-in
 * default (commented out) read as {@code null}, since the default differs between versions.
 */
public final class LinuxPasswordAdapter implements EvidenceAdapter {
  public static final String NAME = "linux-password-policy";

  private enum Kind {
    LOGIN_DEFS("linux login.defs"),
    PWQUALITY("linux pwquality"),
    FAILLOCK("linux faillock");

    private final String scope;

    Kind(String scope) {
      this.scope = scope;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    return kind(input).map(k -> Match.CONTENT).orElse(Match.NONE);
  }

  private static Optional<Kind> kind(EvidenceInput input) {
    String name = input.fileName();
    String text = input.head(64 * 1024);
    if (name.equals("login.defs") || text.contains("PASS_MAX_DAYS")) {
      return Optional.of(Kind.LOGIN_DEFS);
    }
    if (name.equals("pwquality.conf") || text.contains("# Configuration for systemwide password quality")) {
      return Optional.of(Kind.PWQUALITY);
    }
    if (name.equals("faillock.conf") || text.contains("pam_faillock")) {
      return Optional.of(Kind.FAILLOCK);
    }
    return Optional.empty();
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    Kind kind = kind(input).orElseThrow();
    List<KeyValue> settings = KeyValue.parse(input.lines(), "#");
    PasswordPolicy policy = switch (kind) {
      case LOGIN_DEFS -> loginDefs(settings, context);
      case PWQUALITY -> pwquality(settings, context);
      case FAILLOCK -> faillock(settings, context);
    };
    return context.result(NormalizedEvidence.builder().addPasswordPolicies(List.of(policy)));
  }

  private static PasswordPolicy loginDefs(List<KeyValue> settings, FileContext context) {
    KeyValue maxDays = find(settings, "PASS_MAX_DAYS");
    Integer days = number(maxDays, context);
    // 99999 days (about 274 years) is how shadow-utils spells "never expires".
    Integer maxAge = days == null || days < 0 || days >= 99999 ? null : days;
    return new PasswordPolicy(Kind.LOGIN_DEFS.scope, "linux",
        number(find(settings, "PASS_MIN_LEN"), context), null, maxAge, null, null, null, null,
        context.source(maxDays != null ? maxDays.line() : null));
  }

  private static PasswordPolicy pwquality(List<KeyValue> settings, FileContext context) {
    KeyValue minlen = find(settings, "minlen");
    Integer minclass = number(find(settings, "minclass"), context);
    int requiredClasses = 0;
    for (String credit : List.of("dcredit", "ucredit", "lcredit", "ocredit")) {
      Integer value = number(find(settings, credit), context);
      if (value != null && value < 0) {
        requiredClasses++;
      }
    }
    Boolean complexity = minclass == null && requiredClasses == 0
        ? null
        : Math.max(minclass == null ? 0 : minclass, requiredClasses) >= 3;
    KeyValue remember = find(settings, "remember");
    return new PasswordPolicy(Kind.PWQUALITY.scope, "linux", number(minlen, context), complexity,
        null, number(remember, context), null, null, null,
        context.source(minlen != null ? minlen.line() : null));
  }

  private static PasswordPolicy faillock(List<KeyValue> settings, FileContext context) {
    KeyValue deny = find(settings, "deny");
    KeyValue unlock = find(settings, "unlock_time");
    Integer seconds = number(unlock, context);
    // unlock_time = 0 means "until an administrator unlocks": no number of minutes.
    Integer minutes = seconds == null || seconds <= 0 ? null : Numbers.secondsToMinutes(seconds);
    return new PasswordPolicy(Kind.FAILLOCK.scope, "linux", null, null, null, null,
        number(deny, context), minutes, null,
        context.source(deny != null ? deny.line() : null));
  }

  private static KeyValue find(List<KeyValue> settings, String key) {
    KeyValue last = null;
    for (KeyValue setting : settings) {
      if (setting.is(key)) {
        last = setting; // the last occurrence wins, as in the tools that read these files
      }
    }
    return last;
  }

  private static Integer number(KeyValue setting, FileContext context) {
    if (setting == null) {
      return null;
    }
    Integer value = setting.intValue();
    if (value == null) {
      context.warn(setting.line(), setting.key() + " is not a number");
    }
    return value;
  }
}
