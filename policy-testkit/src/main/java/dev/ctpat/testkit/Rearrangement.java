package dev.ctpat.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A rearrangement of a document that must not change any outcome: every list shuffled, and
 * some items of lists of records duplicated, as happens when exports are merged. Deterministic
 * for its seed, so that jqwik can shrink it; {@code seed} 0 with no duplicates still shuffles.
 *
 * @param seed drives the shuffles and the choice of duplicates
 * @param duplicates how many items to duplicate (each at a random place of its list)
 */
public record Rearrangement(long seed, int duplicates) {
  public Rearrangement {
    if (duplicates < 0) {
      throw new IllegalArgumentException("duplicates must be >= 0 but was " + duplicates);
    }
  }

  /** The rearranged document. */
  public EvidenceDocument apply(EvidenceDocument document) {
    Random random = new Random(seed);
    return document.transform(root -> {
      List<ArrayNode> lists = new ArrayList<>();
      shuffle(root, random, lists);
      lists.removeIf(list -> list.isEmpty() || !list.get(0).isObject());
      for (int i = 0; i < duplicates && !lists.isEmpty(); i++) {
        ArrayNode list = lists.get(random.nextInt(lists.size()));
        JsonNode copy = list.get(random.nextInt(list.size())).deepCopy();
        list.insert(random.nextInt(list.size() + 1), copy);
      }
    });
  }

  /** Shuffles every array below {@code node}, and collects them. */
  private static void shuffle(JsonNode node, Random random, List<ArrayNode> lists) {
    if (node instanceof ArrayNode array) {
      List<JsonNode> elements = new ArrayList<>();
      array.forEach(elements::add);
      Collections.shuffle(elements, random);
      array.removeAll();
      array.addAll(elements);
      lists.add(array);
    }
    if (node instanceof ObjectNode || node instanceof ArrayNode) {
      node.forEach(child -> shuffle(child, random, lists));
    }
  }

  @Override
  public String toString() {
    return "shuffle every list (seed " + seed + ")"
        + (duplicates == 0 ? "" : " and duplicate " + duplicates + " items");
  }
}
