package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.GraphqlAst.Argument;
import dev.ctpat.rego.builtins.GraphqlAst.Definition;
import dev.ctpat.rego.builtins.GraphqlAst.Field;
import dev.ctpat.rego.builtins.GraphqlAst.FieldDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.FragmentDefinition;
import dev.ctpat.rego.builtins.GraphqlAst.FragmentSpread;
import dev.ctpat.rego.builtins.GraphqlAst.InlineFragment;
import dev.ctpat.rego.builtins.GraphqlAst.Pos;
import dev.ctpat.rego.builtins.GraphqlAst.Selection;
import dev.ctpat.rego.builtins.GraphqlAst.TypeRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OverlappingFieldsCanBeMerged rule, as gqlparser implements graphql-js's algorithm: fields
 * that give the same response name must be the same field with the same arguments (unless their
 * parents can never be the same object), must not return conflicting types, and their
 * sub-selections must merge in turn. Fields are compared within a selection set, between the set
 * and the fragments it spreads, and between those fragments, remembering compared fragment pairs.
 */
final class GraphqlOverlappingFields {
  /** A conflict: a message, or the conflicts of the sub-selections that explain it. */
  private record Conflict(String responseName, String message, List<Conflict> subConflicts,
      Pos position) {
    void describe(StringBuilder sb) {
      if (subConflicts.isEmpty()) {
        sb.append(message);
        return;
      }
      for (int i = 0; i < subConflicts.size(); i++) {
        Conflict sub = subConflicts.get(i);
        sb.append("subfields \"").append(sub.responseName).append("\" conflict because ");
        sub.describe(sb);
        if (i < subConflicts.size() - 1) {
          sb.append(" and ");
        }
      }
    }
  }

  /** The fields of a selection set by response name (through inline fragments), and its spreads. */
  private record Collected(Map<String, List<Field>> fields, List<FragmentSpread> spreads) {}

  private final GraphqlValidator v;
  /** Fragment pairs already compared, and whether they were compared as mutually exclusive. */
  private final Map<String, Map<String, Boolean>> comparedPairs = new HashMap<>();
  /** Fragments already compared with the fields of the selection set being checked. */
  private Set<String> comparedFragments = new HashSet<>();

  GraphqlOverlappingFields(GraphqlValidator v) {
    this.v = v;
  }

  /** Reports the conflicts within one selection set. */
  void check(List<Selection> selections) {
    if (selections.isEmpty()) {
      return;
    }
    Collected collected = collect(selections);
    List<Conflict> conflicts = new ArrayList<>();
    collectWithin(conflicts, collected.fields());
    comparedFragments = new HashSet<>();
    List<FragmentSpread> spreads = collected.spreads();
    for (int i = 0; i < spreads.size(); i++) {
      collectWithFragment(conflicts, false, collected.fields(), spreads.get(i));
      for (FragmentSpread other : spreads.subList(i + 1, spreads.size())) {
        collectBetweenFragments(conflicts, false, spreads.get(i), other);
      }
    }
    for (Conflict c : conflicts) {
      StringBuilder reason = new StringBuilder();
      c.describe(reason);
      v.report("Fields \"" + c.responseName() + "\" conflict because " + reason
          + ". Use different aliases on the fields to fetch both if this was intentional.",
          c.position());
    }
  }

  private static Collected collect(List<Selection> selections) {
    Collected c = new Collected(new LinkedHashMap<>(), new ArrayList<>());
    collectInto(selections, c);
    return c;
  }

  private static void collectInto(List<Selection> selections, Collected c) {
    for (Selection s : selections) {
      if (s instanceof Field f) {
        c.fields().computeIfAbsent(f.responseName(), k -> new ArrayList<>()).add(f);
      } else if (s instanceof InlineFragment f) {
        collectInto(f.selectionSet(), c);
      } else {
        c.spreads().add((FragmentSpread) s);
      }
    }
  }

  private void collectWithin(List<Conflict> conflicts, Map<String, List<Field>> fields) {
    for (List<Field> same : fields.values()) {
      for (int i = 0; i < same.size(); i++) {
        for (Field other : same.subList(i + 1, same.size())) {
          addIfConflict(conflicts, false, same.get(i), other);
        }
      }
    }
  }

  private void collectBetween(List<Conflict> conflicts, boolean exclusive,
      Map<String, List<Field>> a, Map<String, List<Field>> b) {
    for (Map.Entry<String, List<Field>> entry : a.entrySet()) {
      List<Field> others = b.get(entry.getKey());
      if (others == null) {
        continue;
      }
      for (Field fieldA : entry.getValue()) {
        for (Field fieldB : others) {
          addIfConflict(conflicts, exclusive, fieldA, fieldB);
        }
      }
    }
  }

  private void addIfConflict(List<Conflict> conflicts, boolean exclusive, Field a, Field b) {
    Conflict c = findConflict(exclusive, a, b);
    if (c != null) {
      conflicts.add(c);
    }
  }

  /** Compares fields with those of a spread fragment and, recursively, the fragments it spreads. */
  private void collectWithFragment(List<Conflict> conflicts, boolean exclusive,
      Map<String, List<Field>> fields, FragmentSpread spread) {
    if (!comparedFragments.add(spread.name())) {
      return;
    }
    FragmentDefinition fragment = v.fragment(spread);
    if (fragment == null) {
      return;
    }
    Collected other = collect(fragment.selectionSet());
    // A fragment's fields are not compared with themselves (gqlparser's reflect.DeepEqual).
    if (List.copyOf(fields.keySet()).equals(List.copyOf(other.fields().keySet()))
        && fields.equals(other.fields())) {
      return;
    }
    collectBetween(conflicts, exclusive, fields, other.fields());
    for (FragmentSpread nested : other.spreads()) {
      if (!nested.name().equals(spread.name())) {
        collectWithFragment(conflicts, exclusive, fields, nested);
      }
    }
  }

