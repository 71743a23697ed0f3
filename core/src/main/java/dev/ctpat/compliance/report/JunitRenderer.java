package dev.ctpat.compliance.report;

import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.report.ReportDocument.Criterion;
import dev.ctpat.compliance.report.ReportDocument.EvidenceFile;
import dev.ctpat.compliance.report.ReportDocument.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as JUnit XML, the test-report format CI servers display: one {@code testsuite}
 * with one {@code testcase} per criterion. A criterion that fails or lacks evidence is a
 * {@code <failure>} carrying its findings; a waived or not-applicable criterion is
 * {@code <skipped>} with the reason. What the result rests on (as-of date, engine, policy and
 * evidence digests) goes into the suite's {@code <properties>}.
 */
public final class JunitRenderer implements ReportRenderer {
  private static final String SUITE = "CTPAT cybersecurity criteria";

  @Override
  public String format() {
    return "junit";
  }

  @Override
  public String fileExtension() {
    return "junit.xml";
  }

  @Override
  public void render(ReportDocument report, Writer out) throws IOException {
    ReportDocument.Summary summary = report.summary();
    String failures = String.valueOf(
        summary.count(Status.FAIL) + summary.count(Status.INSUFFICIENT_EVIDENCE));
    String skipped = String.valueOf(
        summary.count(Status.WAIVED) + summary.count(Status.NOT_APPLICABLE));
    String tests = String.valueOf(report.criteria().size());
    // JUnit timestamps are local date-times without a zone; the assessment day starts the run.
    String timestamp = report.asOf() + "T00:00:00";

    Markup suites = Markup.element("testsuites", "name", SUITE, "tests", tests,
        "failures", failures, "errors", "0", "skipped", skipped, "time", "0");
    Markup suite = suites.child("testsuite", "name", SUITE, "tests", tests, "failures", failures,
        "errors", "0", "skipped", skipped, "time", "0", "timestamp", timestamp);
    suite.add(properties(report));
    for (Criterion c : report.criteria()) {
      suite.add(testcase(c));
    }
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    suites.write(out, Markup.Dialect.XML);
    out.write('\n');
  }

  private static Markup properties(ReportDocument report) {
    Markup props = Markup.element("properties");
    property(props, "as_of", report.asOf().toString());
    property(props, "organization", report.organizationName().orElse(null));
    property(props, "entity", report.entity().orElse(null));
    property(props, "compliant", String.valueOf(report.summary().compliant()));
    for (Map.Entry<String, String> e : report.engine().fields().entrySet()) {
      property(props, "engine." + e.getKey(), e.getValue());
    }
    for (EvidenceFile f : report.evidenceFiles()) {
      property(props, "evidence." + f.path(), f.sha256() == null ? "unreadable" : f.sha256());
    }
    return props;
  }

  private static void property(Markup props, String name, String value) {
    if (value != null) {
      props.child("property", "name", name, "value", value);
    }
  }

  private static Markup testcase(Criterion c) {
    Markup testcase = Markup.element("testcase", "name", c.id() + " " + c.title(),
        "classname", "ctpat." + c.requirement().id(), "time", "0");
    switch (c.status()) {
      case FAIL, INSUFFICIENT_EVIDENCE -> testcase.add(failure(c));
      case WAIVED -> {
        testcase.child("skipped", "message", "waived: " + c.waivers().stream()
            .map(Wording::waiver).collect(Collectors.joining("; ")));
        if (!c.findings().isEmpty()) {
          testcase.leaf("system-out", findingsText(c.findings()));
        }
      }
      case NOT_APPLICABLE -> testcase.child("skipped", "message",
          "not applicable: no sub-item of " + c.id() + " applies to this organization");
      case PASS -> { }
    }
    return testcase;
  }

  private static Markup failure(Criterion c) {
    List<Finding> findings = c.findings();
    String first = findings.isEmpty() ? Wording.status(c.status()) : findings.get(0).message();
    String more = findings.size() > 1 ? " (and " + (findings.size() - 1) + " more)" : "";
    return Markup.element("failure",
            "message", c.requirement().id() + " criterion " + c.status().id() + ": " + first
                + more,
            "type", c.status().id())
        .text(findingsText(findings));
  }

  /** Findings as plain text, one block per finding. */
  private static String findingsText(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append('[').append(Wording.id(f.severity())).append("] ").append(f.status().id())
          .append(' ').append(f.subItem()).append(": ").append(f.message()).append('\n');
      sb.append("  evidence: ").append(f.evidence().isEmpty() ? "none (missing)"
          : f.evidence().stream().map(Object::toString).collect(Collectors.joining(", ")))
          .append('\n');
      if (!f.remediation().isEmpty()) {
        sb.append("  remediation: ").append(f.remediation()).append('\n');
      }
    }
    return sb.toString();
  }
}
