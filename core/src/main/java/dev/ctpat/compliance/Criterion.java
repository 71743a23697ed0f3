package dev.ctpat.compliance;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One criterion of a policy pack, as declared in the METADATA of its Rego package: the single
 * source of the criterion's id, wording, requirement level, sub-items and crosswalks.
 *
 * @param id the criterion id, e.g. {@code "4.8"}
 * @param title a short title
 * @param description the requirement, paraphrased; empty when the METADATA has none
 * @param requirement whether CTPAT says "must" or "should"
 * @param subItems the separately checked parts, in declaration order; never empty
 * @param evidence the input paths the policy reads, e.g. {@code program.policies}
 * @param crosswalk the mapping to other frameworks
 * @param packagePath the Rego package that implements it, e.g. {@code data.ctpat.criteria.c4_8};
 *     its {@code result} rule gives the criterion's result
 */
public record Criterion(
    String id,
    String title,
    String description,
    Requirement requirement,
    List<SubItem> subItems,
    List<String> evidence,
    Crosswalk crosswalk,
    String packagePath) {

  public Criterion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(requirement, "requirement");
    subItems = List.copyOf(subItems);
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(crosswalk, "crosswalk");
    Objects.requireNonNull(packagePath, "packagePath");
    if (subItems.isEmpty()) {
      throw new IllegalArgumentException("criterion " + id + " has no sub-items");
    }
  }

  /** The sub-item with this id, if the criterion has it. */
  public Optional<SubItem> subItem(String subItemId) {
    return subItems.stream().filter(s -> s.id().equals(subItemId)).findFirst();
  }

  /**
   * A separately checkable part of a criterion.
   *
   * @param id unique within the pack, e.g. {@code "4.8.lockout"}
   * @param title what is checked
   * @param requirement "must" or "should"
   */
  public record SubItem(String id, String title, Requirement requirement) {
    public SubItem {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(requirement, "requirement");
    }
  }

  /**
   * Where a criterion maps to in other frameworks.
   *
   * @param basis how the mapping was made, e.g. that it is inferred; empty when not stated
   * @param frameworks the mapped controls by framework key, e.g. {@code nist_csf_2 ->
   *     [GV.PO-01, ...]}, sorted by key
   */
  public record Crosswalk(String basis, Map<String, List<String>> frameworks) {
    /** No crosswalk. */
    public static final Crosswalk NONE = new Crosswalk("", Map.of());

    public Crosswalk {
      Objects.requireNonNull(basis, "basis");
      TreeMap<String, List<String>> sorted = new TreeMap<>();
      frameworks.forEach((k, v) -> sorted.put(k, List.copyOf(v)));
      frameworks = Collections.unmodifiableSortedMap(sorted);
    }
  }
}
