package dev.ctpat.rego.syntax;

import java.util.TreeMap;

/**
 * A line-per-node rendering of a module for golden files: every import, rule (with its kind and
 * location), annotation and body literal, each with its position, in Rego text from {@link
 * Printer}.
 */
final class AstDump {
  private AstDump() {}

  static String dump(Module module) {
    StringBuilder sb = new StringBuilder();
    sb.append("module ").append(module.version()).append(' ')
        .append(Printer.print(module.packagePath())).append('\n');
    for (Module.Import imp : module.imports()) {
      sb.append("import ").append(at(imp.location())).append(Printer.print(imp.path()));
      if (imp.alias() != null) {
        sb.append(" as ").append(imp.alias());
      }
      sb.append('\n');
    }
    for (Annotation a : module.annotations()) {
      sb.append("annotation ").append(at(a.location())).append(a.scope()).append(' ')
          .append(new TreeMap<>(a.fields())).append('\n');
    }
    for (Rule rule : module.rules()) {
      rule(rule, "", sb);
    }
    return sb.toString();
  }

  private static void rule(Rule rule, String indent, StringBuilder sb) {
    sb.append(indent).append(indent.isEmpty() ? "rule " : "else ").append(at(rule.location()))
        .append(rule.headKind()).append(rule.isDefault() ? " default" : "")
        .append(" head=").append(Printer.print(rule.head()));
    if (rule.args() != null) {
      sb.append(" args=").append(rule.args().stream().map(Printer::print).toList());
    }
    if (rule.key() != null) {
      sb.append(" key=").append(Printer.print(rule.key()));
    }
    if (rule.value() != null) {
      sb.append(rule.assign() ? " := " : " = ").append(Printer.print(rule.value()));
    }
    if (!rule.annotations().isEmpty()) {
      sb.append(" annotations=").append(rule.annotations().stream()
          .map(a -> a.location().line()).toList());
    }
    sb.append('\n');
    for (Literal literal : rule.body().literals()) {
      sb.append(indent).append("  ").append(at(literal.location()))
          .append(Printer.print(literal)).append('\n');
    }
    if (rule.elseRule() != null) {
      rule(rule.elseRule(), indent + "  ", sb);
    }
  }

  private static String at(Location l) {
    return "@" + l.line() + ":" + l.column() + " ";
  }
}
