package dev.ctpat.adapters.accounts;

import dev.ctpat.adapters.support.HostNames;

/** What the Linux account files share: the system name of the host they come from. */
final class LinuxAccounts {
  private LinuxAccounts() {}

  /**
   * {@code linux:<host>}, the host taken from the file's folder or name ({@code web01/passwd},
   * {@code web01.passwd}, {@code web01/lastlog.txt}); plain {@code linux} when neither names it.
   */
  static String system(String path) {
    String host = HostNames.fromPath(path, "passwd", "lastlog", "shadow");
    return host == null ? "linux" : "linux:" + host;
  }
}
