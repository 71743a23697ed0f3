package dev.ctpat.adapters.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.adapters.AdapterResult;
import dev.ctpat.adapters.EvidenceAdapter;
import dev.ctpat.adapters.EvidenceInput;
import dev.ctpat.adapters.Fixtures;
import dev.ctpat.compliance.evidence.Endpoint;
import dev.ctpat.compliance.evidence.Source;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirewallAdaptersTest {

  private static Endpoint only(AdapterResult result) {
    assertThat(result.evidence().endpoints()).hasSize(1);
    return result.evidence().endpoints().get(0);
  }

  private static Map<String, Boolean> profiles(Boolean domain, Boolean home, Boolean public_) {
    Map<String, Boolean> profiles = new LinkedHashMap<>();
    profiles.put("domain", domain);
    profiles.put("private", home);
    profiles.put("public", public_);
    return profiles;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // file, host, enabled, line
      "endpoint/web01/ufw-status.txt, web01, true, 1",
      "endpoint/db02/ufw-status.txt, db02, false, 1",
      "endpoint/kiosk-03.ufw.txt, kiosk-03, true, 1"})
  void ufwStatusGivesTheFirewallOfTheHostNamedByFolderOrFile(String file, String host,
      boolean enabled, int line) {
    Endpoint endpoint = only(Fixtures.read(new UfwStatusAdapter(), file));

    assertThat(endpoint.hostname()).isEqualTo(host);
    assertThat(endpoint.firewall())
        .isEqualTo(new Endpoint.Firewall(enabled, null, Source.of(file, line, "ufw")));
  }

  @Test
  void ufwDefaultIncomingAllowIsWarnedWithItsLine() {
    AdapterResult result = Fixtures.read(new UfwStatusAdapter(), "endpoint/kiosk-03.ufw.txt");

    assertThat(result.warnings()).singleElement().hasToString("endpoint/kiosk-03.ufw.txt:3: the "
        + "default incoming policy is allow: the firewall is active but admits whatever no rule denies");
  }

  @Test
  void plainStatusLineIsNotTakenForUfwWithoutAHint() {
    assertThat(new UfwStatusAdapter().detect(new EvidenceInput("status.txt", "Status: active\n")))
        .isEqualTo(EvidenceAdapter.Match.NONE);
  }

  @Test
  void powerShell51ProfilesWithNumericEnumsFromUtf16File() {
    String file = "endpoint/TGL-WS-014/netfirewallprofile.json";
    AdapterResult result = Fixtures.read(new WindowsFirewallProfileAdapter(), file);

    Endpoint endpoint = only(result);
    assertThat(endpoint.hostname()).isEqualTo("TGL-WS-014");
    assertThat(endpoint.firewall()).isEqualTo(new Endpoint.Firewall(false,
        profiles(true, true, false), Source.of(file, 2, "windows-firewall")));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void powerShell7ProfilesOfSeveralHostsWithEnumsAsStrings() {
    String file = "endpoint/firewall-profiles-ps7.json";
    AdapterResult result = Fixtures.read(new WindowsFirewallProfileAdapter(), file);

    assertThat(result.evidence().endpoints()).extracting(Endpoint::hostname, Endpoint::firewall)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TGL-SRV-01", new Endpoint.Firewall(true,
                profiles(true, true, true), Source.of(file, 2, "windows-firewall"))),
            org.assertj.core.groups.Tuple.tuple("TGL-WS-022", new Endpoint.Firewall(null,
                profiles(null, true, true), Source.of(file, 20, "windows-firewall"))));
    assertThat(result.warnings()).singleElement().hasToString(file + ":20: profile Domain: "
        + "Enabled is NotConfigured, so whether it is on is unknown (export from -PolicyStore ActiveStore)");
  }

  @Test
  void enabledProfileThatAllowsInboundByDefaultIsWarned() {
    AdapterResult result = Fixtures.readText(new WindowsFirewallProfileAdapter(), "h1.json",
        "{\"Name\": \"Public\", \"Enabled\": true, \"DefaultInboundAction\": 2}");

    assertThat(only(result).firewall().enabled()).isTrue();
    assertThat(result.warnings()).singleElement()
        .hasToString("h1.json:1: profile Public allows inbound connections by default");
  }

  @Test
  void nftablesInputChainThatDropsByDefaultIsAnEnabledFirewall() {
    String file = "endpoint/web01/nft-ruleset.json";
    Endpoint endpoint = only(Fixtures.read(new NftablesAdapter(), file));

    assertThat(endpoint.hostname()).isEqualTo("web01");
    assertThat(endpoint.firewall())
        .isEqualTo(new Endpoint.Firewall(true, null, Source.of(file, 18, "nftables")));
  }

  @Test
  void nftablesWithOnlyForwardingRulesLeavesTheHostUnprotected() {
    String file = "endpoint/build-01.nft.json";
    Endpoint endpoint = only(Fixtures.read(new NftablesAdapter(), file));

    assertThat(endpoint.hostname()).isEqualTo("build-01");
    assertThat(endpoint.firewall().enabled()).isFalse();
  }

  @Test
  void nftablesInputChainWithRulesButAcceptPolicyCountsAsEnabled() {
    AdapterResult result = Fixtures.readText(new NftablesAdapter(), "h2.nft.json", """
        {"nftables": [{"metainfo": {"json_schema_version": 1}},
         {"chain": {"family": "inet", "table": "t", "name": "in", "type": "filter",
                    "hook": "input", "policy": "accept"}},
         {"rule": {"family": "inet", "table": "t", "chain": "in", "expr": [{"drop": null}]}}]}
        """);

    assertThat(only(result).firewall().enabled()).isTrue();
    assertThat(only(result).firewall().source().line()).isEqualTo(2);
  }

  @Test
  void emptyNftablesRulesetIsADisabledFirewall() {
    AdapterResult result = Fixtures.readText(new NftablesAdapter(), "h3.json",
        "{\"nftables\": [{\"metainfo\": {\"version\": \"1.0.6\", \"json_schema_version\": 1}}]}");

    assertThat(only(result).firewall().enabled()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "endpoint/db02/firewall-cmd-state.txt, db02, false",
      "endpoint/app03.firewalld-state.txt, app03, true"})
  void firewalldStateRunningMeansEnabled(String file, String host, boolean enabled) {
    Endpoint endpoint = only(Fixtures.read(new FirewalldStateAdapter(), file));

    assertThat(endpoint.hostname()).isEqualTo(host);
    assertThat(endpoint.firewall())
        .isEqualTo(new Endpoint.Firewall(enabled, null, Source.of(file, 1, "firewalld")));
  }

  @Test
  void aLoneRunningWordIsOnlyTakenFromAFileNamedAfterTheFirewall() {
    assertThat(new FirewalldStateAdapter().detect(new EvidenceInput("service.txt", "running\n")))
        .isEqualTo(EvidenceAdapter.Match.NONE);
  }
}
