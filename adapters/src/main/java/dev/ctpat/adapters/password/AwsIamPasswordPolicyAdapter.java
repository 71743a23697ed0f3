package dev.ctpat.adapters.password;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import java.util.List;

/**
 * Reads {@code aws iam get-account-password-policy} output. Complexity means all four character
 * classes are required; IAM has no lockout, so the lockout fields stay {@code null}.
 */
public final class AwsIamPasswordPolicyAdapter extends JsonExportAdapter {
  public static final String NAME = "aws-iam-password-policy";

  public AwsIamPasswordPolicyAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    return contentMatchIfHeadContains(input, 2048, "\"PasswordPolicy\"", "MinimumPasswordLength");
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    JsonNode policy = json.root().path("PasswordPolicy");
    if (!policy.isObject()) {
      context.warn(1, "no PasswordPolicy object");
      return NormalizedEvidence.builder();
    }
    Boolean complexity = allTrue(policy, "RequireSymbols", "RequireNumbers",
        "RequireUppercaseCharacters", "RequireLowercaseCharacters");
    Boolean expires = LocatedJson.bool(policy, "ExpirePasswords");
    Integer maxAge = Boolean.FALSE.equals(expires) ? null : LocatedJson.integer(policy, "MaxPasswordAge");
    PasswordPolicy result = new PasswordPolicy("aws iam account", "aws",
        LocatedJson.integer(policy, "MinimumPasswordLength"), complexity, maxAge,
        LocatedJson.integer(policy, "PasswordReusePrevention"), null, null, null,
        context.source(json.line(policy)));
    return NormalizedEvidence.builder().addPasswordPolicies(List.of(result));
  }

  private static Boolean allTrue(JsonNode node, String... fields) {
    boolean all = true;
    for (String field : fields) {
      Boolean value = LocatedJson.bool(node, field);
      if (value == null) {
        return null;
      }
      all &= value;
    }
    return all;
  }
}
