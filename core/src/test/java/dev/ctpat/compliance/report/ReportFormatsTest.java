package dev.ctpat.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ctpat.compliance.AssessmentReport;
import dev.ctpat.compliance.Assessor;
import dev.ctpat.compliance.PolicyPack;
import dev.ctpat.compliance.report.SampleReport.Schema;
import dev.ctpat.rego.value.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReportFormatsTest {
  static Stream<ReportRenderer> renderers() {
    return ReportFormats.all().values().stream();
  }

  @Test
  void listsTheBuiltInFormatsInAFixedOrder() {
    assertThat(ReportFormats.names())
        .containsExactly("markdown", "html", "sarif", "junit", "oscal");
    ReportFormats.all().forEach((name, r) -> assertThat(r.format()).isEqualTo(name));
  }

  @Test
  void fileExtensionsAreDistinctSoFormatsShareAFolder() {
    assertThat(renderers().map(ReportRenderer::fileExtension))
        .containsExactly("md", "html", "sarif", "junit.xml", "oscal.json");
  }

  @Test
  void anUnknownFormatIsRejectedNamingTheKnownOnes() {
    assertThat(ReportFormats.find("pdf")).isEmpty();
    assertThatThrownBy(() -> ReportFormats.get("pdf")).hasMessage(
        "unknown report format \"pdf\"; known: markdown, html, sarif, junit, oscal");
  }

  @Test
  void parsesACommaSeparatedList() {
    assertThat(ReportFormats.parseList("html, sarif")).extracting(ReportRenderer::format)
        .containsExactly("html", "sarif");
    assertThatThrownBy(() -> ReportFormats.parseList("html,,sarif"))
        .hasMessage("empty format name in \"html,,sarif\"");
    assertThatThrownBy(() -> ReportFormats.parseList("html,html"))
        .hasMessage("format html is given twice");
    assertThatThrownBy(() -> ReportFormats.parseList("html,text"))
        .hasMessageStartingWith("unknown report format \"text\"");
  }

  @ParameterizedTest
  @MethodSource("renderers")
  void sameReportGivesTheSameBytes(ReportRenderer renderer) throws IOException {
    byte[] first = bytes(renderer, SampleReport.document());
    byte[] second = bytes(renderer, SampleReport.document());

    assertThat(second).isEqualTo(first);
  }

  @ParameterizedTest
  @MethodSource("renderers")
  void outputIsUtf8WithUnixLineEndsAndAFinalNewline(ReportRenderer renderer)
      throws IOException {
    String text = new String(bytes(renderer, SampleReport.document()), StandardCharsets.UTF_8);

    assertThat(text).contains("Müller").doesNotContain("\r").endsWith("\n");
  }

  @ParameterizedTest
  @MethodSource("renderers")
  void recordsWhatTheResultRestsOn(ReportRenderer renderer) {
    String text = renderer.renderToString(SampleReport.document());
    String passwordPolicyDigest = SampleReport.document().evidenceFiles().get(4).sha256();

    assertThat(text).contains("2026-11-27", "ctpat-policy-kit", "0.1.0",
        SampleReport.POLICY_SHA256, passwordPolicyDigest);
  }

  @ParameterizedTest
  @MethodSource("renderers")
  void mentionsEveryCriterion(ReportRenderer renderer) {
    String text = renderer.renderToString(SampleReport.document());

    for (ReportDocument.Criterion c : SampleReport.document().criteria()) {
      assertThat(text).contains(c.id());
    }
  }

  @ParameterizedTest
  @MethodSource("renderers")
  void writingToAStreamLeavesItOpen(ReportRenderer renderer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        throw new AssertionError("the renderer closed the stream");
      }
    };

    renderer.render(SampleReport.document(), out);

    assertThat(out.size()).isPositive();
  }

  @Test
  void anAssessorsReportRendersInEveryFormatAndTheJsonFormatsStayValid() {
    PolicyPack pack = PolicyPack.fromClasspath(getClass().getClassLoader(),
        "dev/ctpat/compliance/fixture-pack");
    AssessmentReport report = Assessor.builder().pack(pack).build()
        .assess(Json.parse("{\"organization\": {\"as_of\": \"2026-11-27\"}}"));
    ReportDocument document = ReportDocument.of(report);

    for (ReportRenderer renderer : ReportFormats.all().values()) {
      assertThat(renderer.renderToString(document)).contains("1.10");
    }
    assertThat(SampleReport.validate(Schema.SARIF, SampleReport.parse(
        new SarifRenderer().renderToString(document)))).isEmpty();
    assertThat(SampleReport.validate(Schema.OSCAL_ASSESSMENT_RESULTS, SampleReport.parse(
        new OscalRenderer().renderToString(document)))).isEmpty();
  }

  private static byte[] bytes(ReportRenderer renderer, ReportDocument report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.render(report, out);
    return out.toByteArray();
  }
}
