package dev.ctpat.compliance.report;

import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.report.ReportDocument.Criterion;
import dev.ctpat.compliance.report.ReportDocument.Evidence;
import dev.ctpat.compliance.report.ReportDocument.EvidenceFile;
import dev.ctpat.compliance.report.ReportDocument.Finding;
import dev.ctpat.compliance.report.ReportDocument.SubItem;
import dev.ctpat.compliance.report.ReportDocument.Waiver;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as one self-contained HTML page for people: inline CSS (with print rules, so the
 * page prints as a readable document), an inline SVG bar chart of the statuses, a table of
 * criteria, one section per criterion with its sub-items, findings, evidence links, remediation,
 * waivers and NIST CSF / CIS Controls crosswalk, and what the result rests on (as-of date,
 * engine, policy digest, evidence files with digests). No script, no external asset.
 *
 * <p>The page is HTML5 written as well-formed XML (XHTML syntax), so XML tools can read it too.
 * An evidence link ({@code file:line}) leads to the file's entry in the evidence table, which
 * holds its digest: the page stays meaningful wherever it is opened.
 */
public final class HtmlRenderer implements ReportRenderer {
  private static final String CSS = """
      * { box-sizing: border-box; }
      body { margin: 0; color: #1f2328; background: #ffffff;
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
          sans-serif; }
      header.page, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
      header.page { padding-top: 24px; border-bottom: 1px solid #d0d7de; }
      h1 { font-size: 26px; line-height: 1.25; margin: 0 0 4px; }
      h2 { font-size: 20px; margin: 32px 0 12px; padding-bottom: 4px;
        border-bottom: 1px solid #d0d7de; }
      h3 { font-size: 17px; margin: 0; }
      h4 { font-size: 13px; margin: 16px 0 6px; color: #57606a; text-transform: uppercase;
        letter-spacing: 0.04em; }
      p { margin: 6px 0; }
      .subtitle, .meta, .note { color: #57606a; }
      .meta, .note { font-size: 13px; }
      .verdict { display: inline-block; margin: 14px 0 18px; padding: 6px 14px;
        border-radius: 6px; font-weight: 600; }
      .verdict.compliant { background: #dafbe1; color: #116329; border: 1px solid #4ac26b; }
      .verdict.not-compliant { background: #ffebe9; color: #a40e26; border: 1px solid #ff8182; }
      .badge { display: inline-block; padding: 1px 9px; border-radius: 10px; color: #ffffff;
        font-size: 12px; font-weight: 600; white-space: nowrap; }
      .badge.pass { background: #1a7f37; }
      .badge.fail { background: #cf222e; }
      .badge.insufficient_evidence { background: #9a6700; }
      .badge.not_applicable { background: #6e7781; }
      .badge.waived { background: #8250df; }
      .severity { font-size: 12px; font-weight: 600; text-transform: uppercase; }
      .severity.critical, .severity.high { color: #a40e26; }
      .severity.medium { color: #9a6700; }
      .severity.low, .severity.info { color: #57606a; }
      table { width: 100%; border-collapse: collapse; font-size: 14px; margin: 8px 0; }
      th, td { text-align: left; vertical-align: top; padding: 6px 8px;
        border-bottom: 1px solid #d8dee4; }
      th { background: #f6f8fa; font-weight: 600; }
      td.number, th.number { text-align: right; }
      code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        background: #f6f8fa; padding: 1px 4px; border-radius: 4px; overflow-wrap: break-word; }
      .sub-items code { white-space: nowrap; }
      a { color: #0969da; }
      .summary { display: flex; flex-wrap: wrap; gap: 24px 40px; align-items: flex-start; }
      .summary table { width: auto; min-width: 260px; }
      .chart text { font-size: 13px; fill: #1f2328; }
      section.criterion { margin: 18px 0; padding: 14px 18px; border: 1px solid #d0d7de;
        border-left-width: 6px; border-radius: 6px; }
      section.criterion.pass { border-left-color: #1a7f37; }
      section.criterion.fail { border-left-color: #cf222e; }
      section.criterion.insufficient_evidence { border-left-color: #9a6700; }
      section.criterion.not_applicable { border-left-color: #6e7781; }
      section.criterion.waived { border-left-color: #8250df; }
      .criterion-head { display: flex; justify-content: space-between; align-items: baseline;
        gap: 16px; }
      .description { margin: 8px 0; padding-left: 10px; border-left: 3px solid #d0d7de;
        color: #424a53; }
      ol.findings { margin: 4px 0; padding-left: 24px; }
      ol.findings li { margin-bottom: 10px; }
      .finding-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
      .message { font-weight: 500; }
      .remediation { padding: 4px 8px; background: #f6f8fa; border-radius: 4px; }
      dl.crosswalk { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px;
        margin: 4px 0; }
      dl.crosswalk dt { font-weight: 600; }
      dl.crosswalk dd { margin: 0; }
      .digest, .digest code { overflow-wrap: anywhere; }
      .evidence-files .digest code { font-size: 12px; }
      .nowrap { white-space: nowrap; }
      .waived-note { font-size: 12px; color: #8250df; font-weight: 600; }
      footer { margin-top: 32px; padding-top: 12px; padding-bottom: 24px;
        border-top: 1px solid #d0d7de; color: #57606a; font-size: 13px; }
      @page { margin: 15mm; }
      @media print {
        body { font-size: 10.5pt; }
        header.page, main, footer { max-width: none; padding-left: 0; padding-right: 0; }
        a { color: inherit; text-decoration: none; }
        h2, h3, h4 { break-after: avoid; }
        section.criterion, tr, ol.findings li, .summary { break-inside: avoid; }
        .badge, .verdict, section.criterion, .chart {
          -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      }
      """;

