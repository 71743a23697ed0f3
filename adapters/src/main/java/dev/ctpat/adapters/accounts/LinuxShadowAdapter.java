package dev.ctpat.adapters.accounts;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognizes a copy of {@code /etc/shadow} so that it is not listed as unknown, and reads
 * nothing from it: the file holds password hashes, which never enter the normalized document.
 * Its presence is reported as a warning asking to remove it from the evidence.
 */
public final class LinuxShadowAdapter implements EvidenceAdapter {
  public static final String NAME = "linux-shadow";

  /** name:password:lastchg:min:max:warn:inactive:expire:reserved, the numbers possibly empty. */
  private static final Pattern ENTRY =
      Pattern.compile("[^:\\s]+:[^:]*:\\d*:\\d*:\\d*:\\d*:\\d*:\\d*:[^:]*");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    List<String> lines = input.head(4096).lines().filter(l -> !l.isBlank()).limit(20).toList();
    if (!lines.isEmpty() && lines.stream().allMatch(l -> ENTRY.matcher(l.strip()).matches())) {
      return Match.CONTENT;
    }
    return input.fileName().equals("shadow") ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    context.warn(null, "a shadow file holds password hashes and is not read; remove it from the "
        + "evidence directory (passwd and lastlog are enough)");
    return context.result(NormalizedEvidence.builder());
  }
}
