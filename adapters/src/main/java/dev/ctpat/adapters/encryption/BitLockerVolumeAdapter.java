package dev.ctpat.adapters.encryption;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.HostNames;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.adapters.support.PowerShellJson;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code Get-BitLockerVolume | ConvertTo-Json} (PowerShell 5.1 or 7, enums as numbers or
 * names), for one or several computers ({@code ComputerName}). A volume is protected when it is
 * fully encrypted with protection on, or locked; a host's disk encryption is enabled when every
 * volume is. The {@code KeyProtector} property, which holds recovery passwords when exported
 * with enough {@code -Depth}, is never read.
 */
public final class BitLockerVolumeAdapter extends JsonExportAdapter {
  public static final String NAME = "bitlocker-volume";

  private static final Map<Integer, String> VOLUME_STATUS = Map.of(0, "FullyDecrypted",
      1, "FullyEncrypted", 2, "EncryptionInProgress", 3, "DecryptionInProgress",
      4, "EncryptionPaused", 5, "DecryptionPaused");
  private static final Map<Integer, String> PROTECTION_STATUS = Map.of(0, "Off", 1, "On",
      2, "Unknown");
  private static final Map<Integer, String> LOCK_STATUS = Map.of(0, "Unlocked", 1, "Locked");

  public BitLockerVolumeAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    return contentMatchIfHeadContains(input, 8192, "\"MountPoint\"", "\"ProtectionStatus\"");
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    Map<String, HostVolumes> hosts = new LinkedHashMap<>();
    for (JsonNode volume : PowerShellJson.items(json.root())) {
      Integer line = json.line(volume);
      String host = hostname(volume, input);
      HostVolumes state = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT),
          k -> new HostVolumes(host, line));
      if (!isProtected(volume)) {
        state.allProtected = false;
        context.warn(line, "volume " + LocatedJson.text(volume, "MountPoint")
            + " is not protected (" + status(volume, "VolumeStatus", VOLUME_STATUS)
            + ", protection " + status(volume, "ProtectionStatus", PROTECTION_STATUS) + ")");
      }
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (HostVolumes state : hosts.values()) {
      Endpoint.Encryption encryption = new Endpoint.Encryption(state.allProtected, "BitLocker",
          context.source(state.line));
      endpoints.add(Endpoint.named(state.host, context.source(state.line))
          .withDiskEncryption(encryption));
    }
    return NormalizedEvidence.builder().addEndpoints(endpoints);
  }

  /** The volumes of one computer, and the line where the first starts. */
  private static final class HostVolumes {
    final String host;
    final Integer line;
    boolean allProtected = true;

    HostVolumes(String host, Integer line) {
      this.host = host;
      this.line = line;
    }
  }

  private static boolean isProtected(JsonNode volume) {
    if ("Locked".equals(status(volume, "LockStatus", LOCK_STATUS))) {
      return true;
    }
    return "FullyEncrypted".equals(status(volume, "VolumeStatus", VOLUME_STATUS))
        && "On".equals(status(volume, "ProtectionStatus", PROTECTION_STATUS));
  }

  private static String status(JsonNode volume, String field, Map<Integer, String> names) {
    return PowerShellJson.enumName(volume.get(field), names);
  }

  private static String hostname(JsonNode volume, EvidenceInput input) {
    String name = LocatedJson.text(volume, "ComputerName");
    return name != null && !name.isBlank()
        ? name : HostNames.fromPathOrStem(input.path(), "bitlocker");
  }
}
