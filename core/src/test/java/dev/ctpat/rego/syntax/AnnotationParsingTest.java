package dev.ctpat.rego.syntax;

import static dev.ctpat.rego.syntax.ParserTestSupport.FILE;
import static dev.ctpat.rego.syntax.ParserTestSupport.module;
import static dev.ctpat.rego.syntax.ParserTestSupport.moduleErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** METADATA comment blocks. */
class AnnotationParsingTest {

  private static Rule ruleNamed(Module m, String name) {
    return m.rules().stream().filter(r -> Printer.print(r.head()).equals(name)).findFirst()
        .orElseThrow();
  }

  @Nested
  class Scopes {
    @Test
    void blockBeforeARuleAppliesToThatRule() {
      Module m = module("package t\n\n# METADATA\n# title: Allow\n# description: Lets admins in\n"
          + "allow if input.admin\n\nother := 1\n");
      Annotation a = ruleNamed(m, "allow").annotations().get(0);
      assertThat(a.scope()).isEqualTo("rule");
      assertThat(a.location()).isEqualTo(new Location(FILE, 3, 1));
      assertThat(a.fields()).containsOnly(entry("title", "Allow"),
          entry("description", "Lets admins in"));
      assertThat(ruleNamed(m, "other").annotations()).isEmpty();
      assertThat(m.annotations()).containsExactly(a);
    }

    @Test
    void blockBeforeThePackageHasPackageScope() {
      Module m = module("# METADATA\n# title: Policy\npackage t\n\np := 1");
      assertThat(m.annotations()).extracting(Annotation::scope).containsExactly("package");
      assertThat(m.rules().get(0).annotations()).isEmpty();
    }

    @Test
    void documentScopeAppliesToEveryRuleOfTheDocument() {
      Module m = module("package t\n\nq := 1 if input.a\n\n# METADATA\n# scope: document\n"
          + "# title: Q\nq := 2 if input.b\n\nq.r := 3\nq[\"s\"] := 4\ns := 1\n");
      List<Rule> rules = m.rules();
      assertThat(rules.get(0).annotations()).as("same document, earlier rule").hasSize(1);
      assertThat(rules.get(1).annotations()).hasSize(1);
      assertThat(rules.get(2).annotations()).as("q.r is another document").isEmpty();
      assertThat(rules.get(3).annotations()).isEmpty();
      assertThat(rules.get(4).annotations()).isEmpty();
    }

    @Test
    void entrypointDefaultsToDocumentScope() {
      Module m = module("package t\n# METADATA\n# entrypoint: true\nmain := 1");
      assertThat(m.annotations().get(0).scope()).isEqualTo("document");
      assertThat(m.annotations().get(0).fields()).containsEntry("entrypoint", true);
    }

    @Test
    void subpackagesScopeOnThePackage() {
      Module m = module("# METADATA\n# scope: subpackages\n# title: All\npackage t");
      assertThat(m.annotations().get(0).scope()).isEqualTo("subpackages");
    }

    @Test
    void severalBlocksMayApplyToOneRule() {
      Module m = module("package t\n# METADATA\n# title: A\n\n# METADATA\n# description: B\n"
          + "p := 1");
      assertThat(m.rules().get(0).annotations()).extracting(a -> a.location().line())
          .containsExactly(2, 5);
    }

    @Test
    void scopeMustMatchWhatFollows() {
      assertThat(moduleErrors("# METADATA\n# scope: rule\npackage t"))
          .containsExactly("1:1: annotation scope 'rule' must be applied to rule (have package)");
      assertThat(moduleErrors("package t\n# METADATA\n# scope: package\np := 1"))
          .containsExactly("2:1: annotation scope 'package' must be applied to package "
              + "(have rule)");
      assertThat(moduleErrors("package t\n# METADATA\n# title: x\nimport data.x"))
          .containsExactly("2:1: invalid annotation scope 'import'. Use one of 'rule', "
              + "'document', 'package', or 'subpackages'");
    }

    @Test
    void blockAtTheEndAppliesToNothing() {
      assertThat(moduleErrors("package t\np := 1\n# METADATA\n# title: x\n"))
          .containsExactly("3:1: invalid annotation scope ''. Use one of 'rule', 'document', "
              + "'package', or 'subpackages'");
    }

    @Test
    void unknownScope() {
      assertThat(moduleErrors("package t\n# METADATA\n# scope: everything\np := 1"))
          .containsExactly("2:1: invalid annotation scope 'everything'. Use one of 'rule', "
              + "'document', 'package', or 'subpackages'");
    }

    @Test
    void entrypointOnlyForDocumentsAndPackages() {
      assertThat(moduleErrors("package t\n# METADATA\n# scope: rule\n# entrypoint: true\n"
          + "p := 1"))
          .containsExactly("2:1: annotation entrypoint applied to non-document or package "
              + "scope 'rule'");
    }
  }

  @Nested
  class Blocks {
    @Test
    void blockEndsAtTheFirstLineThatIsNotAColumnOneComment() {
      Module m = module("package t\n# METADATA\n# title: T\n  # description: indented\n"
          + "p := 1");
      assertThat(m.annotations().get(0).fields()).containsOnlyKeys("title");
    }

