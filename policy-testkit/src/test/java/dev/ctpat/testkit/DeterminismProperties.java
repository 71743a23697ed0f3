package dev.ctpat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reports are reproducible: the same input and as-of date give a byte-identical JSON report,
 * however often, on whichever thread, and whatever the order of the members of the input's
 * JSON objects.
 */
class DeterminismProperties {
  private static final PolicyHarness CTPAT = PolicyHarness.ctpat();

  @Provide
  Arbitrary<EvidenceDocument> documents() {
    return EvidenceArbitraries.documents();
  }

  @Property
  void theSameInputAndAsOfDateGiveByteIdenticalJsonReports(
      @ForAll("documents") EvidenceDocument doc, @ForAll long seed) {
    // The facade rejects a document whose as-of date is not a date; that is not our subject.
    Assume.that(doc.asOf() != null);
    String report = CTPAT.reportJson(doc);
    CompletableFuture<String> again = CompletableFuture.supplyAsync(() -> CTPAT.reportJson(doc));
    String reordered = CTPAT.reportJson(membersReordered(doc, seed));
    assertThat(firstDifference(report, again.join()))
        .as("evaluated again, on another thread").isEmpty();
    assertThat(firstDifference(report, reordered))
        .as("with the members of every object reordered (seed %d)", seed).isEmpty();
  }

  /** The first line where two reports differ, with its number; empty when they are equal. */
  private static String firstDifference(String expected, String actual) {
    if (expected.equals(actual)) {
      return "";
    }
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    int line = 0;
    while (line < a.length && line < b.length && a[line].equals(b[line])) {
      line++;
    }
    return String.format("line %d:%n  first:  %s%n  second: %s", line + 1,
        line < a.length ? a[line].strip() : "(end)", line < b.length ? b[line].strip() : "(end)");
  }

  /** The same document with the members of every JSON object in a shuffled order. */
  private static EvidenceDocument membersReordered(EvidenceDocument doc, long seed) {
    Random random = new Random(seed);
    return doc.transform(root -> reorder(root, random));
  }

  private static void reorder(JsonNode node, Random random) {
    if (node instanceof ObjectNode object) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
      Collections.shuffle(members, random);
      object.removeAll();
      members.forEach(m -> object.set(m.getKey(), m.getValue()));
    }
    node.forEach(child -> reorder(child, random));
  }
}
