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
 * Reads {@code cryptsetup status <name>} for one or more mappings: an active mapping with a
 * real cipher is evidence that the host encrypts a disk, so disk encryption is enabled; an
 * active mapping with {@code cipher_null} encrypts nothing. Only inactive mappings say nothing
 * about what is in use, which leaves the state unknown. Which filesystems sit on the mapping is
 * for {@code lsblk -f} to show.
 */
public final class CryptsetupStatusAdapter implements EvidenceAdapter {
  public static final String NAME = "cryptsetup";

  private static final Pattern HEADER =
      Pattern.compile("(/dev/mapper/\\S+) is (active|inactive).*");
  private static final Pattern FIELD = Pattern.compile("\\s+(type|cipher):\\s+(\\S+).*");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    return input.head(4096).lines().anyMatch(l -> HEADER.matcher(l.strip()).matches())
        ? Match.CONTENT : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<String> lines = input.lines();
    Integer encryptingLine = null;
    Integer nullCipherLine = null;
    String type = null;
    String mapping = null;
    int mappingLine = 0;
    boolean active = false;
    for (int i = 0; i < lines.size(); i++) {
      Matcher header = HEADER.matcher(lines.get(i).strip());
      Matcher field = FIELD.matcher(lines.get(i));
      if (header.matches()) {
        mapping = header.group(1);
        mappingLine = i + 1;
        active = header.group(2).equals("active");
      } else if (active && field.matches() && field.group(1).equals("type")) {
        type = type == null ? field.group(2) : type;
      } else if (active && field.matches() && field.group(1).equals("cipher")) {
        if (field.group(2).startsWith("cipher_null")) {
          context.warn(i + 1, mapping + " is active but uses cipher_null: it encrypts nothing");
          nullCipherLine = nullCipherLine == null ? mappingLine : nullCipherLine;
        } else if (encryptingLine == null) {
          encryptingLine = mappingLine;
        }
      }
    }
    Integer line = encryptingLine != null ? encryptingLine : nullCipherLine;
    if (line == null) {
      context.warn(null, "no active mapping with a cipher: whether a disk is encrypted is unknown");
      return context.result(NormalizedEvidence.builder());
    }
    String host = HostNames.fromPathOrStem(input.path(), "cryptsetup");
    Endpoint.Encryption encryption = new Endpoint.Encryption(encryptingLine != null,
        method(type), context.source(line));
    return context.result(NormalizedEvidence.builder().addEndpoints(List.of(
        Endpoint.named(host, context.source(line)).withDiskEncryption(encryption))));
  }

  /** LUKS1 and LUKS2 are both "LUKS"; plain dm-crypt and the others keep their own name. */
  private static String method(String type) {
    if (type == null) {
      return null;
    }
    return type.startsWith("LUKS") ? "LUKS" : type.equals("PLAIN") ? "dm-crypt" : type;
  }
}
