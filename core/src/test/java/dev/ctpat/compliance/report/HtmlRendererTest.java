package dev.ctpat.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlRendererTest {
  private static final String HTML = new HtmlRenderer().renderToString(SampleReport.document());
  private static final Document DOC = XmlDocuments.parse(HTML);

  private static Element byId(String id) {
    return XmlDocuments.elements(DOC, "*").stream()
        .filter(e -> e.getAttribute("id").equals(id))
        .findFirst().orElseThrow(() -> new AssertionError("no element with id " + id));
  }

  @Test
  void isHtml5ThatAStrictXmlParserAccepts() {
    assertThat(HTML).startsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"");
    assertThat(DOC.getDocumentElement().getLocalName()).isEqualTo("html");
    assertThat(XmlDocuments.elements(DOC, "meta").get(0).getAttribute("charset"))
        .isEqualTo("utf-8");
  }

  @Test
  void hasASectionForEveryCriterion() {
    for (ReportDocument.Criterion c : SampleReport.document().criteria()) {
      Element section = byId("criterion-" + c.id());
      assertThat(section.getAttribute("class")).isEqualTo("criterion " + c.status().id());
      assertThat(section.getTextContent()).contains(c.id() + " " + c.title());
    }
  }

  @Test
  void isSelfContained() {
    assertThat(HTML).doesNotContain("<script", "<link", "src=", "url(", "@import");
    for (Element a : XmlDocuments.elements(DOC, "a")) {
      assertThat(a.getAttribute("href")).startsWith("#");
    }
  }

  @Test
  void styleIsInlineWithPrintRules() {
    String css = XmlDocuments.elements(DOC, "style").get(0).getTextContent();

    assertThat(css).contains("@media print", "print-color-adjust: exact",
        "break-inside: avoid");
  }

  @Test
  void chartIsAnInlineSvgWithABarPerStatus() {
    Element svg = XmlDocuments.elements(DOC, "svg").get(0);

    assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(svg.getAttribute("aria-label")).isEqualTo("Criteria by status: 6 pass, 4 fail, "
        + "2 insufficient evidence, 1 not applicable, 1 waived");
    List<Element> bars = XmlDocuments.elements(DOC, "rect").stream()
        .filter(r -> !r.getAttribute("fill").equals("#eaeef2")).toList();
    assertThat(bars).extracting(r -> r.getAttribute("width"))
        .containsExactly("300", "200", "100", "50", "50");
  }

  @Test
  void findingShowsSeverityMessageEvidenceLinkAndRemediation() {
    Element section = byId("criterion-4.8");
    Element finding = XmlDocuments.elements(DOC, "li").stream()
        .filter(li -> li.getAttribute("class").equals("finding")
            && section.isSameNode(li.getParentNode().getParentNode()))
        .findFirst().orElseThrow();

    assertThat(finding.getTextContent()).contains("High", "4.8.lockout",
        "Password policy \"Default Domain Policy\" never locks",
        "identity/ad-password-policy.txt:3", "Remediation: Set the account lockout threshold"
            + " to at most 10 failed logons & a lockout duration");
    Element link = XmlDocuments.elements(finding.getOwnerDocument(), "a").stream()
        .filter(a -> a.getTextContent().equals("identity/ad-password-policy.txt:3"))
        .findFirst().orElseThrow();
    assertThat(link.getAttribute("href")).isEqualTo("#evidence-5");
    assertThat(byId("evidence-5").getTextContent()).contains("identity/ad-password-policy.txt");
  }

  @Test
  void missingEvidenceIsSaid() {
    assertThat(byId("criterion-4.3").getTextContent())
        .contains("Evidence: none; the evidence is missing.");
  }

  @Test
  void showsWaiversAndTheirScope() {
    assertThat(byId("criterion-4.12").getTextContent())
        .contains("Waivers", "WV-2026-07: 4.12.offsite_copy", "approved by Dana Whitfield");
  }

  @Test
  void showsTheCrosswalkWhenTheReportHasOne() {
    ObjectNode json = SampleReport.json();
    ((ObjectNode) json.at("/criteria/7")).putObject("crosswalk")
        .put("basis", "our own mapping (inferred)")
        .<ObjectNode>set("nist_csf_2", json.arrayNode().add("PR.AA-01").add("PR.AA-03"))
        .set("cis_v8", json.arrayNode().add("5.2").add("6.3"));

    Document doc = XmlDocuments.parse(new HtmlRenderer().renderToString(ReportDocument.of(json)));

    assertThat(XmlDocuments.elements(doc, "dt")).extracting(Element::getTextContent)
        .containsExactly("CIS Controls v8", "NIST CSF 2.0");
    assertThat(XmlDocuments.elements(doc, "dd")).extracting(Element::getTextContent)
        .containsExactly("5.2, 6.3", "PR.AA-01, PR.AA-03");
    assertThat(doc.getDocumentElement().getTextContent())
        .contains("Basis: our own mapping (inferred)");
  }

  @Test
  void recordsWhatTheResultRestsOn() {
    String basis = byId("basis").getTextContent();

    assertThat(basis).contains("As of", "2026-11-27", "ctpat-policy-kit", "0.1.0",
        "Policy pack SHA-256", SampleReport.POLICY_SHA256, "scans/notes.docx", "unreadable",
        "not recognized");
    assertThat(XmlDocuments.elements(DOC, "tr").stream()
        .filter(tr -> tr.getAttribute("id").startsWith("evidence-"))).hasSize(10);
  }

  @Test
  void verdictNamesTheBlockingCriteria() {
    assertThat(HTML).contains("Not compliant: must criteria 4.2, 4.3, 4.7, 4.8, 12.8 fail or "
        + "lack evidence.");
  }

  @Test
  void escapesMarkupInReportText() {
    assertThat(HTML).contains("Müller &amp; Söhne", "&lt;after separation&gt;")
        .doesNotContain("<after separation>");
  }
}
