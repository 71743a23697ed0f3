package dev.ctpat.adapters.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import dev.ctpat.compliance.evidence.Source;
import org.junit.jupiter.api.Test;

class MacPwpolicyAdapterTest {
  private static final String NAME = MacPwpolicyAdapter.NAME;
  private static final String SCOPE = "macos global account policy";

  private static PasswordPolicy only(AdapterResult result) {
    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().passwordPolicies()).hasSize(1);
    return result.evidence().passwordPolicies().get(0);
  }

  @Test
  void fullPolicyReadsEveryRuleWithParameters() {
    String file = "password/mac-07.pwpolicy.txt";

    PasswordPolicy policy = only(Fixtures.read(new MacPwpolicyAdapter(), file));

    // digits, letters and symbols are three classes; 900 s auto-enable = 15 minutes.
    assertThat(policy).isEqualTo(new PasswordPolicy(SCOPE, "macos", 12, true, 90, 5, 10, 15,
        null, Source.of(file, 4, NAME)));
  }

  @Test
  void legacyCrlfPolicyWithLiteralLimitAndMinutesUntilChange() {
    String file = "password/mac-kiosk-legacy.pwpolicy.txt";

    PasswordPolicy policy = only(Fixtures.read(new MacPwpolicyAdapter(), file));

    // 86400 minutes = 60 days; "< 6" locks on the sixth failure, never unlocking by itself.
    assertThat(policy).isEqualTo(new PasswordPolicy(SCOPE, "macos", 8, false, 60, null, 6, null,
        null, Source.of(file, 4, NAME)));
  }

  @Test
  void emptyPolicyListMeansNoLockoutAndNoExpiryButUnknownContentRules() {
    PasswordPolicy policy = only(Fixtures.readText(new MacPwpolicyAdapter(), "p.txt",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict/>\n</plist>\n"));

    assertThat(policy).isEqualTo(new PasswordPolicy(SCOPE, "macos", null, null, null, null, 0,
        null, null, Source.of("p.txt", 2, NAME)));
  }

  @Test
  void lockoutLimitNamingAMissingParameterIsWarned() {
    AdapterResult result = Fixtures.readText(new MacPwpolicyAdapter(), "p.txt",
        "<plist version=\"1.0\">\n<dict>\n<key>policyCategoryAuthentication</key>\n<array>\n"
            + "<dict><key>policyContent</key><string>policyAttributeFailedAuthentications &lt;"
            + " maxFailures</string></dict>\n</array>\n</dict>\n</plist>\n");

    assertThat(result.evidence().passwordPolicies().get(0).lockoutThreshold()).isNull();
    assertThat(result.warnings()).singleElement()
        .hasToString("p.txt: policyAttributeFailedAuthentications limit is not a number");
  }

  @Test
  void mixedCaseCountsAsTwoClasses() {
    PasswordPolicy policy = only(Fixtures.readText(new MacPwpolicyAdapter(), "p.txt",
        "<plist version=\"1.0\">\n<dict>\n<key>policyCategoryPasswordContent</key>\n<array>\n"
            + "<dict><key>policyContent</key><string>policyAttributePassword matches"
            + " '(.*[A-Z].*){1,}+'</string></dict>\n"
            + "<dict><key>policyContent</key><string>policyAttributePassword matches"
            + " '(.*[a-z].*){1,}+'</string></dict>\n"
            + "<dict><key>policyContent</key><string>policyAttributePassword matches"
            + " '(.*[0-9].*){1,}+'</string></dict>\n</array>\n</dict>\n</plist>\n"));

    assertThat(policy.complexityRequired()).isTrue();
    assertThat(policy.minLength()).isNull();
  }
}
