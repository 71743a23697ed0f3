package dev.ctpat.rego.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkipListTest {
  private final SkipList skips = SkipList.parse("""
      # Cases that need the network.
      http.send/     # no network access in tests

      net.lookup_ip_addr
      regex/ # RE2 differences # in detail
      """);

  @Test
  void aNoteStartingWithAPrefixIsSkippedWithItsReason() {
    assertThat(skips.reasonFor("http.send/basic get")).hasValue("no network access in tests");
  }

  @Test
  void anEntryWithoutAReasonGetsTheDefaultReason() {
    assertThat(skips.reasonFor("net.lookup_ip_addr/localhost"))
        .hasValue("listed in the skip file");
  }

  @Test
  void theReasonRunsToTheEndOfTheLine() {
    assertThat(skips.reasonFor("regex/x")).hasValue("RE2 differences # in detail");
  }

  @Test
  void otherNotesRun() {
    assertThat(skips.reasonFor("strings/concat")).isEmpty();
    assertThat(skips.reasonFor("http")).isEmpty();
  }

  @Test
  void commentLinesAreNotPrefixes() {
    assertThat(skips.reasonFor("# Cases that need the network.")).isEmpty();
  }

  @Test
  void theEmptyListSkipsNothing() {
    assertThat(SkipList.NONE.reasonFor("anything")).isEmpty();
    assertThat(SkipList.parse("").reasonFor("anything")).isEmpty();
  }
}
