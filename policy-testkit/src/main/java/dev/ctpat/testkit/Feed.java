package dev.ctpat.testkit;

/**
 * The evidence kinds of the normalized document ({@code thresholds.evidence_max_age_days} keys)
 * and the export file each comes from in generated documents. One file per kind, so that the
 * collection time of a file decides the staleness of exactly one kind.
 */
enum Feed {
  PROGRAM("program", "ctpat.yaml", "program-file"),
  PASSWORD_POLICIES("password_policies", "identity/password-policy.txt", "ad-password-policy"),
  ACCOUNTS("accounts", "identity/accounts.csv", "ad-users"),
  PERSONNEL("personnel", "hr/roster.csv", "hr-roster"),
  REMOTE_ACCESS("remote_access", "network/vpn/server.conf", "openvpn"),
  ENDPOINTS("endpoints", "endpoints/devices.json", "intune"),
  NETWORK("network", "network/perimeter.xml", "fortigate"),
  DEVICE_CONTROL("device_control", "endpoints/device-control.xml", "gpo-device-control"),
  VULNERABILITIES("vulnerabilities", "scans/findings.json", "trivy"),
  SOFTWARE("software", "software/installed-apps.csv", "sccm-apps"),
  SYSTEMS("systems", "systems/cmdb.csv", "cmdb"),
  BACKUPS("backups", "backups/snapshots.json", "restic");

  private final String kind;
  private final String file;
  private final String adapter;

  Feed(String kind, String file, String adapter) {
    this.kind = kind;
    this.file = file;
    this.adapter = adapter;
  }

  /** The kind's key in {@code evidence_max_age_days}, e.g. {@code "backups"}. */
  String kind() {
    return kind;
  }

  String file() {
    return file;
  }

  String adapter() {
    return adapter;
  }
}
