package dev.ctpat.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * A {@link Setting} carried by the items of one array of the document that satisfy a filter,
 * with the changes given as functions of the item.
 */
final class ItemSetting implements Setting {
  /** A change of the item at {@code item} (a JSON Pointer) of a document. */
  interface Edit {
    EvidenceDocument apply(EvidenceDocument document, String item, int step);
  }

  private final String name;
  private final String criterion;
  private final String array;
  private final BiPredicate<EvidenceDocument, JsonNode> carries;
  private final Edit stronger;
  private final Edit weaker;

  /**
   * @param array the JSON Pointer of the array whose items carry the setting
   * @param carries which items carry it, given the document and the item
   */
  ItemSetting(String name, String criterion, String array,
      BiPredicate<EvidenceDocument, JsonNode> carries, Edit stronger, Edit weaker) {
    this.name = Objects.requireNonNull(name, "name");
    this.criterion = Objects.requireNonNull(criterion, "criterion");
    this.array = Objects.requireNonNull(array, "array");
    this.carries = Objects.requireNonNull(carries, "carries");
    this.stronger = Objects.requireNonNull(stronger, "stronger");
    this.weaker = Objects.requireNonNull(weaker, "weaker");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String criterion() {
    return criterion;
  }

  /** The array whose items carry the setting. */
  String array() {
    return array;
  }

  /** The pointers of the items that carry the setting. */
  List<String> items(EvidenceDocument document) {
    List<String> items = new ArrayList<>();
    for (String item : document.elements(array)) {
      if (carries.test(document, document.at(item))) {
        items.add(item);
      }
    }
    return items;
  }

  @Override
  public int targets(EvidenceDocument document) {
    return items(document).size();
  }

  @Override
  public EvidenceDocument strengthen(EvidenceDocument document, int target, int step) {
    return change(document, target, step, stronger);
  }

  @Override
  public EvidenceDocument weaken(EvidenceDocument document, int target, int step) {
    return change(document, target, step, weaker);
  }

  private EvidenceDocument change(EvidenceDocument document, int target, int step, Edit edit) {
    List<String> items = items(document);
    if (items.isEmpty()) {
      return document;
    }
    return edit.apply(document, items.get(Math.floorMod(target, items.size())), step);
  }

  @Override
  public String toString() {
    return name + " (" + criterion + ")";
  }
}
