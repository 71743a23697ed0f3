package dev.ctpat.adapters.software;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.SoftwareComponent;
import dev.ctpat.compliance.evidence.SoftwareComponent.LicenseStatus;
import dev.ctpat.compliance.evidence.Source;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SbomAdaptersTest {
  private static final String SPDX = "software/edi-gateway.spdx.json";
  private static final String CDX = "software/portal.cdx.json";
  private static final Instant SPDX_CREATED = Instant.parse("2026-11-24T08:10:11Z");
  private static final Instant CDX_CREATED = Instant.parse("2026-11-25T13:03:27Z");

  private static SoftwareComponent named(AdapterResult result, String name) {
    return result.evidence().software().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow();
  }

  @Test
  void spdxPackagesWithoutTheDescribedImage() {
    AdapterResult result = Fixtures.read(new SpdxAdapter(), SPDX);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().software()).extracting(SoftwareComponent::name)
        .containsExactly("libssl3", "jackson-databind", "edifact-translator", "tzdata");
  }

  @Test
  void spdxDeclaredLicenceStandsInForAnUnassertedConcludedOne() {
    AdapterResult result = Fixtures.read(new SpdxAdapter(), SPDX);

    assertThat(named(result, "libssl3")).isEqualTo(new SoftwareComponent("libssl3",
        "3.0.2-0ubuntu1.15", "Ubuntu Developers", "Apache-2.0", LicenseStatus.LICENSED, null, null,
        new Source(SPDX, 27, "spdx", SPDX_CREATED)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "null", value = {
      "jackson-databind, (Apache-2.0 OR LGPL-2.1-or-later), FasterXML, LICENSED",
      "edifact-translator, LicenseRef-Tradelink-Commercial, Tradelink Software GmbH, UNKNOWN",
      "tzdata, null, null, UNKNOWN"})
  void spdxLicenceStatusFollowsTheExpression(String name, String license, String supplier,
      LicenseStatus status) {
    SoftwareComponent component = named(Fixtures.read(new SpdxAdapter(), SPDX), name);

    assertThat(component.license()).isEqualTo(license);
    assertThat(component.supplier()).isEqualTo(supplier);
    assertThat(component.licenseStatus()).isEqualTo(status);
  }

  @Test
  void cycloneDxComponentsIncludingNestedOnesButNotFiles() {
    AdapterResult result = Fixtures.read(new CycloneDxAdapter(), CDX);

    assertThat(result.evidence().software()).extracting(SoftwareComponent::name).containsExactly(
        "jackson-databind", "logback-classic", "logback-core", "Aspose.PDF for Java", "geo-lookup");
    assertThat(named(result, "jackson-databind")).isEqualTo(new SoftwareComponent(
        "jackson-databind", "2.17.2", "FasterXML", "Apache-2.0", LicenseStatus.LICENSED, null, null,
        new Source(CDX, 13, "cyclonedx", CDX_CREATED)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "logback-classic, EPL-1.0 OR LGPL-2.1-only, LICENSED",
      "logback-core, Eclipse Public License - v 1.0, UNKNOWN",
      "Aspose.PDF for Java, Aspose Developer Small Business, UNLICENSED",
      "geo-lookup, Example Maps EULA, LICENSED"})
  void cycloneDxLicenceStatusFromIdsNamesAndCommercialTerms(String name, String license,
      LicenseStatus status) {
    SoftwareComponent component = named(Fixtures.read(new CycloneDxAdapter(), CDX), name);

    assertThat(component.license()).isEqualTo(license);
    assertThat(component.licenseStatus()).isEqualTo(status);
  }

  @Test
  void cycloneDxExpiredCommercialLicenceIsWarned() {
    AdapterResult result = Fixtures.read(new CycloneDxAdapter(), CDX);

    assertThat(result.warnings()).extracting(Object::toString).containsExactly(
        CDX + ":37: Aspose.PDF for Java: the licence expired on 2026-09-30");
    assertThat(named(result, "Aspose.PDF for Java").supplier()).isEqualTo("Aspose Pty Ltd");
  }

  @Test
  void cycloneDx14IsReadWithoutWarning() {
    AdapterResult result = Fixtures.read(new CycloneDxAdapter(), "software/scanner-app.cdx-1.4.json");

    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().software()).singleElement()
        .satisfies(s -> assertThat(s.licenseStatus()).isEqualTo(LicenseStatus.LICENSED));
  }

  @Test
  void cycloneDxOlderSpecVersionIsWarnedButRead() {
    AdapterResult result = Fixtures.readText(new CycloneDxAdapter(), "old.cdx.json",
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.2\",\"components\":[{\"name\":\"a\"}]}");

    assertThat(result.evidence().software()).hasSize(1);
    assertThat(result.warnings()).singleElement().hasToString(
        "old.cdx.json:1: CycloneDX spec version 1.2 is not one of 1.4-1.6; read as 1.6");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "null", value = {
      "MIT, LICENSED",
      "Apache-2.0 WITH LLVM-exception, LICENSED",
      "(MIT AND (BSD-3-Clause OR GPL-2.0+)), LICENSED",
      "NOASSERTION, UNKNOWN",
      "NONE, UNKNOWN",
      "LicenseRef-Acme-EULA, UNKNOWN",
      "Apache License 2.0, UNKNOWN",
      "null, UNKNOWN"})
  void licenceExpressionStatus(String expression, LicenseStatus status) {
    assertThat(LicenseExpressions.status(expression)).isEqualTo(status);
  }
}
