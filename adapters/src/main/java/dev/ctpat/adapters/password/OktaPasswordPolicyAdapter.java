package dev.ctpat.adapters.password;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.adapters.support.PowerShellJson;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Okta's {@code GET /api/v1/policies?type=PASSWORD}: one entry per active policy, scoped
 * {@code "okta: <name>"}. Okta writes "never" as 0: {@code age.maxAgeDays} 0 never expires,
 * {@code lockout.maxAttempts} 0 never locks out, {@code lockout.autoUnlockMinutes} 0 stays locked
 * until an administrator unlocks (not a number of minutes, so {@code null}). Complexity means at
 * least three of the four character classes are required, as in Windows. Inactive policies
 * govern nobody and are skipped.
 */
public final class OktaPasswordPolicyAdapter extends JsonExportAdapter {
  public static final String NAME = "okta-password-policy";

  private static final List<String> CHARACTER_CLASSES =
      List.of("minLowerCase", "minUpperCase", "minNumber", "minSymbol");

  public OktaPasswordPolicyAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    return contentMatchIfHeadContains(input, 16 * 1024, "\"PASSWORD\"", "\"complexity\"",
        "\"maxAttempts\"");
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    List<PasswordPolicy> policies = new ArrayList<>();
    for (JsonNode policy : PowerShellJson.items(json.root())) {
      if (!"PASSWORD".equals(LocatedJson.text(policy, "type"))) {
        continue;
      }
      String name = LocatedJson.text(policy, "name");
      if (name == null || name.isBlank()) {
        context.warn(json.line(policy), "Okta password policy without a name skipped");
      } else if (!"INACTIVE".equals(LocatedJson.text(policy, "status"))) {
        policies.add(read(policy, "okta: " + name.strip(), json, context));
      }
    }
    return NormalizedEvidence.builder().addPasswordPolicies(policies);
  }

  private static PasswordPolicy read(JsonNode policy, String scope, LocatedJson json,
      FileContext context) {
    JsonNode password = policy.path("settings").path("password");
    JsonNode complexity = password.path("complexity");
    JsonNode age = password.path("age");
    JsonNode lockout = password.path("lockout");
    Integer maxAge = LocatedJson.integer(age, "maxAgeDays");
    Integer unlock = LocatedJson.integer(lockout, "autoUnlockMinutes");
    return new PasswordPolicy(scope, "okta",
        LocatedJson.integer(complexity, "minLength"),
        complexity(complexity),
        maxAge == null || maxAge == 0 ? null : maxAge,
        LocatedJson.integer(age, "historyCount"),
        LocatedJson.integer(lockout, "maxAttempts"),
        unlock == null || unlock == 0 ? null : unlock,
        null,
        context.source(json.line(policy)));
  }

  /** Three of four classes required; {@code null} when the policy states none of them. */
  private static Boolean complexity(JsonNode complexity) {
    int stated = 0;
    int required = 0;
    for (String field : CHARACTER_CLASSES) {
      Integer minimum = LocatedJson.integer(complexity, field);
      if (minimum != null) {
        stated++;
        required += minimum > 0 ? 1 : 0;
      }
    }
    return stated == 0 ? null : required >= 3;
  }
}
