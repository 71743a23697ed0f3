package dev.ctpat.rego.conformance;

import java.util.List;

/** The outcomes of a conformance run, in the order the cases ran. */
public record ConformanceReport(List<CaseResult> results) {
  public ConformanceReport {
    results = List.copyOf(results);
  }

  public long passed() {
    return count(CaseResult.Status.PASSED);
  }

  public long failed() {
    return count(CaseResult.Status.FAILED);
  }

  public long skipped() {
    return count(CaseResult.Status.SKIPPED);
  }

  public List<CaseResult> failures() {
    return results.stream().filter(r -> r.status() == CaseResult.Status.FAILED).toList();
  }

  /**
   * The percentage of cases that passed among those that ran (skipped cases do not count); 0
   * when none ran, so that an empty run never clears a gate.
   */
  public double passRate() {
    long ran = passed() + failed();
    return ran == 0 ? 0 : 100.0 * passed() / ran;
  }

  private long count(CaseResult.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }
}
