package dev.ctpat.adapters.encryption;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.HostNames;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code manage-bde -status} in English. A volume is protected when it is fully encrypted
 * (or used-space-only encrypted) with protection on, or locked (only an encrypted volume can
 * be); the host's disk encryption is enabled when every listed volume is. Only the status labels
 * are read, so key protectors and recovery passwords that {@code manage-bde -protectors -get}
 * may have appended to the same file are never looked at.
 */
public final class ManageBdeAdapter implements EvidenceAdapter {
  public static final String NAME = "manage-bde";

  /** {@code Volume C: [OSDisk]}, or a volume without a letter: {@code Volume \\?\Volume{...}}. */
  private static final Pattern VOLUME =
      Pattern.compile("Volume ([A-Z]:|\\\\\\\\\\?\\\\Volume\\S*).*");
  private static final Pattern SETTING = Pattern.compile("\\s+([A-Za-z ]+?):\\s+(.*)");

  /** One volume's status lines. */
  private static final class Volume {
    final String name;
    final int line;
    String conversion;
    String protection;
    String lock;

    Volume(String name, int line) {
      this.name = name;
      this.line = line;
    }

    boolean isProtected() {
      boolean encrypted = "Fully Encrypted".equals(conversion)
          || "Used Space Only Encrypted".equals(conversion);
      return encrypted && "Protection On".equals(protection) || "Locked".equals(lock);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(8192);
    if (head.contains("BitLocker Drive Encryption: Configuration Tool")
        || head.contains("Conversion Status:") && head.contains("Protection Status:")) {
      return Match.CONTENT;
    }
    return input.fileName().contains("manage-bde") ? Match.NAME : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<Volume> volumes = volumes(input.lines());
    if (volumes.isEmpty()) {
      context.warn(null, "no volume status found; only English manage-bde output is read");
      return context.result(NormalizedEvidence.builder());
    }
    boolean all = true;
    for (Volume volume : volumes) {
      if (!volume.isProtected()) {
        all = false;
        context.warn(volume.line, "volume " + volume.name + " is not protected ("
            + volume.conversion + ", " + volume.protection + ")");
      }
    }
    String host = HostNames.fromPathOrStem(input.path(), "manage-bde", "bitlocker");
    int line = volumes.get(0).line;
    Endpoint.Encryption encryption =
        new Endpoint.Encryption(all, "BitLocker", context.source(line));
    return context.result(NormalizedEvidence.builder().addEndpoints(List.of(
        Endpoint.named(host, context.source(line)).withDiskEncryption(encryption))));
  }

  private static List<Volume> volumes(List<String> lines) {
    List<Volume> volumes = new ArrayList<>();
    Volume current = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher volume = VOLUME.matcher(lines.get(i));
      Matcher setting = SETTING.matcher(lines.get(i));
      if (volume.matches()) {
        current = new Volume(volume.group(1), i + 1);
        volumes.add(current);
      } else if (current != null && setting.matches()) {
        switch (setting.group(1)) {
          case "Conversion Status" -> current.conversion = setting.group(2).strip();
          case "Protection Status" -> current.protection = setting.group(2).strip();
          case "Lock Status" -> current.lock = setting.group(2).strip();
          default -> { } // other settings (and any key protector lines) are not read
        }
      }
    }
    volumes.removeIf(v -> v.conversion == null && v.protection == null && v.lock == null);
    return volumes;
  }
}
