package dev.ctpat.adapters;

import dev.ctpat.adapters.backup.ResticSnapshotsAdapter;
import dev.ctpat.adapters.endpoint.DefenderStatusAdapter;
import dev.ctpat.adapters.password.AwsIamPasswordPolicyAdapter;
import dev.ctpat.adapters.password.LinuxPasswordAdapter;
import dev.ctpat.adapters.password.NetAccountsAdapter;
import dev.ctpat.adapters.password.SeceditAdapter;
import dev.ctpat.adapters.program.ProgramFileAdapter;
import dev.ctpat.adapters.remoteaccess.OpenVpnAdapter;
import dev.ctpat.adapters.remoteaccess.SshdConfigAdapter;
import dev.ctpat.adapters.remoteaccess.WireGuardAdapter;
import dev.ctpat.adapters.vulnerability.TrivyAdapter;
import java.util.List;

/** The built-in adapters, most specific first (order breaks ties between equal matches). */
final class StandardAdapters {
  private StandardAdapters() {}

  static List<EvidenceAdapter> all() {
    return List.of(
        new ProgramFileAdapter(),
        new SeceditAdapter(),
        new NetAccountsAdapter(),
        new LinuxPasswordAdapter(),
        new AwsIamPasswordPolicyAdapter(),
        new OpenVpnAdapter(),
        new WireGuardAdapter(),
        new SshdConfigAdapter(),
        new DefenderStatusAdapter(),
        new ResticSnapshotsAdapter(),
        new TrivyAdapter());
  }
}
