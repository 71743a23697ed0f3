package dev.ctpat.adapters.password;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import dev.ctpat.compliance.evidence.PasswordPolicy;
import dev.ctpat.compliance.evidence.Source;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads two Microsoft Graph exports of a Microsoft Entra ID tenant into its password policy.
 *
 * <p>Entra's password rules for cloud-only accounts are fixed, not exported, and documented by
 * Microsoft ("Password policies and account restrictions in Microsoft Entra ID", "Smart
 * lockout"): at least 8 characters, three of the four character classes, the last password
 * cannot be reused (history 1), and smart lockout after 10 failed sign-ins for 1 minute (its
 * defaults). Expiry is a per-domain setting that neither export shows, so it stays
 * {@code null}. Accounts synchronized from Active Directory follow the AD policy instead.
 *
 * <ul>
 *   <li>{@code GET /policies/authenticationMethodsPolicy} (scope
 *       {@code "entra id: authentication methods"}): {@code mfa_required} is {@code false} when
 *       no method that can be a second factor (Microsoft Authenticator, FIDO2, software or
 *       hardware OATH tokens, SMS, voice, certificates) is {@code enabled}; otherwise unknown,
 *       since an enabled method is not a required one.
 *   <li>{@code GET /identity/conditionalAccess/policies} (scope
 *       {@code "entra id: conditional access"}, sourced at the policy that requires MFA):
 *       {@code mfa_required} is {@code true} when a policy is {@code enabled} (not report-only),
 *       includes {@code All} users and {@code All} applications, and requires MFA: the
 *       {@code mfa} control alone or with operator {@code AND}, or an authentication strength.
 *       Excluded users, groups and roles (e.g. emergency-access accounts, as Microsoft
 *       recommends) are accepted and warned about; otherwise {@code false}.
 * </ul>
 */
public final class EntraIdPolicyAdapter extends JsonExportAdapter {
  public static final String NAME = "entra-id";

  private static final Set<String> SECOND_FACTORS = Set.of("microsoftauthenticator", "fido2",
      "softwareoath", "hardwareoath", "sms", "voice", "x509certificate");

  public EntraIdPolicyAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    String head = input.head(16 * 1024);
    boolean methods = head.contains("\"authenticationMethodConfigurations\"");
    boolean conditionalAccess = head.contains("\"grantControls\"")
        && head.contains("\"includeApplications\"");
    return methods || conditionalAccess ? Match.CONTENT : Match.NONE;
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    JsonNode root = json.root();
    PasswordPolicy policy;
    if (root.path("authenticationMethodConfigurations").isArray()) {
      policy = fixedRules("entra id: authentication methods",
          anySecondFactorEnabled(root) ? null : Boolean.FALSE, context.source(json.line(root)));
    } else if (root.path("value").isArray()) {
      JsonNode requiring = mfaForEveryone(root.path("value"), json, context);
      policy = fixedRules("entra id: conditional access", requiring != null,
          context.source(json.line(requiring != null ? requiring : root)));
    } else {
      context.warn(json.line(root), "neither an authentication methods policy nor a list of"
          + " conditional access policies");
      return NormalizedEvidence.builder();
    }
    return NormalizedEvidence.builder().addPasswordPolicies(List.of(policy));
  }

  private static PasswordPolicy fixedRules(String scope, Boolean mfaRequired,
      Source source) {
    return new PasswordPolicy(scope, "entra", 8, true, null, 1, 10, 1, mfaRequired, source);
  }

  private static boolean anySecondFactorEnabled(JsonNode root) {
    for (JsonNode method : root.path("authenticationMethodConfigurations")) {
      String id = LocatedJson.text(method, "id");
      if (id != null && SECOND_FACTORS.contains(id.toLowerCase(Locale.ROOT))
          && "enabled".equals(LocatedJson.text(method, "state"))) {
        return true;
      }
    }
    return false;
  }

  /** The first enabled policy requiring MFA of every user for every app; else {@code null}. */
  private static JsonNode mfaForEveryone(JsonNode policies, LocatedJson json,
      FileContext context) {
    for (JsonNode policy : policies) {
      JsonNode users = policy.path("conditions").path("users");
      if ("enabled".equals(LocatedJson.text(policy, "state"))
          && contains(users.path("includeUsers"), "All")
          && contains(policy.path("conditions").path("applications").path("includeApplications"),
              "All")
          && requiresMfa(policy.path("grantControls"))) {
        int excluded = users.path("excludeUsers").size() + users.path("excludeGroups").size()
            + users.path("excludeRoles").size();
        if (excluded > 0) {
          context.warn(json.line(policy), "\"" + LocatedJson.text(policy, "displayName")
              + "\" excludes " + excluded + " users, groups or roles from MFA");
        }
        return policy;
      }
    }
    return null;
  }

  private static boolean requiresMfa(JsonNode grant) {
    if (grant.path("authenticationStrength").isObject()) {
      return true;
    }
    JsonNode controls = grant.path("builtInControls");
    return contains(controls, "mfa")
        && (controls.size() == 1 || "AND".equalsIgnoreCase(LocatedJson.text(grant, "operator")));
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode element : array) {
      if (value.equalsIgnoreCase(element.asText())) {
        return true;
      }
    }
    return false;
  }
}
