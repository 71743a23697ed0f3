package dev.ctpat.adapters.encryption;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.HostNames;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code lsblk -f} (tree output, Unicode or {@code -a} ASCII, old and new column sets):
 * the host's disk encryption is enabled when every mounted filesystem and swap lies on a
 * {@code crypto_LUKS} device. The boot and EFI partitions, which cannot be encrypted, and
 * read-only images (loop devices, squashfs, ISO 9660) are left out. Columns are cut at the
 * header's positions, since lsblk aligns them and values may be blank.
 */
public final class LsblkAdapter implements EvidenceAdapter {
  public static final String NAME = "lsblk";

  private static final Set<String> UNENCRYPTABLE_MOUNTS = Set.of("/boot", "/boot/efi", "/efi");
  private static final Set<String> READ_ONLY_TYPES = Set.of("squashfs", "iso9660");

  /** One device row: its tree depth, name, filesystem type, mount points and line. */
  private record Device(int depth, String name, String fsType, List<String> mounts, int line) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String first = input.head(512).lines().findFirst().orElse("").strip();
    return first.matches("NAME\\s+FSTYPE\\b.*MOUNTPOINTS?") ? Match.CONTENT : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    List<String> lines = input.lines();
    String header = lines.isEmpty() ? "" : lines.get(0);
    int fsType = header.indexOf("FSTYPE");
    int mount = header.indexOf("MOUNTPOINT");
    if (fsType < 0 || mount < 0) {
      context.warn(1, "no NAME/FSTYPE/MOUNTPOINT header: run lsblk -f");
      return context.result(NormalizedEvidence.builder());
    }
    int afterFsType = nextColumn(header, fsType);
    boolean allEncrypted = true;
    int mounted = 0;
    Deque<Device> ancestors = new ArrayDeque<>();
    for (Device device : devices(lines, fsType, afterFsType, mount)) {
      while (!ancestors.isEmpty() && ancestors.peek().depth() >= device.depth()) {
        ancestors.pop();
      }
      if (needsEncryption(device)) {
        mounted++;
        boolean encrypted = ancestors.stream().anyMatch(a -> "crypto_LUKS".equals(a.fsType()));
        if (!encrypted) {
          allEncrypted = false;
          context.warn(device.line(), String.join(" ", device.mounts()) + " on " + device.name()
              + " is not on a LUKS-encrypted device");
        }
      }
      ancestors.push(device);
    }
    if (mounted == 0) {
      context.warn(null, "no mounted filesystem listed; encryption unknown");
      return context.result(NormalizedEvidence.builder());
    }
    String host = HostNames.fromPathOrStem(input.path(), "lsblk");
    Endpoint.Encryption encryption =
        new Endpoint.Encryption(allEncrypted, "LUKS", context.source(1));
    return context.result(NormalizedEvidence.builder().addEndpoints(List.of(
        Endpoint.named(host, context.source(1)).withDiskEncryption(encryption))));
  }

  /** The device rows; a row with only a mount point continues the previous device's list. */
  private static List<Device> devices(List<String> lines, int fsType, int afterFsType, int mount) {
    List<Device> devices = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      String nameField = line.substring(0, Math.min(fsType, line.length()));
      String mountPoint = cut(line, mount, line.length());
      if (nameField.isBlank()) {
        if (!devices.isEmpty() && !mountPoint.isEmpty()) {
          devices.get(devices.size() - 1).mounts().add(mountPoint);
        }
        continue;
      }
      int start = firstNameChar(nameField);
      List<String> mounts = new ArrayList<>();
      if (!mountPoint.isEmpty()) {
        mounts.add(mountPoint);
      }
      devices.add(new Device(start / 2, nameField.substring(start).strip(),
          cut(line, fsType, afterFsType), mounts, i + 1));
    }
    return devices;
  }

  private static boolean needsEncryption(Device device) {
    if (device.mounts().isEmpty() || device.name().startsWith("loop")
        || READ_ONLY_TYPES.contains(device.fsType())) {
      return false;
    }
    return device.mounts().stream().anyMatch(m -> !UNENCRYPTABLE_MOUNTS.contains(m));
  }

  /** Where the column after the one starting at {@code start} begins. */
  private static int nextColumn(String header, int start) {
    int i = start;
    while (i < header.length() && header.charAt(i) != ' ') {
      i++;
    }
    while (i < header.length() && header.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** The first character of a device name after the tree drawing ({@code ├─}, {@code |-}). */
  private static int firstNameChar(String field) {
    int i = 0;
    while (i < field.length() && " │├└─|`-".indexOf(field.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  private static String cut(String line, int from, int to) {
    if (from >= line.length()) {
      return "";
    }
    return line.substring(from, Math.min(to, line.length())).strip();
  }
}
