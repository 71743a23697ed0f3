package dev.ctpat.adapters.password;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.adapters.support.MalformedInputException;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import java.util.List;

/**
 * Reads {@code aws iam get-account-password-policy} output. Complexity means all four character
 * classes are required; IAM has no lockout, so the lockout fields stay {@code null}.
 */
public final class AwsIamPasswordPolicyAdapter implements EvidenceAdapter {
  public static final String NAME = "aws-iam-password-policy";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(2048);
    return head.contains("\"PasswordPolicy\"") && head.contains("MinimumPasswordLength")
        ? Match.CONTENT : Match.NONE;
  }

  @Override
  public AdapterResult read(EvidenceInput input) {
    FileContext context = new FileContext(input, NAME);
    LocatedJson json;
    try {
      json = LocatedJson.parse(input.text());
    } catch (MalformedInputException e) {
      context.warn(e.line(), e.getMessage());
      return context.result(NormalizedEvidence.builder());
    }
    JsonNode policy = json.root().path("PasswordPolicy");
    if (!policy.isObject()) {
      context.warn(1, "no PasswordPolicy object");
      return context.result(NormalizedEvidence.builder());
    }
    Boolean complexity = allTrue(policy, "RequireSymbols", "RequireNumbers",
        "RequireUppercaseCharacters", "RequireLowercaseCharacters");
    Boolean expires = LocatedJson.bool(policy, "ExpirePasswords");
    Integer maxAge = Boolean.FALSE.equals(expires) ? null : LocatedJson.integer(policy, "MaxPasswordAge");
    PasswordPolicy result = new PasswordPolicy("aws iam account", "aws",
        LocatedJson.integer(policy, "MinimumPasswordLength"), complexity, maxAge,
        LocatedJson.integer(policy, "PasswordReusePrevention"), null, null, null,
        context.source(json.line(policy)));
    return context.result(NormalizedEvidence.builder().addPasswordPolicies(List.of(result)));
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
