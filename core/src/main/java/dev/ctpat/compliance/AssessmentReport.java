package dev.ctpat.compliance;

import dev.ctpat.compliance.evidence.EvidenceFile;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one assessment: a result per criterion of the pack, plus what it was assessed
 * on. Immutable. {@link ReportJson} writes it in the JSON shape of DESIGN §6.
 *
 * @param organizationName the assessed organization's name, or {@code null} when the evidence
 *     does not say
 * @param entity the CTPAT entity type id (e.g. {@code importer}), or {@code null} when unknown
 * @param asOf the day the assessment is as of; every age is counted up to it
 * @param criteria one result per criterion, in criterion order
 * @param evidenceFiles the evidence files the assessment read, as the input lists them
 * @param engine what produced the report
 */
public record AssessmentReport(
    String organizationName,
    String entity,
    LocalDate asOf,
    List<CriterionResult> criteria,
    List<EvidenceFile> evidenceFiles,
    Engine engine) {

  public AssessmentReport {
    Objects.requireNonNull(asOf, "asOf");
    criteria = List.copyOf(criteria);
    evidenceFiles = List.copyOf(evidenceFiles);
    Objects.requireNonNull(engine, "engine");
  }

  /** The counts per status and whether the organization is compliant. */
  public Summary summary() {
    return new Summary(compliant(), count(Status.PASS), count(Status.FAIL),
        count(Status.INSUFFICIENT_EVIDENCE), count(Status.NOT_APPLICABLE), count(Status.WAIVED));
  }

  /** DESIGN §6: true when no must criterion is fail or insufficient_evidence. */
  public boolean compliant() {
    return compliant(Requirement.MUST);
  }

  /**
   * True when no criterion counted by a gate at {@code level} fails or lacks evidence; at
   * {@link Requirement#SHOULD} the should criteria count too.
   */
  public boolean compliant(Requirement level) {
    Objects.requireNonNull(level, "level");
    return criteria.stream().noneMatch(c -> c.blocks(level));
  }

  /** The result of the criterion with this id, if the pack has it. */
  public Optional<CriterionResult> result(String criterionId) {
    return criteria.stream().filter(c -> c.id().equals(criterionId)).findFirst();
  }

  private int count(Status status) {
    return (int) criteria.stream().filter(c -> c.status() == status).count();
  }

  /**
   * How many criteria ended in each status.
   *
   * @param compliant DESIGN §6: no must criterion is fail or insufficient_evidence
   */
  public record Summary(
      boolean compliant,
      int pass,
      int fail,
      int insufficientEvidence,
      int notApplicable,
      int waived) {

    /** The count of one status. */
    public int count(Status status) {
      return switch (status) {
        case PASS -> pass;
        case FAIL -> fail;
        case INSUFFICIENT_EVIDENCE -> insufficientEvidence;
        case NOT_APPLICABLE -> notApplicable;
        case WAIVED -> waived;
      };
    }
  }

  /**
   * What produced a report, so that an auditor can reproduce it.
   *
   * @param name the engine's name
   * @param version the engine's version
   * @param policySha256 the {@link PolicyPack#sha256() digest} of the policies evaluated
   */
  public record Engine(String name, String version, String policySha256) {
    public Engine {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(policySha256, "policySha256");
    }
  }
}
