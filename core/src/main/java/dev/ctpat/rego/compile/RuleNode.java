package dev.ctpat.rego.compile;

import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the tree of virtual documents: the rules whose static path ends here, and children
 * by key. The tree is built once by the compiler and read-only afterwards.
 */
public final class RuleNode {
  private final List<Value> path;
  private final Map<Value, RuleNode> children = new LinkedHashMap<>();
  private final List<CompiledRule> rules = new ArrayList<>();
  private final List<CompiledRule> defaults = new ArrayList<>();
  private final List<CompiledRule> functions = new ArrayList<>();
  private RuleIndex index;

  RuleNode(List<Value> path) {
    this.path = List.copyOf(path);
  }

  /** The absolute path of this node below data. */
  public List<Value> path() {
    return path;
  }

  public RuleNode child(Value key) {
    return children.get(key);
  }

  public Map<Value, RuleNode> children() {
    return Collections.unmodifiableMap(children);
  }

  /** Complete, set and object rules (not default, not functions) defined at this node. */
  public List<CompiledRule> rules() {
    return Collections.unmodifiableList(rules);
  }

  public List<CompiledRule> defaults() {
    return Collections.unmodifiableList(defaults);
  }

  public List<CompiledRule> functions() {
    return Collections.unmodifiableList(functions);
  }

  /**
   * True when this node is part of {@code data}'s virtual document: it has rules, is a package,
   * has children, or holds a zero-argument function. A leaf that holds only functions with
   * parameters is not a document.
   */
  public boolean definesDocuments() {
    return !rules.isEmpty() || !defaults.isEmpty() || !children.isEmpty() || isPackage
        || (!functions.isEmpty() && functions.get(0).args().isEmpty());
  }

  private boolean isPackage;

  void markPackage() {
    isPackage = true;
  }

  RuleNode getOrCreate(Value key) {
    return children.computeIfAbsent(key, k -> {
      List<Value> p = new ArrayList<>(path);
      p.add(k);
      return new RuleNode(p);
    });
  }

  void add(CompiledRule rule) {
    if (rule.kind() == CompiledRule.Kind.FUNCTION) {
      functions.add(rule);
    } else if (rule.isDefault()) {
      defaults.add(rule);
    } else {
      rules.add(rule);
    }
  }

  void replaceRules(List<CompiledRule> newRules, List<CompiledRule> newDefaults,
      List<CompiledRule> newFunctions) {
    rules.clear();
    rules.addAll(newRules);
    defaults.clear();
    defaults.addAll(newDefaults);
    functions.clear();
    functions.addAll(newFunctions);
  }

  /** The index over {@link #rules()}, or null when the rules are scanned in order. */
  public RuleIndex index() {
    return index;
  }

  void setIndex(RuleIndex index) {
    this.index = index;
  }

  /** The node at {@code path} below this one, or null. */
  public RuleNode find(List<Value> relative) {
    RuleNode n = this;
    for (Value k : relative) {
      n = n.children.get(k);
      if (n == null) {
        return null;
      }
    }
    return n;
  }
}
