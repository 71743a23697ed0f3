package dev.ctpat.adapters.support;

import java.util.Locale;

/**
 * The host a command's output belongs to when the output does not say: the file is named after
 * the host ({@code web01.ufw.txt}, {@code WS-7.json}), or it is named after the command and sits
 * in a folder named after the host ({@code hosts/web01/ufw-status.txt}).
 */
public final class HostNames {
  private HostNames() {}

  /**
   * The host of the file at {@code path}: the file name up to its first dot, unless that names
   * the command (contains one of {@code commandWords}, ignoring case), in which case the parent
   * folder's name; {@code null} for a file named after the command in the evidence root.
   */
  public static String fromPath(String path, String... commandWords) {
    int slash = path.lastIndexOf('/');
    String file = path.substring(slash + 1);
    int dot = file.indexOf('.');
    String stem = dot > 0 ? file.substring(0, dot) : file;
    String lower = stem.toLowerCase(Locale.ROOT);
    for (String word : commandWords) {
      if (lower.contains(word.toLowerCase(Locale.ROOT))) {
        if (slash < 0) {
          return null;
        }
        String folder = path.substring(0, slash);
        return folder.substring(folder.lastIndexOf('/') + 1);
      }
    }
    return stem;
  }

  /** {@link #fromPath}, falling back to the file name's stem when it names no host. */
  public static String fromPathOrStem(String path, String... commandWords) {
    String host = fromPath(path, commandWords);
    if (host != null) {
      return host;
    }
    // fromPath gives null only for a file in the evidence root: the path is the file name.
    int dot = path.indexOf('.');
    return dot > 0 ? path.substring(0, dot) : path;
  }
}
