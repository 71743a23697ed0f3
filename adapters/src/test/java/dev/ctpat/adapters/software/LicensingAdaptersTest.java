package dev.ctpat.adapters.software;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.SoftwareComponent;
import dev.ctpat.compliance.evidence.SoftwareComponent.LicenseStatus;
import dev.ctpat.compliance.evidence.Source;
import org.junit.jupiter.api.Test;

class LicensingAdaptersTest {
  private static final String REGISTER = "software/license-entitlements.csv";

  @Test
  void entitlementRowsGiveSeatsInstallationsAndTerm() {
    AdapterResult result = Fixtures.read(new LicenseEntitlementsAdapter(), REGISTER);

    assertThat(result.evidence().software()).containsExactly(
        new SoftwareComponent("Microsoft 365 Business Premium", null, "Microsoft", "Subscription",
            LicenseStatus.LICENSED, 42, 45, Source.of(REGISTER, 2, "license-entitlements")),
        new SoftwareComponent("Adobe Acrobat Pro", "2024", "Adobe", "Subscription",
            LicenseStatus.LICENSED, 12, 10, Source.of(REGISTER, 3, "license-entitlements")),
        new SoftwareComponent("WinRAR", "6.x", "win.rar GmbH", "Perpetual",
            LicenseStatus.LICENSED, null, 1000, Source.of(REGISTER, 4, "license-entitlements")),
        new SoftwareComponent("Descartes CustomsInfo", null, "Descartes Systems Group",
            "Subscription", LicenseStatus.UNLICENSED, 5, 5,
            Source.of(REGISTER, 5, "license-entitlements")),
        new SoftwareComponent("AutoCAD LT", "2025", "Autodesk", "Subscription",
            LicenseStatus.LICENSED, 2, null, Source.of(REGISTER, 6, "license-entitlements")));
  }

  @Test
  void entitlementProblemsAreWarnedWithTheirLines() {
    AdapterResult result = Fixtures.read(new LicenseEntitlementsAdapter(), REGISTER);

    assertThat(result.warnings()).extracting(Object::toString).containsExactly(
        REGISTER + ":3: Adobe Acrobat Pro: no source of purchase, so an authorised channel cannot "
            + "be shown",
        REGISTER + ":5: Descartes CustomsInfo: the licence expired on 2026-09-30",
        REGISTER + ":6: seats '2,5' is not a whole number");
  }

  @Test
  void slmgrActivatedWindowsIsLicensedAndTheKeyIsNotCopied() {
    String file = "software/TGL-WS-014/slmgr-dli.txt";
    AdapterResult result = Fixtures.read(new SlmgrAdapter(), file);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().software()).containsExactly(new SoftwareComponent(
        "Windows(R), Professional edition", null, "Microsoft",
        "Windows(R) Operating System, RETAIL channel", LicenseStatus.LICENSED, null, null,
        Source.of(file, 4, "windows-slmgr")));
  }

  @Test
  void germanSlmgrInNotificationModeIsUnlicensed() {
    AdapterResult result = Fixtures.read(new SlmgrAdapter(), "software/slmgr-dli-de.txt");

    assertThat(result.evidence().software()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("Windows(R), Enterprise edition");
      assertThat(s.licenseStatus()).isEqualTo(LicenseStatus.UNLICENSED);
      assertThat(s.source().line()).isEqualTo(4);
    });
  }

  @Test
  void slmgrGracePeriodIsUnknownAndWarned() {
    AdapterResult result = Fixtures.readText(new SlmgrAdapter(), "x.txt",
        "Name: Windows(R), Education edition\nLicense Status: Initial grace period\n");

    assertThat(result.evidence().software().get(0).licenseStatus()).isEqualTo(LicenseStatus.UNKNOWN);
    assertThat(result.warnings()).singleElement().hasToString(
        "x.txt:2: Windows(R), Education edition is in a grace period: not activated yet");
  }

  @Test
  void softwareLicensingProductSkipsProductsWithoutAnInstalledKey() {
    String file = "software/softwarelicensingproduct-ps51.json";
    AdapterResult result = Fixtures.read(new SoftwareLicensingProductAdapter(), file);

    assertThat(result.evidence().software()).containsExactly(
        new SoftwareComponent("Windows(R), Professional edition", null, "Microsoft", "OEM:DM",
            LicenseStatus.LICENSED, null, null, Source.of(file, 2, "windows-licensing")),
        new SoftwareComponent("Office 21, Office21ProPlus2021VL_KMS_Client_AE edition", null,
            "Microsoft", "Volume:GVLK", LicenseStatus.UNKNOWN, null, null,
            Source.of(file, 26, "windows-licensing")));
    assertThat(result.warnings()).extracting(Object::toString).containsExactly(file
        + ":26: Office 21, Office21ProPlus2021VL_KMS_Client_AE edition is in a grace period: "
        + "not activated yet");
  }

  @Test
  void softwareLicensingProductWithoutKeyPropertyKeepsAllAndWarns() {
    AdapterResult result = Fixtures.readText(new SoftwareLicensingProductAdapter(), "slp.json",
        "[{\"Name\": \"Windows(R), Core edition\", \"LicenseStatus\": 5, \"ApplicationID\": \"55c9\"}]");

    assertThat(result.evidence().software()).singleElement()
        .satisfies(s -> assertThat(s.licenseStatus()).isEqualTo(LicenseStatus.UNLICENSED));
    assertThat(result.warnings()).singleElement().satisfies(w -> assertThat(w.message())
        .startsWith("no PartialProductKey property"));
  }
}
