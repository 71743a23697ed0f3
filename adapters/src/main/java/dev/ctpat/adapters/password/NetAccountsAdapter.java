package dev.ctpat.adapters.password;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.Line;
import dev.ctpat.adapters.support.Numbers;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the text printed by {@code net accounts} (or {@code net accounts /domain}) in English,
 * German, French or Spanish. Labels are matched on accent-free, lower-cased stems, so small
 * wording differences between Windows versions do not matter.
 */
public final class NetAccountsAdapter implements EvidenceAdapter {
  public static final String NAME = "windows-net-accounts";

  /** The settings we read, each with the label stems of every supported language. */
  private enum Setting {
    MAX_AGE("maximum password age", "maximale kennwort", "duree de vie maximale", "vigencia maxima"),
    MIN_LENGTH("minimum password length", "minimale kennwortlange", "longueur minimale",
        "longitud minima"),
    HISTORY("password history", "kennwortchronik", "historique des mots de passe",
        "historial de contrasenas"),
    LOCKOUT_THRESHOLD("lockout threshold", "sperrschwelle", "seuil de verrouillage",
        "umbral de bloqueo"),
    LOCKOUT_DURATION("lockout duration", "sperrdauer", "duree de verrouillage",
        "duracion de bloqueo");

    private final List<String> stems;

    Setting(String... stems) {
      this.stems = List.of(stems);
    }
  }

  /** Words meaning "never", "unlimited" or "none" in the supported languages. */
  private static final Set<String> NEVER = Set.of("never", "unlimited", "none", "nie",
      "unbegrenzt", "keine", "jamais", "illimite", "aucune", "aucun", "nunca", "ilimitado",
      "ninguna", "ninguno");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = fold(input.head(4096));
    long labels = Setting.MIN_LENGTH.stems.stream().filter(head::contains).count()
        + Setting.LOCKOUT_THRESHOLD.stems.stream().filter(head::contains).count();
    if (labels >= 2) {
      return Match.CONTENT;
    }
    return input.fileName().contains("net-accounts") || input.fileName().contains("net_accounts")
        ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    Map<Setting, Line> found = new EnumMap<>(Setting.class);
    List<String> lines = input.lines();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      int colon = text.lastIndexOf(':');
      if (colon < 0) {
        continue;
      }
      String label = fold(text.substring(0, colon));
      for (Setting setting : Setting.values()) {
        if (setting.stems.stream().anyMatch(label::contains)) {
          found.putIfAbsent(setting, new Line(i + 1, text.substring(colon + 1).strip()));
        }
      }
    }
    if (found.isEmpty()) {
      context.warn(null, "no password settings recognized in the net accounts output");
      return context.result(NormalizedEvidence.builder());
    }
    Line anchor = found.getOrDefault(Setting.MIN_LENGTH, found.values().iterator().next());
    PasswordPolicy policy = new PasswordPolicy("net accounts", "windows",
        value(found, Setting.MIN_LENGTH, 0, context),
        null,
        value(found, Setting.MAX_AGE, null, context),
        value(found, Setting.HISTORY, 0, context),
        value(found, Setting.LOCKOUT_THRESHOLD, 0, context),
        value(found, Setting.LOCKOUT_DURATION, null, context),
        null,
        context.source(anchor.number()));
    return context.result(NormalizedEvidence.builder().addPasswordPolicies(List.of(policy)));
  }

  /** The number on the setting's line, {@code whenNever} for "Never"/"Unlimited"/"None". */
  private static Integer value(Map<Setting, Line> found, Setting setting, Integer whenNever,
      FileContext context) {
    Line line = found.get(setting);
    if (line == null) {
      return null;
    }
    if (NEVER.contains(fold(line.text()))) {
      return whenNever;
    }
    Integer number = Numbers.parseInt(line.text());
    if (number == null) {
      context.warn(line.number(), "value '" + line.text() + "' is neither a number nor 'Never'");
    }
    return number;
  }

  /** Lower case without accents, so "Kennwortlänge" matches "kennwortlange". */
  private static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
  }
}