  private void collectBetweenFragments(List<Conflict> conflicts, boolean exclusive,
      FragmentSpread a, FragmentSpread b) {
    if (a.name().equals(b.name()) || wereCompared(a.name(), b.name(), exclusive)) {
      return;
    }
    markCompared(a.name(), b.name(), exclusive);
    FragmentDefinition fragmentA = v.fragment(a);
    FragmentDefinition fragmentB = v.fragment(b);
    if (fragmentA == null || fragmentB == null) {
      return;
    }
    Collected collectedA = collect(fragmentA.selectionSet());
    Collected collectedB = collect(fragmentB.selectionSet());
    collectBetween(conflicts, exclusive, collectedA.fields(), collectedB.fields());
    for (FragmentSpread nested : collectedB.spreads()) {
      collectBetweenFragments(conflicts, exclusive, a, nested);
    }
    for (FragmentSpread nested : collectedA.spreads()) {
      collectBetweenFragments(conflicts, exclusive, nested, b);
    }
  }

  /** A pair compared as non-exclusive covers both cases; one compared as exclusive only that. */
  private boolean wereCompared(String a, String b, boolean exclusive) {
    Boolean comparedAsExclusive = comparedPairs.getOrDefault(a, Map.of()).get(b);
    return comparedAsExclusive != null && (exclusive || !comparedAsExclusive);
  }

  private void markCompared(String a, String b, boolean exclusive) {
    comparedPairs.computeIfAbsent(a, k -> new HashMap<>()).put(b, exclusive);
    comparedPairs.computeIfAbsent(b, k -> new HashMap<>()).put(a, exclusive);
  }

  private Conflict findConflict(boolean parentsExclusive, Field a, Field b) {
    Definition parentA = v.parentType(a);
    Definition parentB = v.parentType(b);
    if (parentA == null || parentB == null) {
      return null;
    }
    FieldDefinition defA = v.definition(a);
    FieldDefinition defB = v.definition(b);
    // Fields of two different object types can never be fetched for the same object.
    boolean exclusive = parentsExclusive
        || (!parentA.name().equals(parentB.name())
            && parentA.kind().equals(GraphqlAst.OBJECT_KIND)
            && parentB.kind().equals(GraphqlAst.OBJECT_KIND)
            && defA != null && defB != null);
    String responseName = a.responseName();
    if (!exclusive) {
      if (!a.name().equals(b.name())) {
        return new Conflict(responseName,
            "\"" + a.name() + "\" and \"" + b.name() + "\" are different fields", List.of(),
            b.position());
      }
      if (!sameArguments(a.arguments(), b.arguments())) {
        return new Conflict(responseName, "they have differing arguments", List.of(),
            b.position());
      }
    }
    if (defA != null && defB != null && typesConflict(defA.type(), defB.type())) {
      return new Conflict(responseName, "they return conflicting types \"" + defA.type().render()
          + "\" and \"" + defB.type().render() + "\"", List.of(), b.position());
    }
    List<Conflict> sub = conflictsBetweenSubSelections(exclusive, a.selectionSet(),
        b.selectionSet());
    return sub.isEmpty() ? null : new Conflict(responseName, "", sub, b.position());
  }

  private List<Conflict> conflictsBetweenSubSelections(boolean exclusive, List<Selection> a,
      List<Selection> b) {
    List<Conflict> conflicts = new ArrayList<>();
    Collected collectedA = collect(a);
    Collected collectedB = collect(b);
    collectBetween(conflicts, exclusive, collectedA.fields(), collectedB.fields());
    for (FragmentSpread spread : collectedB.spreads()) {
      comparedFragments = new HashSet<>();
      collectWithFragment(conflicts, exclusive, collectedA.fields(), spread);
    }
    for (FragmentSpread spread : collectedA.spreads()) {
      comparedFragments = new HashSet<>();
      collectWithFragment(conflicts, exclusive, collectedB.fields(), spread);
    }
    for (FragmentSpread spreadA : collectedA.spreads()) {
      for (FragmentSpread spreadB : collectedB.spreads()) {
        collectBetweenFragments(conflicts, exclusive, spreadA, spreadB);
      }
    }
    return conflicts;
  }

  /** Same number of arguments, each matched by name, kind and raw text. */
  private static boolean sameArguments(List<Argument> a, List<Argument> b) {
    if (a.size() != b.size()) {
      return false;
    }
    return a.stream().allMatch(x -> b.stream().anyMatch(y -> x.name().equals(y.name())
        && x.value().kind() == y.value().kind() && x.value().raw().equals(y.value().raw())));
  }

  /** Whether two field types differ in list or non-null shape, or are different leaf types. */
  private boolean typesConflict(TypeRef a, TypeRef b) {
    if (a.elem() != null || b.elem() != null) {
      return a.elem() == null || b.elem() == null || typesConflict(a.elem(), b.elem());
    }
    if (a.nonNull() != b.nonNull()) {
      return true;
    }
    Definition typeA = v.schema().type(a.namedType());
    Definition typeB = v.schema().type(b.namedType());
    if (typeA == null || typeB == null || !typeA.isLeafType() || !typeB.isLeafType()) {
      return false;
    }
    return !typeA.name().equals(typeB.name());
  }
}
