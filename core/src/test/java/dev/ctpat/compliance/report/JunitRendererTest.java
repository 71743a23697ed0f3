package dev.ctpat.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitRendererTest {
  private static final String XML = new JunitRenderer().renderToString(SampleReport.document());
  private static final Document DOC = XmlDocuments.parse(XML);

  private static Element testcase(String criterion) {
    return XmlDocuments.elements(DOC, "testcase").stream()
        .filter(t -> t.getAttribute("name").startsWith(criterion + " "))
        .findFirst().orElseThrow(() -> new AssertionError("no testcase " + criterion));
  }

  private static Map<String, String> properties() {
    Map<String, String> props = new LinkedHashMap<>();
    for (Element p : XmlDocuments.elements(DOC, "property")) {
      props.put(p.getAttribute("name"), p.getAttribute("value"));
    }
    return props;
  }

  @Test
  void isOneSuiteWithOneTestcasePerCriterion() {
    assertThat(DOC.getDocumentElement().getTagName()).isEqualTo("testsuites");
    List<Element> suites = XmlDocuments.elements(DOC, "testsuite");
    assertThat(suites).hasSize(1);
    assertThat(XmlDocuments.children(suites.get(0), "testcase")).extracting(
            t -> t.getAttribute("name").split(" ")[0])
        .containsExactly("4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10",
            "4.11", "4.12", "4.13", "12.8");
  }

  @Test
  void suiteCountsMatchTheSummary() {
    Element suite = XmlDocuments.elements(DOC, "testsuite").get(0);

    assertThat(suite.getAttribute("tests")).isEqualTo("14");
    assertThat(suite.getAttribute("failures")).isEqualTo("6");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    assertThat(suite.getAttribute("skipped")).isEqualTo("2");
    assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-27T00:00:00");
  }

  @Test
  void failingCriterionIsAFailureCarryingItsFindings() {
    Element failure = XmlDocuments.children(testcase("4.2"), "failure").get(0);

    assertThat(failure.getAttribute("type")).isEqualTo("fail");
    assertThat(failure.getAttribute("message"))
        .startsWith("must criterion fail: Endpoint WKS-0147 has 3 security updates")
        .endsWith("(and 1 more)");
    assertThat(failure.getTextContent())
        .contains("[high] fail 4.2.patches: Endpoint WKS-0147",
            "evidence: endpoints/wsus-compliance.csv:148",
            "remediation: Install the pending security updates",
            "[medium] fail 4.2.signatures");
  }

  @Test
  void insufficientEvidenceIsAFailureSayingWhatIsMissing() {
    Element failure = XmlDocuments.children(testcase("4.3"), "failure").get(0);

    assertThat(failure.getAttribute("type")).isEqualTo("insufficient_evidence");
    assertThat(failure.getTextContent()).contains("evidence: none (missing)");
  }

  @Test
  void waivedCriterionIsSkippedWithTheWaiverAsReason() {
    Element testcase = testcase("4.12");

    assertThat(XmlDocuments.children(testcase, "failure")).isEmpty();
    assertThat(XmlDocuments.children(testcase, "skipped").get(0).getAttribute("message"))
        .startsWith("waived: WV-2026-07: 4.12.offsite_copy")
        .contains("Dana Whitfield, CISO", "expires 2027-02-28");
    assertThat(XmlDocuments.children(testcase, "system-out").get(0).getTextContent())
        .contains("nas-backup-01");
  }

  @Test
  void notApplicableCriterionIsSkippedWithReason() {
    assertThat(XmlDocuments.children(testcase("4.9"), "skipped").get(0).getAttribute("message"))
        .startsWith("not applicable:");
  }

  @Test
  void passingCriterionHasNoChildren() {
    assertThat(testcase("4.1").getChildNodes().getLength()).isZero();
    assertThat(testcase("4.1").getAttribute("classname")).isEqualTo("ctpat.must");
    assertThat(testcase("4.4").getAttribute("classname")).isEqualTo("ctpat.should");
  }

  @Test
  void textThatNeedsEscapingSurvivesTheRoundTrip() {
    assertThat(XML).contains("&lt;after separation&gt;", "Müller &amp; Söhne");
    assertThat(XmlDocuments.children(testcase("4.7"), "failure").get(0).getTextContent())
        .contains("logged on 2026-11-12 <after separation>");
    assertThat(properties()).containsEntry("organization", "Müller & Söhne Logistik GmbH");
  }

  @Test
  void propertiesRecordWhatTheResultRestsOn() {
    Map<String, String> props = properties();

    assertThat(props).containsEntry("as_of", "2026-11-27")
        .containsEntry("compliant", "false")
        .containsEntry("engine.name", "ctpat-policy-kit")
        .containsEntry("engine.version", "0.1.0")
        .containsEntry("engine.policy_sha256", SampleReport.POLICY_SHA256)
        .containsEntry("evidence.scans/notes.docx", "unreadable")
        .containsKey("evidence.identity/ad users.csv");
  }

  @Test
  void controlCharactersAreReplacedSoTheXmlStaysWellFormed() {
    ObjectNode json = SampleReport.json();
    ((ObjectNode) json.at("/criteria/1/findings/0"))
        .put("message", "bell \u0007 and lone surrogate \uD800 here");

    Document doc = XmlDocuments.parse(new JunitRenderer().renderToString(ReportDocument.of(json)));

    assertThat(doc.getElementsByTagName("failure").item(0).getTextContent())
        .contains("bell \uFFFD and lone surrogate \uFFFD here");
  }
}
