package dev.ctpat.adapters.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Any secedit template we write with known values reads back to exactly those values. */
class SeceditPropertyTest {

  @Property(tries = 200)
  void generatedTemplateReadsBackToItsValues(
      @ForAll @IntRange(min = 0, max = 128) int minLength,
      @ForAll boolean complexity,
      @ForAll @IntRange(min = 1, max = 999) int maxAge,
      @ForAll @IntRange(min = 0, max = 24) int history,
      @ForAll @IntRange(min = 0, max = 999) int badCount,
      @ForAll @IntRange(min = 0, max = 99999) int duration,
      @ForAll boolean crlf) {
    String template = String.join("\n", "[Unicode]", "Unicode=yes", "[System Access]",
        "MaximumPasswordAge = " + maxAge,
        "LockoutDuration=" + duration,
        "PasswordHistorySize = " + history,
        "MinimumPasswordLength = " + minLength,
        "LockoutBadCount = " + badCount,
        "PasswordComplexity = " + (complexity ? 1 : 0),
        "[Version]", "signature=\"$CHICAGO$\"", "");

    AdapterResult result = new SeceditAdapter().read(
        new EvidenceInput("s.inf", crlf ? template.replace("\n", "\r\n") : template));

    PasswordPolicy policy = result.evidence().passwordPolicies().get(0);
    assertThat(result.warnings()).isEmpty();
    assertThat(policy.minLength()).isEqualTo(minLength);
    assertThat(policy.complexityRequired()).isEqualTo(complexity);
    assertThat(policy.maxAgeDays()).isEqualTo(maxAge);
    assertThat(policy.history()).isEqualTo(history);
    assertThat(policy.lockoutThreshold()).isEqualTo(badCount);
    assertThat(policy.lockoutDurationMinutes()).isEqualTo(duration);
    assertThat(policy.source().line()).isEqualTo(7);
  }
}
