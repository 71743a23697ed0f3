package dev.ctpat.compliance.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One account on one system (4.7, 4.8). Never carries a password or hash.
 *
 * @param id account name, unique per system
 * @param system directory or system id, e.g. {@code "ad"}, {@code "linux:web01"}
 * @param personId owner in {@code personnel}; {@code null} = no named owner
 * @param shared used by more than one person / generic login
 * @param service non-interactive service account
 * @param groups groups held on the system; {@code null} = unknown
 * @param exception reference to a documented exception for a shared or ownerless account
 */
public record Account(
    String id,
    String system,
    Boolean enabled,
    String personId,
    Boolean shared,
    Boolean service,
    Boolean privileged,
    Instant lastLogon,
    Boolean mfaEnrolled,
    List<String> groups,
    String exception,
    Source source) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(source, "source");
    groups = Immutables.list(groups);
  }
}
