package dev.ctpat.adapters.password;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.List;

/**
 * Reads {@code Get-ADDefaultDomainPasswordPolicy | ConvertTo-Json} (Windows PowerShell 5.1 or
 * PowerShell 7) into the {@code "ad domain default"} password policy; see
 * {@link AdPasswordPolicies} for the time spans. Fine-grained policies, which have a
 * {@code Precedence}, are left to {@link AdFineGrainedPasswordPolicyAdapter}.
 */
public final class AdDefaultDomainPasswordPolicyAdapter extends JsonExportAdapter {
  public static final String NAME = "ad-default-password-policy";

  public AdDefaultDomainPasswordPolicyAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    if (input.head(8192).contains("\"Precedence\"")) {
      return Match.NONE;
    }
    return contentMatchIfHeadContains(input, 8192, "\"ComplexityEnabled\"",
        "\"PasswordHistoryCount\"", "\"LockoutThreshold\"");
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    JsonNode policy = json.root();
    if (!policy.isObject()) {
      context.warn(json.line(policy), "expected one password policy object");
      return NormalizedEvidence.builder();
    }
    return NormalizedEvidence.builder().addPasswordPolicies(
        List.of(AdPasswordPolicies.read(policy, "ad domain default", json, context)));
  }
}
