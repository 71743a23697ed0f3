package dev.ctpat.compliance.evidence;

import java.util.Objects;

/**
 * One password policy per source and scope (4.8b). Every number is already in the fixed unit;
 * {@code null} means the export did not say.
 *
 * @param scope what the policy applies to, e.g. {@code "domain default"}, {@code "linux pwquality"}
 * @param maxAgeDays {@code null} = passwords never expire
 * @param lockoutThreshold failed attempts before lockout; 0 = no lockout
 * @param mfaRequired MFA is required for every account this policy governs
 */
public record PasswordPolicy(
    String scope,
    String system,
    Integer minLength,
    Boolean complexityRequired,
    Integer maxAgeDays,
    Integer history,
    Integer lockoutThreshold,
    Integer lockoutDurationMinutes,
    Boolean mfaRequired,
    Source source) {

  public PasswordPolicy {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(source, "source");
  }
}
