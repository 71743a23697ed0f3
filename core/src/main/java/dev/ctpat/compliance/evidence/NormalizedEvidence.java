package dev.ctpat.compliance.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The normalized input document the CTPAT policies evaluate (DESIGN §5). A {@code null}
 * component is "no evidence" and is left out of the JSON; an empty list is "evidence that there
 * are none".
 *
 * @param thresholds local overrides of the policy thresholds, a JSON-like tree of maps, lists
 *     and scalars (merged key by key by the policies)
 */
@JsonInclude(Include.NON_NULL)
public record NormalizedEvidence(
    Organization organization,
    Program program,
    List<PasswordPolicy> passwordPolicies,
    List<RemoteAccessGateway> remoteAccess,
    List<Endpoint> endpoints,
    List<Vulnerability> vulnerabilities,
    List<SoftwareComponent> software,
    List<Account> accounts,
    List<Person> personnel,
    List<BusinessSystem> systems,
    List<Backup> backups,
    Network network,
    DeviceControl deviceControl,
    List<Waiver> waivers,
    List<EvidenceFile> evidenceFiles,
    Map<String, Object> thresholds) {

  @SuppressWarnings("unchecked")
  public NormalizedEvidence {
    passwordPolicies = Immutables.list(passwordPolicies);
    remoteAccess = Immutables.list(remoteAccess);
    endpoints = Immutables.list(endpoints);
    vulnerabilities = Immutables.list(vulnerabilities);
    software = Immutables.list(software);
    accounts = Immutables.list(accounts);
    personnel = Immutables.list(personnel);
    systems = Immutables.list(systems);
    backups = Immutables.list(backups);
    waivers = Immutables.list(waivers);
    evidenceFiles = Immutables.list(evidenceFiles);
    thresholds = (Map<String, Object>) Immutables.jsonTree(thresholds);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Accumulates a document. Each {@code add} method creates its list on first use, even when
   * given nothing, so that "this source says there are none" survives as an empty list.
   */
  public static final class Builder {
    private Organization organization;
    private Program program;
    private List<PasswordPolicy> passwordPolicies;
    private List<RemoteAccessGateway> remoteAccess;
    private List<Endpoint> endpoints;
    private List<Vulnerability> vulnerabilities;
    private List<SoftwareComponent> software;
    private List<Account> accounts;
    private List<Person> personnel;
    private List<BusinessSystem> systems;
    private List<Backup> backups;
    private Network network;
    private DeviceControl deviceControl;
    private List<Waiver> waivers;
    private List<EvidenceFile> evidenceFiles;
    private Map<String, Object> thresholds;

    private Builder() {}

    public Builder organization(Organization value) {
      organization = value;
      return this;
    }

    public Builder program(Program value) {
      program = value;
      return this;
    }

    public Builder network(Network value) {
      network = value;
      return this;
    }

    public Builder deviceControl(DeviceControl value) {
      deviceControl = value;
      return this;
    }

    public Builder thresholds(Map<String, Object> value) {
      thresholds = value;
      return this;
    }

    public Builder addPasswordPolicies(List<PasswordPolicy> items) {
      passwordPolicies = append(passwordPolicies, items);
      return this;
    }

    public Builder addRemoteAccess(List<RemoteAccessGateway> items) {
      remoteAccess = append(remoteAccess, items);
      return this;
    }

    public Builder addEndpoints(List<Endpoint> items) {
      endpoints = append(endpoints, items);
      return this;
    }

    public Builder addVulnerabilities(List<Vulnerability> items) {
      vulnerabilities = append(vulnerabilities, items);
      return this;
    }

    public Builder addSoftware(List<SoftwareComponent> items) {
      software = append(software, items);
      return this;
    }

    public Builder addAccounts(List<Account> items) {
      accounts = append(accounts, items);
      return this;
    }

    public Builder addPersonnel(List<Person> items) {
      personnel = append(personnel, items);
      return this;
    }

    public Builder addSystems(List<BusinessSystem> items) {
      systems = append(systems, items);
      return this;
    }

    public Builder addBackups(List<Backup> items) {
      backups = append(backups, items);
      return this;
    }

    public Builder addWaivers(List<Waiver> items) {
      waivers = append(waivers, items);
      return this;
    }

    public Builder addEvidenceFiles(List<EvidenceFile> items) {
      evidenceFiles = append(evidenceFiles, items);
      return this;
    }

    private static <T> List<T> append(List<T> list, List<T> items) {
      List<T> result = list == null ? new ArrayList<>() : list;
      result.addAll(items);
      return result;
    }

    public NormalizedEvidence build() {
      return new NormalizedEvidence(organization, program, passwordPolicies, remoteAccess,
          endpoints, vulnerabilities, software, accounts, personnel, systems, backups, network,
          deviceControl, waivers, evidenceFiles, thresholds);
    }
  }
}
