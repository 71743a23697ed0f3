package dev.ctpat.compliance;

import dev.ctpat.rego.syntax.Annotation;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.Rule;
import dev.ctpat.rego.syntax.Term;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the criteria of a policy pack from package METADATA. A package declares a criterion
 * with {@code custom.criterion}; it then needs a {@code title}, {@code custom.requirement}
 * ({@code must} or {@code should}), {@code custom.sub_items} (each with {@code id},
 * {@code title} and an optional {@code requirement} that defaults to the criterion's), and a
 * {@code result} rule. {@code description}, {@code custom.evidence} and {@code custom.crosswalk}
 * are optional. Every mistake is reported, with its position, before the pack is used.
 */
final class CriterionMetadata {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final List<String> problems = new ArrayList<>();

  private CriterionMetadata() {}

  /**
   * The criteria declared by the modules.
   *
   * @throws PolicyPackException with every problem found
   */
  static Criteria read(List<Module> modules) {
    CriterionMetadata reader = new CriterionMetadata();
    Set<String> withResult = packagesWithResultRule(modules);
    List<Criterion> criteria = new ArrayList<>();
    Map<String, String> subItemOwners = new HashMap<>();
    for (Module module : modules) {
      for (Annotation a : module.annotations()) {
        if (a.scope().equals("package") && custom(a).containsKey("criterion")) {
          reader.criterion(a, packagePath(module), withResult)
              .filter(c -> reader.uniqueSubItems(a, c, subItemOwners))
              .ifPresent(criteria::add);
        }
      }
    }
    reader.checkUniqueIds(criteria);
    if (!reader.problems.isEmpty()) {
      throw new PolicyPackException(reader.problems);
    }
    return Criteria.of(criteria);
  }

  private Optional<Criterion> criterion(Annotation a, String packagePath, Set<String> withResult) {
    Map<String, Object> custom = custom(a);
    int before = problems.size();
    String id = criterionId(a, custom.get("criterion"));
    String title = text(a, a.fields().get("title"), "title");
    Object descriptionField = a.fields().get("description");
    String description = descriptionField == null ? "" : text(a, descriptionField, "description");
    Requirement requirement = requirement(a, custom.get("requirement"), "custom.requirement");
    List<Criterion.SubItem> subItems = subItems(a, custom.get("sub_items"), requirement);
    List<String> evidence = strings(a, custom.get("evidence"), "custom.evidence");
    Criterion.Crosswalk crosswalk = crosswalk(a, custom.get("crosswalk"));
    if (!withResult.contains(packagePath)) {
      problem(a, "criterion " + id + ": package " + packagePath + " has no result rule");
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Criterion(id, title, description.strip(), requirement, subItems,
        evidence, crosswalk, packagePath));
  }

  private String criterionId(Annotation a, Object value) {
    if (value instanceof Number n) {
      problem(a, "custom.criterion must be a quoted string, e.g. \"4.10\" (YAML reads " + n
          + " as a number)");
      return String.valueOf(n);
    }
    return text(a, value, "custom.criterion");
  }

  private List<Criterion.SubItem> subItems(Annotation a, Object value, Requirement inherited) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      problem(a, "custom.sub_items must be a non-empty list of {id, title, requirement}");
      return List.of();
    }
    List<Criterion.SubItem> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "custom.sub_items[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> item)) {
        problem(a, at + " must be a mapping with id, title and requirement");
        continue;
      }
      String id = text(a, item.get("id"), at + ".id");
      String title = text(a, item.get("title"), at + ".title");
      Object level = item.get("requirement");
      Requirement requirement = level == null
          ? inherited : requirement(a, level, at + ".requirement");
      if (id != null && title != null && requirement != null) {
        items.add(new Criterion.SubItem(id, title, requirement));
      }
    }
    return items;
  }

  private Criterion.Crosswalk crosswalk(Annotation a, Object value) {
    if (value == null) {
      return Criterion.Crosswalk.NONE;
    }
    if (!(value instanceof Map<?, ?> map)) {
      problem(a, "custom.crosswalk must be a mapping of framework to control ids");
      return Criterion.Crosswalk.NONE;
    }
    String basis = "";
    Map<String, List<String>> frameworks = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.equals("basis")) {
        basis = text(a, e.getValue(), "custom.crosswalk.basis");
      } else {
        frameworks.put(key, strings(a, e.getValue(), "custom.crosswalk." + key));
      }
    }
    return new Criterion.Crosswalk(basis == null ? "" : basis, frameworks);
  }

  private Requirement requirement(Annotation a, Object value, String field) {
    Optional<Requirement> r = value instanceof String s ? Requirement.fromId(s) : Optional.empty();
    if (r.isEmpty()) {
      problem(a, field + " must be must or should but was " + describe(value));
    }
    return r.orElse(null);
  }

  /** A list of strings; absent means empty. Numbers are accepted as written (CIS "3.1"). */
  private List<String> strings(Annotation a, Object value, String field) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      problem(a, field + " must be a list of strings but was " + describe(value));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof String || item instanceof Number) {
        out.add(String.valueOf(item));
      } else {
        problem(a, field + " must hold strings but holds " + describe(item));
      }
    }
    return out;
  }

  private String text(Annotation a, Object value, String field) {
    if (!(value instanceof String s) || s.isBlank()) {
      problem(a, field + " must be a non-blank string but was " + describe(value));
      return null;
    }
    return s;
  }

  private boolean uniqueSubItems(Annotation a, Criterion c, Map<String, String> owners) {
    boolean unique = true;
    for (Criterion.SubItem s : c.subItems()) {
      String owner = owners.putIfAbsent(s.id(), c.id());
      if (owner != null) {
        problem(a, "sub-item " + s.id() + " of criterion " + c.id()
            + " is already declared by criterion " + owner);
        unique = false;
      }
    }
    return unique;
  }

  private void checkUniqueIds(List<Criterion> criteria) {
    Map<String, Criterion> seen = new HashMap<>();
    for (Criterion c : criteria) {
      Criterion first = seen.putIfAbsent(c.id(), c);
      if (first != null) {
        problems.add("criterion " + c.id() + " is declared by both " + first.packagePath()
            + " and " + c.packagePath());
      }
    }
  }

  private void problem(Annotation a, String message) {
    problems.add(a.location() + ": " + message);
  }

  private static String describe(Object value) {
    if (value == null) {
      return "absent";
    } else if (value instanceof String s) {
      return Json.quote(s);
    } else if (value instanceof Map<?, ?>) {
      return "a mapping";
    } else if (value instanceof List<?>) {
      return "a list";
    }
    return String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> custom(Annotation a) {
    return a.fields().get("custom") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static Set<String> packagesWithResultRule(List<Module> modules) {
    Set<String> found = new HashSet<>();
    for (Module module : modules) {
      for (Rule rule : module.rules()) {
        if (rule.head().head() instanceof Term.Var v && v.name().equals("result")
            && rule.head().path().isEmpty()) {
          found.add(packagePath(module));
        }
      }
    }
    return found;
  }

  /** {@code data.a.b}, with {@code ["..."]} for keys that are not identifiers. */
  static String packagePath(Module module) {
    StringBuilder sb = new StringBuilder("data");
    for (Term step : module.packagePath().path()) {
      if (step instanceof Term.Scalar s && s.value() instanceof StringValue key) {
        sb.append(IDENTIFIER.matcher(key.value()).matches()
            ? "." + key.value() : "[" + Json.quote(key.value()) + "]");
      }
    }
    return sb.toString();
  }
}
