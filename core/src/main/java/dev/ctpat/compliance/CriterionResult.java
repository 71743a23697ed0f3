package dev.ctpat.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How one criterion came out.
 *
 * @param criterion the criterion, as declared by the pack
 * @param status the outcome (DESIGN §6: fail when any sub-item fails; otherwise
 *     insufficient_evidence when any lacks evidence; otherwise pass)
 * @param subItems the outcome of each sub-item, in the criterion's order
 * @param findings the reasons, ordered by sub-item, status and message
 * @param waivers the waivers that cover this criterion's failures
 */
public record CriterionResult(
    Criterion criterion,
    Status status,
    List<SubItemResult> subItems,
    List<Finding> findings,
    List<AppliedWaiver> waivers) {

  public CriterionResult {
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(status, "status");
    subItems = List.copyOf(subItems);
    findings = List.copyOf(findings);
    waivers = List.copyOf(waivers);
  }

  public String id() {
    return criterion.id();
  }

  public String title() {
    return criterion.title();
  }

  public Requirement requirement() {
    return criterion.requirement();
  }

  /**
   * True when this result fails or lacks evidence and a gate at {@code level} counts it: a gate
   * at {@link Requirement#MUST} counts must criteria only, a gate at {@link Requirement#SHOULD}
   * counts both. DESIGN §6's {@code compliant} is the gate at must.
   */
  public boolean blocks(Requirement level) {
    boolean gated = requirement() == Requirement.MUST || level == Requirement.SHOULD;
    return gated && (status == Status.FAIL || status == Status.INSUFFICIENT_EVIDENCE);
  }

  /**
   * The outcome of one sub-item.
   *
   * @param subItem the sub-item, as declared by the pack
   * @param status its outcome
   */
  public record SubItemResult(Criterion.SubItem subItem, Status status) {
    public SubItemResult {
      Objects.requireNonNull(subItem, "subItem");
      Objects.requireNonNull(status, "status");
    }

    public String id() {
      return subItem.id();
    }
  }

  /**
   * An accepted, time-limited exception that covers failures of this criterion.
   *
   * @param id the waiver's id, or {@code null} when it has none
   * @param scope the sub-item it is limited to, or {@code null} for the whole criterion
   * @param reason why the failure is accepted
   * @param approver who accepted it
   * @param expiresOn the last day it applies
   */
  public record AppliedWaiver(
      String id, String scope, String reason, String approver, LocalDate expiresOn) {
    public AppliedWaiver {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(approver, "approver");
      Objects.requireNonNull(expiresOn, "expiresOn");
    }
  }
}
