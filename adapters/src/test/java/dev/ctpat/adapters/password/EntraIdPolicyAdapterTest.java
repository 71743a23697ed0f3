package dev.ctpat.adapters.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import dev.ctpat.compliance.evidence.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntraIdPolicyAdapterTest {
  private static final String NAME = EntraIdPolicyAdapter.NAME;
  private static final String CA = "entra id: conditional access";

  /** Entra's fixed rules (length 8, complexity, history 1, smart lockout 10 for 1 minute). */
  private static PasswordPolicy fixed(String scope, Boolean mfa, String file, int line) {
    return new PasswordPolicy(scope, "entra", 8, true, null, 1, 10, 1, mfa,
        Source.of(file, line, NAME));
  }

  @Test
  void enabledAuthenticatorLeavesMfaUnknownWithTheFixedRules() {
    String file = "password/entra-authentication-methods-policy.json";

    AdapterResult result = Fixtures.read(new EntraIdPolicyAdapter(), file);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().passwordPolicies()).containsExactly(
        fixed("entra id: authentication methods", null, file, 1));
  }

  @Test
  void noSecondFactorEnabledMeansMfaIsNotRequired() {
    AdapterResult result = Fixtures.readText(new EntraIdPolicyAdapter(), "m.json",
        "{\"authenticationMethodConfigurations\": [\n"
            + "  {\"id\": \"MicrosoftAuthenticator\", \"state\": \"disabled\"},\n"
            + "  {\"id\": \"Email\", \"state\": \"enabled\"},\n"
            + "  {\"id\": \"TemporaryAccessPass\", \"state\": \"enabled\"}]}");

    assertThat(result.evidence().passwordPolicies()).containsExactly(
        fixed("entra id: authentication methods", false, "m.json", 1));
  }

  @Test
  void enforcedPolicyForAllUsersRequiresMfaAndItsExclusionIsWarned() {
    String file = "password/entra-conditional-access-policies.json";

    AdapterResult result = Fixtures.read(new EntraIdPolicyAdapter(), file);

    // The report-only pilot at line 44 does not count; the enforced policy at line 71 does.
    assertThat(result.evidence().passwordPolicies()).containsExactly(fixed(CA, true, file, 71));
    assertThat(result.warnings()).singleElement().hasToString(file
        + ":71: \"Require multifactor authentication for all users\" excludes 1 users, groups"
        + " or roles from MFA");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "report-only          | enabledForReportingButNotEnforced | All    | All | OR  | \"mfa\"",
      "one group            | enabled                           | 00g-1  | All | OR  | \"mfa\"",
      "one app              | enabled                           | All    | app | OR  | \"mfa\"",
      "mfa or device        | enabled                           | All    | All | OR  | \"mfa\", \"compliantDevice\"",
      "block only           | enabled                           | All    | All | OR  | \"block\""})
  void policiesThatDoNotRequireMfaOfEveryoneLeaveItFalse(String name, String state, String user,
      String app, String operator, String controls) {
    String json = "{\"value\": [{\"displayName\": \"p\", \"state\": \"" + state + "\","
        + " \"conditions\": {\"users\": {\"includeUsers\": [\"" + user + "\"]},"
        + " \"applications\": {\"includeApplications\": [\"" + app + "\"]}},"
        + " \"grantControls\": {\"operator\": \"" + operator + "\", \"builtInControls\": ["
        + controls + "]}}]}";

    AdapterResult result = Fixtures.readText(new EntraIdPolicyAdapter(), "ca.json", json);

    assertThat(result.evidence().passwordPolicies()).containsExactly(
        fixed(CA, false, "ca.json", 1));
  }

  @Test
  void mfaTogetherWithAnotherControlOrAnAuthenticationStrengthRequiresMfa() {
    String json = "{\"value\": [\n"
        + "  {\"state\": \"enabled\", \"conditions\": {\"users\": {\"includeUsers\": [\"All\"]},"
        + " \"applications\": {\"includeApplications\": [\"All\"]}}, \"grantControls\":"
        + " {\"operator\": \"AND\", \"builtInControls\": [\"mfa\", \"compliantDevice\"]}}]}";
    String strength = json.replace("\"builtInControls\": [\"mfa\", \"compliantDevice\"]",
        "\"builtInControls\": [], \"authenticationStrength\": {\"id\": \"00000000-0000-0000-0000-000000000002\"}");

    assertThat(Fixtures.readText(new EntraIdPolicyAdapter(), "ca.json", json)
        .evidence().passwordPolicies()).containsExactly(fixed(CA, true, "ca.json", 2));
    assertThat(Fixtures.readText(new EntraIdPolicyAdapter(), "ca.json", strength)
        .evidence().passwordPolicies()).containsExactly(fixed(CA, true, "ca.json", 2));
  }

  @Test
  void otherGraphResponseIsWarnedAndYieldsNothing() {
    AdapterResult result = Fixtures.readText(new EntraIdPolicyAdapter(), "g.json",
        "{\"id\": \"authorizationPolicy\"}");

    assertThat(result.evidence().passwordPolicies()).isNull();
    assertThat(result.warnings()).singleElement().hasToString("g.json:1: neither an"
        + " authentication methods policy nor a list of conditional access policies");
  }
}
