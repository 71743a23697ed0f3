package dev.ctpat.adapters.password;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.KeyValue;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code [System Access]} section of a {@code secedit /export /cfg FILE.inf} export
 * (usually UTF-16LE with a byte-order mark). {@code MaximumPasswordAge} of 0 or -1 means the
 * password never expires; {@code LockoutDuration} of -1 (locked until an administrator unlocks)
 * has no number of minutes and reads as {@code null}.
 */
public final class SeceditAdapter implements EvidenceAdapter {
  public static final String NAME = "windows-secedit";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(4096);
    if (head.contains("[System Access]")
        && (head.contains("MinimumPasswordLength") || head.contains("$CHICAGO$"))) {
      return Match.CONTENT;
    }
    return input.fileName().endsWith(".inf") ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<String> lines = input.lines();
    Map<String, KeyValue> settings = new HashMap<>();
    int sectionLine = 0;
    boolean inSection = false;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (text.startsWith("[")) {
        inSection = text.equalsIgnoreCase("[System Access]");
        if (inSection) {
          sectionLine = i + 1;
        }
      } else if (inSection && text.contains("=")) {
        KeyValue setting = KeyValue.parse(List.of(text), ";").get(0);
        settings.put(setting.key().toLowerCase(java.util.Locale.ROOT),
            new KeyValue(setting.key(), setting.value(), i + 1));
      }
    }
    if (sectionLine == 0) {
      context.warn(null, "no [System Access] section; not a secedit security template");
      return context.result(NormalizedEvidence.builder());
    }
    KeyValue minLength = settings.get("minimumpasswordlength");
    Integer maxAge = number(settings.get("maximumpasswordage"), context);
    Integer lockoutDuration = number(settings.get("lockoutduration"), context);
    PasswordPolicy policy = new PasswordPolicy("secedit local security policy", "windows",
        number(minLength, context),
        flag(number(settings.get("passwordcomplexity"), context)),
        maxAge == null || maxAge <= 0 ? null : maxAge,
        number(settings.get("passwordhistorysize"), context),
        number(settings.get("lockoutbadcount"), context),
        lockoutDuration == null || lockoutDuration < 0 ? null : lockoutDuration,
        null,
        context.source(minLength != null ? minLength.line() : sectionLine));
    return context.result(NormalizedEvidence.builder().addPasswordPolicies(List.of(policy)));
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

  private static Boolean flag(Integer value) {
    return value == null ? null : value != 0;
  }
}
