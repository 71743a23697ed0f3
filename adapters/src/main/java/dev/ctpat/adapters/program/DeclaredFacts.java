package dev.ctpat.adapters.program;

import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.compliance.evidence.Account;
import dev.ctpat.compliance.evidence.Backup;
import dev.ctpat.compliance.evidence.DeviceControl;
import dev.ctpat.compliance.evidence.DeviceControl.RemovableMedia;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.Network;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.RemoteAccessGateway;
import dev.ctpat.compliance.evidence.RemoteAccessGateway.Kind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the sections of {@code ctpat.yaml} that state technical facts no export carries:
 * {@code network} and {@code device_control} (the schema objects, 1:1), and the attribute
 * sections {@code accounts}, {@code backups}, {@code remote_access} and {@code endpoints}. The
 * attribute records only fill gaps: the collector merges them into the records the exports
 * produced (see {@code Collector}), so they carry just what the file states and {@code null}
 * for the rest.
 */
final class DeclaredFacts {
  private final FileContext context;

  DeclaredFacts(FileContext context) {
    this.context = context;
  }

  /** Adds every fact section present in {@code yaml} to {@code evidence}. */
  void read(YamlObject yaml, NormalizedEvidence.Builder evidence) {
    evidence.network(network(yaml.object("network")));
    evidence.deviceControl(deviceControl(yaml.object("device_control")));
    List<Account> accounts = each(yaml.objects("accounts"), this::account);
    if (accounts != null) {
      evidence.addAccounts(accounts);
    }
    List<Backup> backups = each(yaml.objects("backups"), this::backup);
    if (backups != null) {
      evidence.addBackups(backups);
    }
    List<RemoteAccessGateway> gateways = each(yaml.objects("remote_access"), this::gateway);
    if (gateways != null) {
      evidence.addRemoteAccess(gateways);
    }
    List<Endpoint> endpoints = each(yaml.objects("endpoints"), this::endpoint);
    if (endpoints != null) {
      evidence.addEndpoints(endpoints);
    }
  }

  private Network network(YamlObject n) {
    if (n == null) {
      return null;
    }
    n.checkKeys(Set.of("perimeter_firewalls", "external_exposure", "access_control"), "network");
    YamlObject access = n.object("access_control");
    if (access != null) {
      access.checkKeys(Set.of("unmanaged_devices_blocked", "method"), "network access control");
    }
    return new Network(
        each(n.objects("perimeter_firewalls"), this::perimeterFirewall),
        externalExposure(n.object("external_exposure")),
        access == null ? null : new Network.AccessControl(access.bool("unmanaged_devices_blocked"),
            access.string("method"), access.source()));
  }

  private Network.PerimeterFirewall perimeterFirewall(YamlObject f) {
    f.checkKeys(Set.of("name", "product", "default_inbound_action"), "perimeter firewall");
    String name = f.requiredString("name", "perimeter firewall");
    return name == null ? null
        : new Network.PerimeterFirewall(name, f.string("product"),
            f.enumValue("default_inbound_action", Network.InboundAction.class), f.source());
  }

  private Network.ExternalExposure externalExposure(YamlObject x) {
    if (x == null) {
      return null;
    }
    x.checkKeys(Set.of("scanned_on", "open_services"), "external exposure");
    LocalDate scannedOn = x.requiredDate("scanned_on", "external exposure");
    List<Network.OpenService> services = each(x.objects("open_services"), this::openService);
    if (services == null && scannedOn != null) {
      // An absent list would read as "no service is open", a claim the file did not make.
      context.warn(x.line(), "external exposure has no open_services (write [] for none); entry skipped");
    }
    return scannedOn == null || services == null ? null
        : new Network.ExternalExposure(scannedOn, services, x.source());
  }

