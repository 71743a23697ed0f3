package dev.ctpat.adapters.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import dev.ctpat.compliance.evidence.Source;
import org.junit.jupiter.api.Test;

class OktaPasswordPolicyAdapterTest {
  private static final String FILE = "password/okta-password-policies.json";
  private static final String NAME = OktaPasswordPolicyAdapter.NAME;

  @Test
  void everyActivePolicyIsReadAtItsLineAndInactiveOnesAreSkipped() {
    AdapterResult result = Fixtures.read(new OktaPasswordPolicyAdapter(), FILE);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().passwordPolicies()).containsExactly(
        // maxAgeDays 0 = never expires; three of four classes = complexity.
        new PasswordPolicy("okta: Default Policy", "okta", 12, true, null, 4, 10, 30, null,
            Source.of(FILE, 2, NAME)),
        // maxAttempts 0 = no lockout; autoUnlockMinutes 0 = until an admin unlocks.
        new PasswordPolicy("okta: Warehouse kiosks", "okta", 8, false, 90, 0, 0, null, null,
            Source.of(FILE, 86, NAME)));
  }

  @Test
  void singlePolicyObjectWithoutComplexityClassesLeavesComplexityUnknown() {
    AdapterResult result = Fixtures.readText(new OktaPasswordPolicyAdapter(), "okta.json",
        "{\"type\": \"PASSWORD\", \"status\": \"ACTIVE\", \"name\": \"Lager\u00e4rbete\","
            + " \"settings\": {\"password\": {\"complexity\": {\"minLength\": 10}}}}");

    assertThat(result.evidence().passwordPolicies()).singleElement().isEqualTo(
        new PasswordPolicy("okta: Lager\u00e4rbete", "okta", 10, null, null, null, null, null,
            null, Source.of("okta.json", 1, NAME)));
  }

  @Test
  void otherPolicyTypesInTheSameListAreIgnored() {
    AdapterResult result = Fixtures.readText(new OktaPasswordPolicyAdapter(), "okta.json",
        "[{\"type\": \"OKTA_SIGN_ON\", \"name\": \"Sign-on\", \"status\": \"ACTIVE\"}]");

    assertThat(result.evidence().passwordPolicies()).isEmpty();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void policyWithoutNameIsSkippedWithWarning() {
    AdapterResult result = Fixtures.readText(new OktaPasswordPolicyAdapter(), "okta.json",
        "[\n  {\"type\": \"PASSWORD\", \"status\": \"ACTIVE\"}\n]");

    assertThat(result.evidence().passwordPolicies()).isEmpty();
    assertThat(result.warnings()).singleElement()
        .hasToString("okta.json:2: Okta password policy without a name skipped");
  }
}
