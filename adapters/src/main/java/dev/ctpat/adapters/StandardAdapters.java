package dev.ctpat.adapters;

import dev.ctpat.adapters.accounts.ActiveDirectoryUsersAdapter;
import dev.ctpat.adapters.accounts.HrRosterAdapter;
import dev.ctpat.adapters.accounts.LinuxLastlogAdapter;
import dev.ctpat.adapters.accounts.LinuxPasswdAdapter;
import dev.ctpat.adapters.accounts.LinuxShadowAdapter;
import dev.ctpat.adapters.backup.BorgListAdapter;
import dev.ctpat.adapters.backup.ResticSnapshotsAdapter;
import dev.ctpat.adapters.encryption.BitLockerVolumeAdapter;
import dev.ctpat.adapters.encryption.CryptsetupStatusAdapter;
import dev.ctpat.adapters.encryption.FileVaultStatusAdapter;
import dev.ctpat.adapters.encryption.LsblkAdapter;
import dev.ctpat.adapters.encryption.ManageBdeAdapter;
import dev.ctpat.adapters.endpoint.ClamAvAdapter;
import dev.ctpat.adapters.endpoint.DefenderStatusAdapter;
import dev.ctpat.adapters.endpoint.FirewalldStateAdapter;
import dev.ctpat.adapters.endpoint.NftablesAdapter;
import dev.ctpat.adapters.endpoint.UfwStatusAdapter;
import dev.ctpat.adapters.endpoint.WindowsFirewallProfileAdapter;
import dev.ctpat.adapters.password.AwsIamPasswordPolicyAdapter;
import dev.ctpat.adapters.password.LinuxPasswordAdapter;
import dev.ctpat.adapters.password.NetAccountsAdapter;
import dev.ctpat.adapters.password.SeceditAdapter;
import dev.ctpat.adapters.program.ProgramFileAdapter;
import dev.ctpat.adapters.remoteaccess.OpenVpnAdapter;
import dev.ctpat.adapters.software.CycloneDxAdapter;
import dev.ctpat.adapters.software.LicenseEntitlementsAdapter;
import dev.ctpat.adapters.software.SlmgrAdapter;
import dev.ctpat.adapters.software.SoftwareLicensingProductAdapter;
import dev.ctpat.adapters.software.SpdxAdapter;
import dev.ctpat.adapters.remoteaccess.SshdConfigAdapter;
import dev.ctpat.adapters.remoteaccess.WireGuardAdapter;
import dev.ctpat.adapters.patch.AptUpgradableAdapter;
import dev.ctpat.adapters.patch.DnfSecurityUpdatesAdapter;
import dev.ctpat.adapters.patch.HotFixAdapter;
import dev.ctpat.adapters.patch.OsqueryAdapter;
import dev.ctpat.adapters.vulnerability.GrypeAdapter;
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
        new dev.ctpat.adapters.password.AdFineGrainedPasswordPolicyAdapter(),
        new dev.ctpat.adapters.password.AdDefaultDomainPasswordPolicyAdapter(),
        new dev.ctpat.adapters.password.OktaPasswordPolicyAdapter(),
        new dev.ctpat.adapters.password.MacPwpolicyAdapter(),
        new dev.ctpat.adapters.password.EntraIdPolicyAdapter(),
        new OpenVpnAdapter(),
        new WireGuardAdapter(),
        new SshdConfigAdapter(),
        new dev.ctpat.adapters.remoteaccess.StrongSwanSwanctlAdapter(),
        new dev.ctpat.adapters.remoteaccess.StrongSwanIpsecConfAdapter(),
        new DefenderStatusAdapter(),
        new ClamAvAdapter(),
        new WindowsFirewallProfileAdapter(),
        new UfwStatusAdapter(),
        new NftablesAdapter(),
        new FirewalldStateAdapter(),
        new ResticSnapshotsAdapter(),
        new BorgListAdapter(),
        new TrivyAdapter(),
        new GrypeAdapter(),
        new HotFixAdapter(),
        new AptUpgradableAdapter(),
        new DnfSecurityUpdatesAdapter(),
        new OsqueryAdapter(),
        new SpdxAdapter(),
        new CycloneDxAdapter(),
        new LicenseEntitlementsAdapter(),
        new SlmgrAdapter(),
        new SoftwareLicensingProductAdapter(),
        new ManageBdeAdapter(),
        new BitLockerVolumeAdapter(),
        new LsblkAdapter(),
        new CryptsetupStatusAdapter(),
        new FileVaultStatusAdapter(),
        new ActiveDirectoryUsersAdapter(),
        new HrRosterAdapter(),
        new LinuxPasswdAdapter(),
        new LinuxShadowAdapter(),
        new LinuxLastlogAdapter());
  }
}
