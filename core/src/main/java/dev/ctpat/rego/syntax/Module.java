package dev.ctpat.rego.syntax;

import java.util.List;

/**
 * A parsed Rego module.
 *
 * @param file the file name given to the parser
 * @param packagePath the package as a ref rooted at {@code data} ({@code data.a.b})
 * @param imports the imports in source order
 * @param rules the rules in source order
 * @param annotations every METADATA block of the module, including package-scoped ones
 * @param version the Rego version the module was parsed as
 */
public record Module(
    String file,
    Term.Ref packagePath,
    List<Import> imports,
    List<Rule> rules,
    List<Annotation> annotations,
    RegoVersion version) {

  public Module {
    imports = List.copyOf(imports);
    rules = List.copyOf(rules);
    annotations = List.copyOf(annotations);
  }

  /**
   * {@code import path [as alias]}; path is rooted at {@code data}, {@code input},
   * {@code future} or {@code rego}. Alias is null when none was given.
   */
  public record Import(Term.Ref path, String alias, Location location) {}
}
