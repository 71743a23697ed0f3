package dev.ctpat.adapters;

import dev.ctpat.adapters.program.ProgramFileAdapter;
import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.Backup;
import dev.ctpat.compliance.evidence.DeviceControl;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.Network;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Merges the facts {@code ctpat.yaml} declares ({@code network}, {@code device_control},
 * {@code accounts}, {@code backups}, {@code remote_access}, {@code endpoints}) into what the
 * exports measured. The one rule: <em>a declared value fills a {@code null} field of the matching
 * measured record and never overrides a value an export measured</em>; the merged record keeps the
 * export's source. A declared record that matches nothing is added as it is, with its
 * {@code ctpat.yaml} source, except an account or backup that names no system: it cannot become a
 * record of its own and is reported instead.
 *
 * <p>Matching: accounts by id and system ({@link ProgramFileAdapter#ANY_SYSTEM} = every system),
 * backups by repository and system (likewise), gateways by id, endpoints by hostname; all
 * case-insensitive, since people type these names by hand.
 */
final class DeclaredFactsMerge {
  private Network network;
  private DeviceControl deviceControl;
  private List<Account> accounts;
  private List<Backup> backups;
  private List<RemoteAccessGateway> remoteAccess;
  private List<Endpoint> endpoints;
  private final List<CollectionWarning> warnings = new ArrayList<>();

  /** Keeps the declared parts of a program-file fragment; the first file to declare a part wins. */
  void add(NormalizedEvidence declared) {
    network = network != null ? network : declared.network();
    deviceControl = deviceControl != null ? deviceControl : declared.deviceControl();
    accounts = append(accounts, declared.accounts());
    backups = append(backups, declared.backups());
    remoteAccess = append(remoteAccess, declared.remoteAccess());
    endpoints = append(endpoints, declared.endpoints());
  }

  /** The problems met while merging, each at the line of its {@code ctpat.yaml} entry. */
  List<CollectionWarning> warnings() {
    return List.copyOf(warnings);
  }

  Network network(Network measured) {
    if (measured == null || network == null) {
      return measured != null ? measured : network;
    }
    return new Network(
        first(measured.perimeterFirewalls(), network.perimeterFirewalls()),
        first(measured.externalExposure(), network.externalExposure()),
        first(measured.accessControl(), network.accessControl()));
  }

  DeviceControl deviceControl(DeviceControl measured) {
    if (measured == null || deviceControl == null) {
      return measured != null ? measured : deviceControl;
    }
    return new DeviceControl(first(measured.removableMedia(), deviceControl.removableMedia()),
        first(measured.autorunDisabled(), deviceControl.autorunDisabled()), measured.source());
  }

  /** {@code measured} is {@code null} when no export listed accounts. */
  List<Account> accounts(List<Account> measured) {
    return merge(measured, accounts,
        (m, d) -> sameSystem(m.system(), d.system()) && m.id().equalsIgnoreCase(d.id()),
        DeclaredFactsMerge::fill,
        d -> d.system().equals(ProgramFileAdapter.ANY_SYSTEM)
            ? warning(d.source(), "account " + d.id()
                + " matches no exported account and names no system; ignored")
            : null);
  }

  List<Backup> backups(List<Backup> measured) {
    return merge(measured, backups,
        (m, d) -> sameSystem(m.system(), d.system()) && m.repository().equalsIgnoreCase(d.repository()),
        DeclaredFactsMerge::fill,
        d -> d.system().equals(ProgramFileAdapter.ANY_SYSTEM)
            ? warning(d.source(), "backup repository " + d.repository()
                + " matches no exported backup and names no system; ignored")
            : null);
  }

  List<RemoteAccessGateway> remoteAccess(List<RemoteAccessGateway> measured) {
    return merge(measured, remoteAccess, (m, d) -> m.id().equalsIgnoreCase(d.id()),
        DeclaredFactsMerge::fill, d -> null);
  }

  List<Endpoint> endpoints(List<Endpoint> measured) {
    return merge(measured, endpoints, (m, d) -> m.hostname().equalsIgnoreCase(d.hostname()),
        DeclaredFactsMerge::fill, d -> null);
  }

  private interface Matcher<T> {
    boolean matches(T measured, T declared);
  }

  /**
   * Fills every measured record that a declared one matches; adds each unmatched declared record
   * unless {@code orphanWarning} says why it cannot stand alone.
   */
  private <T> List<T> merge(List<T> measured, List<T> declared, Matcher<T> matcher,
      BiFunction<T, T, T> fill, Function<T, CollectionWarning> orphanWarning) {
    if (declared == null) {
      return measured;
    }
    List<T> result = new ArrayList<>(measured == null ? List.of() : measured);
    for (T d : declared) {
      boolean matched = false;
      for (int i = 0; i < result.size(); i++) {
        if (matcher.matches(result.get(i), d)) {
          result.set(i, fill.apply(result.get(i), d));
          matched = true;
        }
      }
      if (!matched) {
        CollectionWarning problem = orphanWarning.apply(d);
        if (problem == null) {
          result.add(d);
        } else {
          warnings.add(problem);
        }
      }
    }
    return result;
  }

  private static CollectionWarning warning(Source source, String message) {
    return new CollectionWarning(source.file(), source.line(), message);
  }

  private static boolean sameSystem(String measured, String declared) {
    return declared.equals(ProgramFileAdapter.ANY_SYSTEM) || measured.equalsIgnoreCase(declared);
  }

  private static Account fill(Account m, Account d) {
    return new Account(m.id(), m.system(),
        first(m.enabled(), d.enabled()),
        first(m.personId(), d.personId()),
        first(m.shared(), d.shared()),
        first(m.service(), d.service()),
        first(m.privileged(), d.privileged()),
        first(m.lastLogon(), d.lastLogon()),
        first(m.mfaEnrolled(), d.mfaEnrolled()),
        first(m.groups(), d.groups()),
        first(m.exception(), d.exception()),
        m.source());
  }

  private static Backup fill(Backup m, Backup d) {
    return new Backup(m.system(), m.repository(),
        first(m.lastSuccessAt(), d.lastSuccessAt()),
        first(m.encrypted(), d.encrypted()),
        first(m.offsite(), d.offsite()),
        first(m.networkIsolated(), d.networkIsolated()),
        m.source());
  }

  private static RemoteAccessGateway fill(RemoteAccessGateway m, RemoteAccessGateway d) {
    return new RemoteAccessGateway(m.id(), m.kind(),
        first(m.product(), d.product()),
        first(m.tlsMinVersion(), d.tlsMinVersion()),
        first(m.ciphers(), d.ciphers()),
        first(m.authMethods(), d.authMethods()),
        first(m.mfaEnforced(), d.mfaEnforced()),
        first(m.weaknesses(), d.weaknesses()),
        first(m.internetExposed(), d.internetExposed()),
        first(m.users(), d.users()),
        m.source());
  }

  private static Endpoint fill(Endpoint m, Endpoint d) {
    return new Endpoint(m.hostname(),
        first(m.os(), d.os()),
        first(m.osVersion(), d.osVersion()),
        first(m.role(), d.role()),
        first(m.ownerType(), d.ownerType()),
        first(m.mdmEnrolled(), d.mdmEnrolled()),
        first(m.mdmCompliant(), d.mdmCompliant()),
        fill(m.patches(), d.patches()),
        first(m.antimalware(), d.antimalware()),
        first(m.firewall(), d.firewall()),
        first(m.diskEncryption(), d.diskEncryption()),
        m.source());
  }

  /** Patches field by field: Get-HotFix knows the last patch date but not what is pending. */
  private static Endpoint.Patches fill(Endpoint.Patches m, Endpoint.Patches d) {
    if (m == null || d == null) {
      return m != null ? m : d;
    }
    return new Endpoint.Patches(
        first(m.pendingSecurityUpdates(), d.pendingSecurityUpdates()),
        first(m.oldestPendingSince(), d.oldestPendingSince()),
        first(m.lastPatchedOn(), d.lastPatchedOn()),
        m.source());
  }

  private static <T> T first(T measured, T declared) {
    return measured != null ? measured : declared;
  }

  private static <T> List<T> append(List<T> list, List<T> more) {
    if (more == null) {
      return list;
    }
    List<T> result = new ArrayList<>(list == null ? List.of() : list);
    result.addAll(more);
    return result;
  }
}