  private static final Map<Status, String> COLORS = Map.of(
      Status.PASS, "#1a7f37",
      Status.FAIL, "#cf222e",
      Status.INSUFFICIENT_EVIDENCE, "#9a6700",
      Status.NOT_APPLICABLE, "#6e7781",
      Status.WAIVED, "#8250df");

  @Override
  public String format() {
    return "html";
  }

  @Override
  public String fileExtension() {
    return "html";
  }

  @Override
  public void render(ReportDocument report, Writer out) throws IOException {
    Map<String, String> anchors = evidenceAnchors(report);
    Markup html = Markup.element("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
    html.add(head(report));
    Markup body = html.child("body");
    body.add(pageHeader(report));
    Markup main = body.child("main");
    main.add(summary(report));
    main.add(overview(report));
    Markup criteria = main.child("section", "id", "criteria-details");
    criteria.leaf("h2", "Criteria in detail");
    for (Criterion c : report.criteria()) {
      criteria.add(criterion(c, anchors));
    }
    main.add(basis(report, anchors));
    body.add(footer(report));
    out.write("<!DOCTYPE html>\n");
    html.write(out, Markup.Dialect.HTML);
    out.write('\n');
  }

  private static String title(ReportDocument report) {
    return "CTPAT cybersecurity assessment"
        + report.organizationName().map(n -> ": " + n).orElse("");
  }

  private static Markup head(ReportDocument report) {
    Markup head = Markup.element("head");
    head.child("meta", "charset", "utf-8");
    head.child("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    head.child("meta", "name", "generator", "content", engineLine(report));
    head.leaf("title", title(report) + " (as of " + report.asOf() + ")");
    head.child("style").raw("\n" + CSS);
    return head;
  }

  private static Markup pageHeader(ReportDocument report) {
    Markup header = Markup.element("header", "class", "page");
    header.leaf("h1", title(report));
    Markup subtitle = header.child("p", "class", "subtitle");
    subtitle.text("As of ").leaf("time", report.asOf().toString(),
        "datetime", report.asOf().toString());
    report.entity().ifPresent(e -> subtitle.text(" · entity type " + e));
    subtitle.text(" · " + Wording.criteria(report.criteria().size()) + " assessed");
    boolean compliant = report.summary().compliant();
    Markup verdict = header.child("p", "class",
        "verdict " + (compliant ? "compliant" : "not-compliant"));
    if (compliant) {
      verdict.text("Compliant: no must criterion fails or lacks evidence.");
    } else {
      verdict.text("Not compliant: must criteria "
          + report.blockingCriteria().stream().map(Criterion::id)
              .collect(Collectors.joining(", "))
          + " fail or lack evidence.");
    }
    return header;
  }

  private static Markup summary(ReportDocument report) {
    Markup section = Markup.element("section", "id", "summary");
    section.leaf("h2", "Summary");
    Markup row = section.child("div", "class", "summary");
    row.add(chart(report.summary()));
    Markup table = row.child("table");
    table.child("thead").child("tr").leaf("th", "Status")
        .leaf("th", "Criteria", "class", "number");
    Markup rows = table.child("tbody");
    for (Status s : Status.values()) {
      Markup tr = rows.child("tr");
      tr.child("td").add(badge(s));
      tr.leaf("td", String.valueOf(report.summary().count(s)), "class", "number");
    }
    Markup total = rows.child("tr");
    total.child("td").leaf("strong", "Total");
    total.child("td", "class", "number").leaf("strong",
        String.valueOf(report.summary().total()));
    return section;
  }

  /** A horizontal bar per status, scaled to the largest count; integer geometry only. */
  private static Markup chart(ReportDocument.Summary summary) {
    Status[] statuses = Status.values();
    int rowHeight = 30;
    int labelWidth = 170;
    int barWidth = 300;
    int height = statuses.length * rowHeight + 6;
    int max = 1;
    for (Status s : statuses) {
      max = Math.max(max, summary.count(s));
    }
    String description = "Criteria by status: " + Arrays.stream(statuses)
        .map(s -> summary.count(s) + " " + Wording.status(s).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
    Markup svg = Markup.element("svg", "xmlns", "http://www.w3.org/2000/svg",
        "class", "chart", "width", String.valueOf(labelWidth + barWidth + 50),
        "height", String.valueOf(height),
        "viewBox", "0 0 " + (labelWidth + barWidth + 50) + " " + height,
        "role", "img", "aria-label", description);
    svg.leaf("title", description);
    for (int i = 0; i < statuses.length; i++) {
      Status s = statuses[i];
      int y = 4 + i * rowHeight;
      int count = summary.count(s);
      int width = (count * barWidth + max / 2) / max;
      svg.leaf("text", Wording.status(s), "x", "0", "y", String.valueOf(y + 16));
      svg.child("rect", "x", String.valueOf(labelWidth), "y", String.valueOf(y),
          "width", String.valueOf(barWidth), "height", "20", "rx", "3", "fill", "#eaeef2");
      if (width > 0) {
        svg.child("rect", "x", String.valueOf(labelWidth), "y", String.valueOf(y),
            "width", String.valueOf(width), "height", "20", "rx", "3", "fill", COLORS.get(s));
      }
      svg.leaf("text", String.valueOf(count), "x", String.valueOf(labelWidth + barWidth + 10),
          "y", String.valueOf(y + 16));
    }
    return svg;
  }

  private static Markup overview(ReportDocument report) {
    Markup section = Markup.element("section", "id", "criteria");
    section.leaf("h2", "Criteria");
    Markup table = section.child("table");
    table.child("thead").child("tr").leaf("th", "Criterion").leaf("th", "Title")
        .leaf("th", "Requirement").leaf("th", "Status").leaf("th", "Findings", "class", "number");
    Markup rows = table.child("tbody");
    for (Criterion c : report.criteria()) {
      Markup tr = rows.child("tr");
      tr.child("td").leaf("a", c.id(), "href", "#" + anchor(c));
      tr.leaf("td", c.title());
      tr.leaf("td", Wording.requirement(c.requirement()));
      tr.child("td").add(badge(c.status()));
      tr.leaf("td", String.valueOf(c.findings().size()), "class", "number");
    }
    return section;
  }

  private static Markup criterion(Criterion c, Map<String, String> anchors) {
    Markup section = Markup.element("section", "id", anchor(c),
        "class", "criterion " + c.status().id());
    Markup head = section.child("div", "class", "criterion-head");
    head.leaf("h3", c.id() + " " + c.title());
    head.add(badge(c.status()));
    section.leaf("p", Wording.requirement(c.requirement()) + " criterion · "
        + Wording.count(c.subItems().size(), "sub-item") + " · "
        + Wording.count(c.findings().size(), "finding"), "class", "meta");
    if (!c.description().isEmpty()) {
      section.leaf("p", c.description(), "class", "description");
    }
    if (!c.subItems().isEmpty()) {
      section.add(subItems(c.subItems()));
    }
    section.leaf("h4", "Findings");
    if (c.findings().isEmpty()) {
      section.leaf("p", "No findings.", "class", "note");
    } else {
      Markup list = section.child("ol", "class", "findings");
      c.findings().forEach(f -> list.add(finding(c, f, anchors)));
    }
    if (!c.waivers().isEmpty()) {
      section.leaf("h4", "Waivers");
      Markup list = section.child("ul", "class", "waivers");
      for (Waiver w : c.waivers()) {
        list.leaf("li", Wording.waiver(w));
      }
    }
    if (!c.crosswalk().isEmpty()) {
      section.leaf("h4", "Crosswalk");
      Markup dl = section.child("dl", "class", "crosswalk");
      c.crosswalk().frameworks().forEach((key, ids) -> {
        if (!ids.isEmpty()) {
          dl.leaf("dt", Wording.framework(key)).leaf("dd", String.join(", ", ids));
        }
      });
      if (!c.crosswalk().basis().isEmpty()) {
        section.leaf("p", "Basis: " + c.crosswalk().basis(), "class", "note");
      }
    }
    return section;
  }

  private static Markup subItems(List<SubItem> subItems) {
    Markup table = Markup.element("table", "class", "sub-items");
    table.child("thead").child("tr").leaf("th", "Sub-item").leaf("th", "What is checked")
        .leaf("th", "Requirement").leaf("th", "Status");
    Markup rows = table.child("tbody");
    for (SubItem s : subItems) {
      Markup tr = rows.child("tr");
      tr.child("td").leaf("code", s.id());
      tr.leaf("td", s.title());
      tr.leaf("td", Wording.requirement(s.requirement()));
      tr.child("td").add(badge(s.status()));
    }
    return table;
  }

  private static Markup finding(Criterion c, Finding f, Map<String, String> anchors) {
    Markup li = Markup.element("li", "class", "finding");
    Markup head = li.child("div", "class", "finding-head");
    head.add(badge(f.status()));
    head.leaf("span", Wording.severity(f.severity()),
        "class", "severity " + Wording.id(f.severity()));
    head.child("span").leaf("code", f.subItem());
    String waivedBy = Wording.waivedBy(c, f);
    if (waivedBy != null) {
      head.leaf("span", waivedBy, "class", "waived-note");
    }
    li.leaf("p", f.message(), "class", "message");
    Markup evidence = li.child("p", "class", "evidence");
    evidence.text("Evidence: ");
    if (f.evidence().isEmpty()) {
      evidence.text("none; the evidence is missing.");
    }
    for (int i = 0; i < f.evidence().size(); i++) {
      Evidence e = f.evidence().get(i);
      if (i > 0) {
        evidence.text(", ");
      }
      String target = anchors.get(e.file());
      if (target == null) {
        evidence.leaf("code", e.toString());
      } else {
        evidence.child("a", "href", "#" + target).leaf("code", e.toString());
      }
    }
    if (!f.remediation().isEmpty()) {
      li.child("p", "class", "remediation").leaf("strong", "Remediation:")
          .text(" " + f.remediation());
    }
    return li;
  }

  private static Markup basis(ReportDocument report, Map<String, String> anchors) {
    Markup section = Markup.element("section", "id", "basis");
    section.leaf("h2", "What this result rests on");
    Markup table = section.child("table");
    Markup rows = table.child("tbody");
    basisRow(rows, "As of", report.asOf().toString());
    report.organizationName().ifPresent(n -> basisRow(rows, "Organization", n));
    report.entity().ifPresent(e -> basisRow(rows, "Entity type", e));
    for (Map.Entry<String, String> e : report.engine().fields().entrySet()) {
      basisRow(rows, Wording.engineField(e.getKey()), e.getValue());
    }
    section.leaf("h4", "Evidence files");
    if (report.evidenceFiles().isEmpty()) {
      section.leaf("p", "The report lists no evidence files.", "class", "note");
      return section;
    }
    Markup files = section.child("table", "class", "evidence-files");
    files.child("thead").child("tr").leaf("th", "File").leaf("th", "Adapter")
        .leaf("th", "SHA-256").leaf("th", "Collected at").leaf("th", "Warnings");
    Markup fileRows = files.child("tbody");
    List<EvidenceFile> list = report.evidenceFiles();
    for (int i = 0; i < list.size(); i++) {
      EvidenceFile f = list.get(i);
      String id = "evidence-" + (i + 1);
      Markup tr = fileRows.child("tr", "id", id.equals(anchors.get(f.path())) ? id : null);
      tr.child("td").leaf("code", f.path());
      tr.leaf("td", f.adapter() == null ? "not recognized" : f.adapter());
      if (f.sha256() == null) {
        tr.leaf("td", "unreadable");
      } else {
        tr.child("td", "class", "digest").leaf("code", f.sha256());
      }
      tr.leaf("td", f.collectedAt() == null ? "unknown" : f.collectedAt(), "class", "nowrap");
      tr.leaf("td", String.join("; ", f.warnings()));
    }
    return section;
  }

  private static void basisRow(Markup rows, String name, String value) {
    Markup tr = rows.child("tr");
    tr.leaf("th", name);
    tr.child("td", "class", "digest").leaf("code", value);
  }

  private static Markup footer(ReportDocument report) {
    return Markup.element("footer").leaf("p", "Generated by " + engineLine(report)
        + " for the assessment as of " + report.asOf() + ". The same report always renders "
        + "to the same page.");
  }

  private static String engineLine(ReportDocument report) {
    return report.engine().name() + report.engine().version().map(v -> " " + v).orElse("");
  }

  private static Markup badge(Status status) {
    return Markup.element("span", "class", "badge " + status.id()).text(Wording.status(status));
  }

  /** The fragment id of a criterion's section, e.g. {@code criterion-4.8}. */
  static String anchor(Criterion c) {
    return "criterion-" + c.id().replaceAll("[^A-Za-z0-9._-]", "-");
  }

  /** Fragment ids of the evidence table rows, by path. */
  private static Map<String, String> evidenceAnchors(ReportDocument report) {
    Map<String, String> anchors = new HashMap<>();
    List<EvidenceFile> files = report.evidenceFiles();
    for (int i = 0; i < files.size(); i++) {
      anchors.putIfAbsent(files.get(i).path(), "evidence-" + (i + 1));
    }
    return anchors;
  }
}
