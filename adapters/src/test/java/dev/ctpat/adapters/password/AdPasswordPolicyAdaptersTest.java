package dev.ctpat.adapters.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter.Match;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import dev.ctpat.compliance.evidence.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdPasswordPolicyAdaptersTest {
  private static final String DEFAULT = AdDefaultDomainPasswordPolicyAdapter.NAME;
  private static final String FINE_GRAINED = AdFineGrainedPasswordPolicyAdapter.NAME;

  private static PasswordPolicy only(AdapterResult result) {
    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().passwordPolicies()).hasSize(1);
    return result.evidence().passwordPolicies().get(0);
  }

  @Test
  void defaultPolicyFromPowerShell51Utf16ReadsTimeSpanObjects() {
    String file = "password/ad-default-domain-policy-ps51.json";

    PasswordPolicy policy = only(Fixtures.read(new AdDefaultDomainPasswordPolicyAdapter(), file));

    assertThat(policy).isEqualTo(new PasswordPolicy("ad domain default", "ad", 14, true, 42, 24,
        5, 30, null, Source.of(file, 1, DEFAULT)));
  }

  @Test
  void defaultPolicyFromPowerShell7WithZeroMaxAgeNeverExpires() {
    String file = "password/ad-default-domain-policy-ps7.json";

    PasswordPolicy policy = only(Fixtures.read(new AdDefaultDomainPasswordPolicyAdapter(), file));

    // LockoutDuration 00:10:30 rounds up to 11 minutes; threshold 0 = no lockout.
    assertThat(policy).isEqualTo(new PasswordPolicy("ad domain default", "ad", 7, false, null, 0,
        0, 11, null, Source.of(file, 1, DEFAULT)));
  }

  @Test
  void fineGrainedArrayGivesOnePolicyPerNameAtItsLine() {
    String file = "password/ad-fine-grained-policies.json";

    AdapterResult result = Fixtures.read(new AdFineGrainedPasswordPolicyAdapter(), file);

    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().passwordPolicies()).containsExactly(
        new PasswordPolicy("fine-grained: PSO-Admins", "ad", 20, true, 60, 24, 3, 1440, null,
            Source.of(file, 2, FINE_GRAINED)),
        // MaxPasswordAge TimeSpan.MaxValue is AD's "never".
        new PasswordPolicy("fine-grained: PSO-Service Accounts", "ad", 30, true, null, 5, 0, 0,
            null, Source.of(file, 22, FINE_GRAINED)));
  }

  @Test
  void singleFineGrainedPolicyFromPowerShell51KeepsItsUnicodeName() {
    String file = "password/ad-fine-grained-single-ps51.json";

    PasswordPolicy policy = only(Fixtures.read(new AdFineGrainedPasswordPolicyAdapter(), file));

    assertThat(policy).isEqualTo(new PasswordPolicy("fine-grained: PSO-Zollabfertigung Müller",
        "ad", 12, true, 90, 12, 10, 15, null, Source.of(file, 1, FINE_GRAINED)));
  }

  @Test
  void eachAdapterLeavesTheOtherKindOfPolicyAlone() {
    assertThat(new AdDefaultDomainPasswordPolicyAdapter()
        .detect(Fixtures.input("password/ad-fine-grained-policies.json"))).isEqualTo(Match.NONE);
    assertThat(new AdFineGrainedPasswordPolicyAdapter()
        .detect(Fixtures.input("password/ad-default-domain-policy-ps7.json")))
        .isEqualTo(Match.NONE);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "null", value = {
      "'\"42.00:00:00\"', 42",
      "'\"41.23:59:59.9999999\"', 41",
      "'\"00:00:00\"', null",
      "'\"-42.00:00:00\"', 42",
      "'{\"Days\": 30, \"TotalDays\": 30.5}', 30",
      "'\"10675199.02:48:05.4775807\"', null",
      "'null', null"})
  void maxPasswordAgeSpellings(String json, Integer days) {
    AdapterResult result = Fixtures.readText(new AdDefaultDomainPasswordPolicyAdapter(), "p.json",
        "{\"MaxPasswordAge\": " + json + ", \"LockoutThreshold\": 5}");

    assertThat(only(result).maxAgeDays()).isEqualTo(days);
  }

  @Test
  void unreadableTimeSpanIsWarnedAndUnknown() {
    AdapterResult result = Fixtures.readText(new AdDefaultDomainPasswordPolicyAdapter(), "p.json",
        "{\n  \"MinPasswordLength\": 8,\n  \"LockoutDuration\": \"thirty minutes\"\n}");

    assertThat(result.evidence().passwordPolicies()).singleElement()
        .satisfies(p -> assertThat(p.lockoutDurationMinutes()).isNull())
        .satisfies(p -> assertThat(p.minLength()).isEqualTo(8));
    assertThat(result.warnings()).singleElement()
        .hasToString("p.json:1: LockoutDuration is not a time span");
  }

  @Test
  void defaultPolicyArrayIsWarnedNotGuessed() {
    AdapterResult result = Fixtures.readText(new AdDefaultDomainPasswordPolicyAdapter(), "p.json",
        "[]");

    assertThat(result.evidence().passwordPolicies()).isNull();
    assertThat(result.warnings()).singleElement()
        .hasToString("p.json:1: expected one password policy object");
  }

  @Test
  void fineGrainedPolicyWithoutNameIsSkippedWithWarning() {
    AdapterResult result = Fixtures.readText(new AdFineGrainedPasswordPolicyAdapter(), "f.json",
        "[\n  {\"Precedence\": 1, \"MinPasswordLength\": 20},\n  {\"Name\": \"Ops\", \"Precedence\": 2}\n]");

    assertThat(result.evidence().passwordPolicies()).extracting(PasswordPolicy::scope)
        .containsExactly("fine-grained: Ops");
    assertThat(result.warnings()).singleElement()
        .hasToString("f.json:2: fine-grained password policy without a Name skipped");
  }

  @Test
  void truncatedExportWarnsAtTheSyntaxError() {
    AdapterResult result = Fixtures.readText(new AdFineGrainedPasswordPolicyAdapter(), "f.json",
        "[\n  {\n    \"Name\": \"PSO-Admins\",\n");

    assertThat(result.evidence().passwordPolicies()).isNull();
    assertThat(result.warnings()).singleElement()
        .satisfies(w -> assertThat(w.message()).startsWith("malformed JSON"));
  }
}
