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
 * Reads {@code Get-ADFineGrainedPasswordPolicy -Filter * | ConvertTo-Json}: one
 * {@code password_policies} entry per policy (an array, or a single object when there is only
 * one), scoped {@code "fine-grained: <Name>"}. A policy without a name is skipped with a warning,
 * since the policies could not tell it apart.
 */
public final class AdFineGrainedPasswordPolicyAdapter extends JsonExportAdapter {
  public static final String NAME = "ad-fine-grained-password-policy";

  public AdFineGrainedPasswordPolicyAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    return contentMatchIfHeadContains(input, 8192, "\"Precedence\"", "\"ComplexityEnabled\"",
        "\"LockoutThreshold\"");
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    List<PasswordPolicy> policies = new ArrayList<>();
    for (JsonNode policy : PowerShellJson.items(json.root())) {
      String name = policy.isObject() ? LocatedJson.text(policy, "Name") : null;
      if (name == null || name.isBlank()) {
        context.warn(json.line(policy), "fine-grained password policy without a Name skipped");
        continue;
      }
      policies.add(AdPasswordPolicies.read(policy, "fine-grained: " + name.strip(), json, context));
    }
    return NormalizedEvidence.builder().addPasswordPolicies(policies);
  }
}
