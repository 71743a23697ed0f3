package dev.ctpat.compliance.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * One backup job or repository for one system (4.12).
 *
 * @param system id of the system backed up
 * @param lastSuccessAt end of the newest successful backup; {@code null} = none known
 * @param offsite a copy is off-site or in the cloud
 * @param networkIsolated the backup target is not reachable from the production network
 */
public record Backup(
    String system,
    String repository,
    Instant lastSuccessAt,
    Boolean encrypted,
    Boolean offsite,
    Boolean networkIsolated,
    Source source) {

  public Backup {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(source, "source");
  }
}