  private Network.OpenService openService(YamlObject s) {
    s.checkKeys(Set.of("address", "port", "service"), "open service");
    String address = s.requiredString("address", "open service");
    Integer port = s.integer("port");
    if (address == null) {
      return null;
    }
    if (port == null || port < 0 || port > 65535) {
      context.warn(s.line(), "open service " + address + " needs a port from 0 to 65535; entry skipped");
      return null;
    }
    return new Network.OpenService(address, port, s.string("service"));
  }

  private DeviceControl deviceControl(YamlObject d) {
    if (d == null) {
      return null;
    }
    d.checkKeys(Set.of("removable_media", "autorun_disabled"), "device control");
    return new DeviceControl(d.enumValue("removable_media", RemovableMedia.class),
        d.bool("autorun_disabled"), d.source());
  }

  private Account account(YamlObject a) {
    a.checkKeys(Set.of("id", "system", "enabled", "person_id", "shared", "service", "privileged",
        "mfa_enrolled", "exception"), "account");
    String id = a.requiredString("id", "account");
    String system = a.string("system");
    return id == null ? null
        : new Account(id, system == null ? ProgramFileAdapter.ANY_SYSTEM : system,
            a.bool("enabled"), a.string("person_id"), a.bool("shared"), a.bool("service"),
            a.bool("privileged"), null, a.bool("mfa_enrolled"), null, a.string("exception"),
            a.source());
  }

  private Backup backup(YamlObject b) {
    b.checkKeys(Set.of("repository", "system", "encrypted", "offsite", "network_isolated"),
        "backup");
    String repository = b.requiredString("repository", "backup");
    String system = b.string("system");
    return repository == null ? null
        : new Backup(system == null ? ProgramFileAdapter.ANY_SYSTEM : system, repository, null,
            b.bool("encrypted"), b.bool("offsite"), b.bool("network_isolated"), b.source());
  }

  private RemoteAccessGateway gateway(YamlObject g) {
    g.checkKeys(Set.of("id", "kind", "product", "mfa_enforced", "internet_exposed", "users"),
        "remote access gateway");
    String id = g.requiredString("id", "remote access gateway");
    Kind kind = g.enumValue("kind", Kind.class);
    return id == null ? null
        : new RemoteAccessGateway(id, kind == null ? Kind.OTHER : kind, g.string("product"), null,
            null, null, g.bool("mfa_enforced"), null, g.bool("internet_exposed"),
            g.strings("users"), g.source());
  }

  private Endpoint endpoint(YamlObject e) {
    e.checkKeys(Set.of("hostname", "os", "os_version", "role", "owner_type", "mdm_enrolled",
        "mdm_compliant", "patches"), "endpoint");
    String hostname = e.requiredString("hostname", "endpoint");
    if (hostname == null) {
      return null;
    }
    YamlObject p = e.object("patches");
    if (p != null) {
      p.checkKeys(Set.of("pending_security_updates", "oldest_pending_since", "last_patched_on"),
          "patches");
    }
    Integer pending = p == null ? null : p.integer("pending_security_updates");
    if (pending != null && pending < 0) {
      context.warn(p.line(), "pending_security_updates must not be negative; ignored");
      pending = null;
    }
    return new Endpoint(hostname, e.string("os"), e.string("os_version"),
        e.enumValue("role", Endpoint.Role.class), e.enumValue("owner_type", Endpoint.OwnerType.class),
        e.bool("mdm_enrolled"), e.bool("mdm_compliant"),
        p == null ? null : new Endpoint.Patches(pending, p.date("oldest_pending_since"),
            p.date("last_patched_on"), p.source()),
        null, null, null, e.source());
  }

  /** Maps each entry, dropping those that lacked a required field (already warned). */
  private static <T> List<T> each(List<YamlObject> entries, Function<YamlObject, T> reader) {
    if (entries == null) {
      return null;
    }
    List<T> result = new ArrayList<>();
    for (YamlObject entry : entries) {
      T item = reader.apply(entry);
      if (item != null) {
        result.add(item);
      }
    }
    return result;
  }
}
