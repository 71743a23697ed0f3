package dev.ctpat.compliance.evidence;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An accepted, time-limited exception to a criterion.
 *
 * @param criterion criterion id, e.g. {@code "4.12"}
 * @param scope sub-item the waiver is limited to, e.g. {@code "4.12.offsite_copy"}; {@code null}
 *     = the whole criterion
 */
public record Waiver(
    String id,
    String criterion,
    String scope,
    String reason,
    String approver,
    LocalDate expiresOn,
    Source source) {

  public Waiver {
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(approver, "approver");
    Objects.requireNonNull(expiresOn, "expiresOn");
    Objects.requireNonNull(source, "source");
  }
}
