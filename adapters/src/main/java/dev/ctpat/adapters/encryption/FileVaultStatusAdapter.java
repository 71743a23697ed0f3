package dev.ctpat.adapters.encryption;

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
 * Reads macOS {@code fdesetup status}: FileVault is enabled when it is on and no encryption or
 * decryption is still in progress (a disk half-way through is not yet protected, as for
 * BitLocker).
 */
public final class FileVaultStatusAdapter implements EvidenceAdapter {
  public static final String NAME = "filevault";

  private static final Pattern STATUS = Pattern.compile("FileVault is (On|Off)\\.?");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    return input.head(4096).lines().map(String::strip).anyMatch(l -> STATUS.matcher(l).matches())
        ? Match.CONTENT : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<String> lines = input.lines();
    Boolean on = null;
    int statusLine = 1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      Matcher m = STATUS.matcher(line);
      if (m.matches()) {
        on = m.group(1).equals("On");
        statusLine = i + 1;
      } else if (line.contains("in progress")) {
        context.warn(i + 1, "FileVault is not finished: " + line);
        on = on == null ? null : Boolean.FALSE;
      }
    }
    if (on == null) {
      context.warn(null, "no 'FileVault is On/Off' line found");
      return context.result(NormalizedEvidence.builder());
    }
    String host = HostNames.fromPathOrStem(input.path(), "fdesetup", "filevault");
    Endpoint.Encryption encryption =
        new Endpoint.Encryption(on, "FileVault", context.source(statusLine));
    return context.result(NormalizedEvidence.builder().addEndpoints(List.of(
        Endpoint.named(host, context.source(statusLine)).withDiskEncryption(encryption))));
  }
}
