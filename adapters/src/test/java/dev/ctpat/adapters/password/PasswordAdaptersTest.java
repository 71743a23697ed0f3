package dev.ctpat.adapters.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import dev.ctpat.compliance.evidence.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordAdaptersTest {

  private static PasswordPolicy only(AdapterResult result) {
    assertThat(result.warnings()).isEmpty();
    assertThat(result.evidence().passwordPolicies()).hasSize(1);
    return result.evidence().passwordPolicies().get(0);
  }

  @Test
  void seceditUtf16WithBomAndCrlfGivesEveryValueAtTheMinimumLengthLine() {
    PasswordPolicy policy = only(Fixtures.read(new SeceditAdapter(), "password/secedit-utf16.inf"));

    assertThat(policy).isEqualTo(new PasswordPolicy("secedit local security policy", "windows",
        14, true, 60, 24, 5, 15, null,
        Source.of("password/secedit-utf16.inf", 6, "windows-secedit")));
  }

  @Test
  void seceditNegativeAgeMeansNeverExpiresAndZeroBadCountMeansNoLockout() {
    PasswordPolicy policy =
        only(Fixtures.read(new SeceditAdapter(), "password/secedit-never-expires.inf"));

    assertThat(policy.maxAgeDays()).isNull();
    assertThat(policy.lockoutThreshold()).isZero();
    assertThat(policy.lockoutDurationMinutes()).isNull();
    assertThat(policy.complexityRequired()).isFalse();
    assertThat(policy.minLength()).isEqualTo(8);
  }

  @Test
  void seceditNonNumericValueWarnsWithItsLine() {
    AdapterResult result = Fixtures.readText(new SeceditAdapter(), "x.inf",
        "[System Access]\nMinimumPasswordLength = fourteen\n");

    assertThat(result.evidence().passwordPolicies().get(0).minLength()).isNull();
    assertThat(result.warnings()).singleElement()
        .hasToString("x.inf:2: MinimumPasswordLength is not a number");
  }

  @Test
  void seceditWithoutSystemAccessSectionWarnsAndYieldsNothing() {
    AdapterResult result = Fixtures.readText(new SeceditAdapter(), "x.inf", "[Version]\nRevision=1\n");

    assertThat(result.evidence().passwordPolicies()).isNull();
    assertThat(result.warnings()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "null", value = {
      // file, min_length, max_age_days, history, lockout_threshold, lockout_minutes, line
      "password/net-accounts-en.txt, 12, null, 10, 5, 30, 4",
      "password/net-accounts-de.txt, 10, 42, 0, 0, 30, 4",
      "password/net-accounts-fr.txt, 14, 90, 24, 10, 15, 4",
      "password/net-accounts-es.txt, 8, null, 0, 3, 10, 4"})
  void netAccountsInEveryLanguage(String file, Integer minLength, Integer maxAge, Integer history,
      Integer threshold, Integer duration, int line) {
    PasswordPolicy policy = only(Fixtures.read(new NetAccountsAdapter(), file));

    assertThat(policy).isEqualTo(new PasswordPolicy("net accounts", "windows", minLength, null,
        maxAge, history, threshold, duration, null, Source.of(file, line, "windows-net-accounts")));
  }

  @Test
  void loginDefsReadsExpiryAndLength() {
    PasswordPolicy policy = only(Fixtures.read(new LinuxPasswordAdapter(), "password/login.defs"));

    assertThat(policy.scope()).isEqualTo("linux login.defs");
    assertThat(policy.maxAgeDays()).isEqualTo(90);
    assertThat(policy.minLength()).isEqualTo(12);
    assertThat(policy.source().line()).isEqualTo(9);
  }

  @Test
  void loginDefsMaxDays99999MeansNeverExpires() {
    AdapterResult result = Fixtures.readText(new LinuxPasswordAdapter(), "login.defs",
        "PASS_MAX_DAYS\t99999\n");

    assertThat(result.evidence().passwordPolicies().get(0).maxAgeDays()).isNull();
  }

  @Test
  void pwqualityThreeRequiredClassesMeanComplexity() {
    PasswordPolicy policy = only(Fixtures.read(new LinuxPasswordAdapter(), "password/pwquality.conf"));

    assertThat(policy.scope()).isEqualTo("linux pwquality");
    assertThat(policy.minLength()).isEqualTo(14);
    assertThat(policy.complexityRequired()).isTrue();
    assertThat(policy.source().line()).isEqualTo(5);
  }

  @Test
  void pwqualityWithOnlyCommentedDefaultsIsUnknownNotGuessed() {
    AdapterResult result = Fixtures.readText(new LinuxPasswordAdapter(), "pwquality.conf",
        "# minlen = 8\n# minclass = 0\n");

    PasswordPolicy policy = result.evidence().passwordPolicies().get(0);
    assertThat(policy.minLength()).isNull();
    assertThat(policy.complexityRequired()).isNull();
  }

  @Test
  void faillockConvertsSecondsToMinutes() {
    PasswordPolicy policy = only(Fixtures.read(new LinuxPasswordAdapter(), "password/faillock.conf"));

    assertThat(policy.lockoutThreshold()).isEqualTo(5);
    assertThat(policy.lockoutDurationMinutes()).isEqualTo(15);
    assertThat(policy.source().line()).isEqualTo(5);
  }

  @Test
  void awsIamPolicyWithoutExpiry() {
    PasswordPolicy policy = only(Fixtures.read(new AwsIamPasswordPolicyAdapter(),
        "password/aws-iam-password-policy.json"));

    assertThat(policy).isEqualTo(new PasswordPolicy("aws iam account", "aws", 16, true, null, 24,
        null, null, null,
        Source.of("password/aws-iam-password-policy.json", 2, "aws-iam-password-policy")));
  }

  @Test
  void awsIamTruncatedJsonWarnsWithLine() {
    AdapterResult result = Fixtures.readText(new AwsIamPasswordPolicyAdapter(), "iam.json",
        "{\n  \"PasswordPolicy\": {\n    \"MinimumPasswordLength\": 16,\n");

    assertThat(result.evidence().passwordPolicies()).isNull();
    assertThat(result.warnings()).singleElement()
        .satisfies(w -> assertThat(w.line()).isEqualTo(4))
        .satisfies(w -> assertThat(w.message()).startsWith("malformed JSON"));
  }
}
