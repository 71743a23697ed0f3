package dev.ctpat.rego.compile;

import dev.ctpat.rego.builtins.Builtin;
import dev.ctpat.rego.syntax.Location;
import dev.ctpat.rego.value.Value;
import java.util.List;

/**
 * The compiled form of Rego terms and bodies that the evaluator runs: names resolved (locals to
 * frame slots, rules and imports to absolute data paths, calls to their targets), bodies
 * reordered for safety. Public for the evaluator's sake; not part of the engine's API.
 */
public final class Ir {
  private Ir() {}

  /** A compiled term. */
  public sealed interface Node
      permits Const, Local, DataRoot, InputRoot, Ref, ArrayNode, ObjectNode, SetNode,
          Comprehension, Call {
    Location location();
  }

  /** A ground value known at compile time. */
  public record Const(Value value, Location location) implements Node {}

  /**
   * A local variable: slot {@code slot} of the rule's frame.
   *
   * @param generated true for wildcards and compiler temporaries, never reported as bindings
   */
  public record Local(int slot, String name, boolean generated, Location location)
      implements Node {}

  /** The root {@code data} document. */
  public record DataRoot(Location location) implements Node {}

  /** The root {@code input} document. */
  public record InputRoot(Location location) implements Node {}

  /** {@code head[path0][path1]...}. For data refs the head is a {@link DataRoot}. */
  public record Ref(Node head, List<Node> path, Location location) implements Node {
    public Ref {
      path = List.copyOf(path);
    }
  }

  public record ArrayNode(List<Node> items, Location location) implements Node {
    public ArrayNode {
      items = List.copyOf(items);
    }
  }

  public record ObjectNode(List<Node> keys, List<Node> values, Location location)
      implements Node {
    public ObjectNode {
      keys = List.copyOf(keys);
      values = List.copyOf(values);
    }
  }

  public record SetNode(List<Node> items, Location location) implements Node {
    public SetNode {
      items = List.copyOf(items);
    }
  }

  /** The three comprehension kinds. */
  public enum ComprehensionKind { ARRAY, SET, OBJECT }

  /**
   * A comprehension; {@code key} is null except for object comprehensions.
   *
   * @param locals the slots declared inside the comprehension, cleared before each run
   */
  public record Comprehension(ComprehensionKind kind, Node key, Node value, Body body,
      ComprehensionIndex index, Location location) implements Node {}

  /**
   * How to evaluate a comprehension once for all values of its closure variables: the body
   * with each equality {@code closure == expr} rewritten to bind {@code expr} to a key slot,
   * whose values then group the results.
   *
   * @param closureSlots the outer variables, in key order
   * @param keySlots for each closure variable, the slot that receives its key expression
   * @param body the rewritten body
   */
  public record ComprehensionIndex(List<Integer> closureSlots, List<Integer> keySlots,
      Body body) {
    public ComprehensionIndex {
      closureSlots = List.copyOf(closureSlots);
      keySlots = List.copyOf(keySlots);
    }
  }

  /**
   * A call. {@code name} is the canonical name used for {@code with} replacement: the builtin's
   * name or the function's full data path ({@code data.pkg.f}).
   *
   * @param builtin the builtin, or null for a function rule
   * @param functionPath for a function rule, its absolute path below data
   * @param output the term receiving the result when written in v0 output-argument style, or
   *     null
   */
  public record Call(String name, Builtin builtin, List<Value> functionPath, List<Node> args,
      Node output, Location location) implements Node {
    public Call {
      args = List.copyOf(args);
      functionPath = functionPath == null ? null : List.copyOf(functionPath);
    }
  }

  /** A compiled body: literals in evaluation order. */
  public record Body(List<Literal> literals) {
    public Body {
      literals = List.copyOf(literals);
    }
  }

  /**
   * One compiled literal.
   *
   * @param text the source text of the expression (query results report it), may be empty
   */
  public record Literal(Location location, boolean negated, Expr expr, List<With> withs,
      String text) {
    public Literal {
      withs = List.copyOf(withs);
    }
  }

  /**
   * {@code with target as value}. The target is {@code input}/{@code data} plus a path, or a
   * function or builtin by canonical name. A function target is replaced either by another
   * function ({@code replacementBuiltin} or {@code replacementFunction}) or by a value.
   */
  public record With(WithKind kind, List<Value> path, String functionName, Node value,
      Builtin replacementBuiltin, List<Value> replacementFunction, Location location) {
    public With {
      path = path == null ? null : List.copyOf(path);
      replacementFunction = replacementFunction == null ? null : List.copyOf(replacementFunction);
    }
  }

  /** What a {@code with} replaces. */
  public enum WithKind { INPUT, DATA, FUNCTION }

  /** The compiled expression forms. */
  public sealed interface Expr permits TermExpr, Unify, SomeIn, Every, Noop {}

  /** A term that must be defined and not false. */
  public record TermExpr(Node term) implements Expr {}

  /** Unification (also {@code :=} after declaration checks). */
  public record Unify(Node left, Node right) implements Expr {}

  /** {@code some [key,] value in domain}; key may be null. */
  public record SomeIn(Node key, Node value, Node domain) implements Expr {}

  /** {@code every [key,] value in domain { body }}; key may be null. */
  public record Every(Node key, Node value, Node domain, Body body) implements Expr {}

  /** A declaration ({@code some x}) that evaluates to true. */
  public record Noop() implements Expr {}
}
