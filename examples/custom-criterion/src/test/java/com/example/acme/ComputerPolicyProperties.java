package com.example.acme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.compliance.PolicyPack;
import dev.ctpat.compliance.Status;
import dev.ctpat.compliance.evidence.Source;
import dev.ctpat.testkit.EvidenceArbitraries;
import dev.ctpat.testkit.EvidenceDocument;
import dev.ctpat.testkit.FieldLoss;
import dev.ctpat.testkit.PolicyHarness;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of ACME's own criterion ACME.1 (acme/policies/computers.rego), evaluated together
 * with the CTPAT pack whose library it uses.
 */
class ComputerPolicyProperties {
  private static final PolicyHarness ACME = PolicyHarness.ctpatWith(PolicyPack.fromClasspath(
      ComputerPolicyProperties.class.getClassLoader(), "acme/policies"));

  /** Compliant CTPAT evidence plus ACME's screen-lock export: every computer locks in time. */
  @Provide
  Arbitrary<EvidenceDocument> compliant() {
    return Combinators.combine(EvidenceArbitraries.compliantDocuments(),
        Arbitraries.integers().between(1, 15).list().ofSize(5))
        .as(ComputerPolicyProperties::withScreenLocks);
  }

  @Property
  void compliantComputersPass(@ForAll("compliant") EvidenceDocument doc) {
    assertThat(ACME.status("ACME.1", doc)).isEqualTo(Status.PASS);
  }

  @Property
  void aScreenThatLocksTooLateOrNeverFails(@ForAll("compliant") EvidenceDocument doc,
      @ForAll @IntRange(min = -1, max = 10_000) int minutes) {
    int late = minutes <= 0 ? 0 : 15 + minutes;
    EvidenceDocument weak = doc.with("/acme_screen_lock/0/timeout_minutes", late);
    assertThat(ACME.status("ACME.1", weak)).isEqualTo(Status.FAIL);
  }

  @Property
  void anUnencryptedComputerFails(@ForAll("compliant") EvidenceDocument doc) {
    EvidenceDocument weak = doc.with(computers(doc).get(0) + "/disk_encryption/enabled", false);
    assertThat(ACME.status("ACME.1", weak)).isEqualTo(Status.FAIL);
  }

  @Property
  void withoutTheScreenLockExportItNeverPasses(@ForAll("compliant") EvidenceDocument doc,
      @ForAll FieldLoss loss) {
    assertThat(ACME.status("ACME.1", loss.apply(doc, "/acme_screen_lock")))
        .isNotEqualTo(Status.PASS);
  }

  /** One entry of ACME's screen-lock export; written as JSON in snake_case like all evidence. */
  record ScreenLock(String hostname, int timeoutMinutes, Source source) {}

  /** Adds {@code acme_screen_lock}: an entry per company computer, with the given timeouts. */
  private static EvidenceDocument withScreenLocks(EvidenceDocument doc, List<Integer> minutes) {
    List<ScreenLock> locks = new ArrayList<>();
    for (String computer : computers(doc)) {
      locks.add(new ScreenLock(doc.at(computer + "/hostname").asText(),
          minutes.get(locks.size() % minutes.size()),
          Source.of("acme/screen-lock.csv", locks.size() + 2, "acme-screen-lock")));
    }
    return doc.with("/acme_screen_lock", locks);
  }

  /** The JSON Pointers of the company computers (not phones), in document order. */
  private static List<String> computers(EvidenceDocument doc) {
    return doc.elements("/endpoints").stream()
        .filter(e -> doc.at(e + "/owner_type").asText().equals("company")
            && !doc.at(e + "/role").asText().equals("mobile"))
        .toList();
  }
}
