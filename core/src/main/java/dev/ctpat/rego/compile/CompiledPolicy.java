package dev.ctpat.rego.compile;

import dev.ctpat.rego.builtins.BuiltinRegistry;
import dev.ctpat.rego.syntax.Body;
import dev.ctpat.rego.syntax.Module;
import java.util.List;

/**
 * Modules compiled into a tree of rules, immutable after compilation and safe to share across
 * threads.
 */
public final class CompiledPolicy {
  private final List<Module> modules;
  private final RuleNode root;
  private final BuiltinRegistry registry;

  CompiledPolicy(List<Module> modules, RuleNode root, BuiltinRegistry registry) {
    this.modules = List.copyOf(modules);
    this.root = root;
    this.registry = registry;
  }

  public List<Module> modules() {
    return modules;
  }

  /** The root of the rule tree (the virtual documents under {@code data}). */
  public RuleNode root() {
    return root;
  }

  public BuiltinRegistry registry() {
    return registry;
  }

  /**
   * Compiles a parsed query against this policy.
   *
   * @throws dev.ctpat.rego.api.RegoException for unsafe variables or unknown functions
   */
  public CompiledQuery compileQuery(Body query) {
    return Compiler.compileQuery(this, query, null);
  }

  /**
   * Compiles a parsed query, keeping each expression's source text (as {@code opa eval}
   * reports it) from {@code source}.
   */
  public CompiledQuery compileQuery(Body query, String source) {
    return Compiler.compileQuery(this, query, source);
  }
}