    @Test
    void metadataMayBeFollowedByText() {
      Module m = module("package t\n#   METADATA for p\n# title: T\np := 1");
      assertThat(m.annotations()).hasSize(1);
    }

    @Test
    void ordinaryCommentsAreNotAnnotations() {
      assertThat(module("package t\n# metadata: lower case\np := 1").annotations()).isEmpty();
    }

    @Test
    void emptyBlockIsAnError() {
      assertThat(moduleErrors("package t\n# METADATA\n\np := 1"))
          .containsExactly("2:1: expected METADATA block, found whitespace");
      assertThat(moduleErrors("package t\n# METADATA\n#\np := 1"))
          .containsExactly("2:1: expected METADATA block, found whitespace");
    }
  }

  @Nested
  class Yaml {
    @Test
    void valuesArePlainJavaValues() {
      Module m = module("package t\n# METADATA\n# custom:\n#   n: 3\n#   f: 1.5\n#   b: true\n"
          + "#   list: [a, 1]\n#   nested:\n#     k: ~\np := 1");
      @SuppressWarnings("unchecked")
      Map<String, Object> custom = (Map<String, Object>) m.annotations().get(0).fields()
          .get("custom");
      assertThat(custom).containsEntry("n", 3).containsEntry("f", 1.5)
          .containsEntry("b", true).containsEntry("list", List.of("a", 1));
      assertThat(custom.get("nested")).isEqualTo(java.util.Collections.singletonMap("k", null));
    }

    @Test
    void onlyTheYaml12CoreSchemaIsResolved() {
      Module m = module("package t\n# METADATA\n# custom:\n#   y: yes\n#   d: 2024-01-02\n"
          + "#   h: 0x1F\np := 1");
      @SuppressWarnings("unchecked")
      Map<String, Object> custom = (Map<String, Object>) m.annotations().get(0).fields()
          .get("custom");
      assertThat(custom).containsEntry("y", "yes").containsEntry("d", "2024-01-02")
          .containsEntry("h", "0x1F");
    }

    @Test
    void wellKnownFieldsAreKept() {
      Module m = module("package t\n# METADATA\n# title: T\n# authors:\n# - Jane <j@x.io>\n"
          + "# - name: Bob\n# related_resources:\n# - https://example.com\n"
          + "# - ref: https://x.io\n#   description: d\n# organizations: [acme]\n"
          + "# schemas:\n#   - input: schema.input\np := 1");
      assertThat(m.annotations().get(0).fields()).containsKeys("title", "authors",
          "related_resources", "organizations", "schemas");
    }

    @Test
    void syntaxErrorsPointAtTheirLine() {
      assertThat(moduleErrors("package t\n# METADATA\n# title: x\n# custom: [a\n# b: c\np := 1"))
          .singleElement().asString().startsWith("5:1: yaml: line 3: ");
    }

    @Test
    void duplicateKeysAreErrors() {
      assertThat(moduleErrors("package t\n# METADATA\n# title: a\n# title: b\np := 1"))
          .singleElement().asString().startsWith("4:1: yaml: line 2: ");
    }

    @Test
    void topLevelMustBeAMapping() {
      assertThat(moduleErrors("package t\n# METADATA\n# just text\np := 1"))
          .containsExactly("2:1: invalid METADATA block: expected a YAML mapping");
    }

    @Test
    void typedFieldsAreChecked() {
      assertThat(moduleErrors("package t\n# METADATA\n# title: [1]\np := 1"))
          .containsExactly("2:1: invalid METADATA field 'title': expected a string");
      assertThat(moduleErrors("package t\n# METADATA\n# entrypoint: yes\np := 1"))
          .containsExactly("2:1: invalid METADATA field 'entrypoint': expected a boolean");
      assertThat(moduleErrors("package t\n# METADATA\n# custom: [1]\np := 1"))
          .containsExactly("2:1: invalid METADATA field 'custom': expected a mapping");
      assertThat(moduleErrors("package t\n# METADATA\n# organizations: [1]\np := 1"))
          .containsExactly("2:1: invalid METADATA field 'organizations': expected a list of "
              + "strings");
    }

    @Test
    void authorsAndRelatedResourcesAreChecked() {
      assertThat(moduleErrors("package t\n# METADATA\n# authors:\n# - email: ''\np := 1"))
          .containsExactly("2:1: invalid author definition {email=}: 'name' and/or 'email' "
              + "values required in object");
      assertThat(moduleErrors("package t\n# METADATA\n# related_resources:\n# - 1\np := 1"))
          .containsExactly("2:1: invalid related-resource definition 1: invalid value type, "
              + "must be string or map");
    }

    @Test
    void nonStringKeysAreRejected() {
      assertThat(moduleErrors("package t\n# METADATA\n# custom:\n#   1: x\np := 1"))
          .containsExactly("2:1: invalid map key type(s): custom");
    }
  }
}
