package dev.ctpat.adapters.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.support.FileContext;
import dev.ctpat.adapters.support.HostNames;
import dev.ctpat.adapters.support.JsonExportAdapter;
import dev.ctpat.adapters.support.LocatedJson;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.NormalizedEvidence;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code nft -j list ruleset}. nftables has no on/off switch, so the host firewall counts
 * as enabled when some base chain of type {@code filter} on the {@code input} hook either drops
 * by default ({@code policy drop}) or holds at least one rule; an empty ruleset, or input chains
 * that accept everything and hold no rule, count as disabled. Chains on other hooks (forward,
 * output, NAT) do not protect the host itself and are ignored.
 */
public final class NftablesAdapter extends JsonExportAdapter {
  public static final String NAME = "nftables";

  public NftablesAdapter() {
    super(NAME);
  }

  @Override
  public Match detect(EvidenceInput input) {
    return contentMatchIfHeadContains(input, 4096, "\"nftables\"", "\"metainfo\"");
  }

  @Override
  protected NormalizedEvidence.Builder read(LocatedJson json, EvidenceInput input,
      FileContext context) {
    JsonNode items = json.root().path("nftables");
    if (!items.isArray()) {
      context.warn(json.line(json.root()), "no nftables array; nothing read");
      return NormalizedEvidence.builder();
    }
    Map<String, JsonNode> inputChains = new LinkedHashMap<>();
    Map<String, Integer> rules = new HashMap<>();
    for (JsonNode item : items) {
      JsonNode chain = item.path("chain");
      if (chain.isObject() && "filter".equals(LocatedJson.text(chain, "type"))
          && "input".equals(LocatedJson.text(chain, "hook"))) {
        inputChains.put(key(chain), chain);
      }
      JsonNode rule = item.path("rule");
      if (rule.isObject()) {
        rules.merge(key(rule), 1, Integer::sum);
      }
    }
    JsonNode protecting = inputChains.entrySet().stream()
        .filter(e -> "drop".equals(LocatedJson.text(e.getValue(), "policy"))
            || rules.containsKey(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst().orElse(null);
    Integer line = protecting != null ? json.line(protecting) : json.line(json.root());
    String host = HostNames.fromPathOrStem(input.path(), "nft", "ruleset");
    Endpoint.Firewall firewall =
        new Endpoint.Firewall(protecting != null, null, context.source(line));
    return NormalizedEvidence.builder().addEndpoints(List.of(
        Endpoint.named(host, context.source(line)).withFirewall(firewall)));
  }

  /** family/table/chain, which names a chain (rules name theirs in the field "chain"). */
  private static String key(JsonNode node) {
    String chain = LocatedJson.text(node, node.has("chain") ? "chain" : "name");
    return LocatedJson.text(node, "family") + "/" + LocatedJson.text(node, "table") + "/" + chain;
  }
}
