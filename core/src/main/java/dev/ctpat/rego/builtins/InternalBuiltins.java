package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.function.Consumer;

/**
 * The remaining builtins OPA declares for language constructs: {@code eq} ({@code =}),
 * {@code assign} ({@code :=}), {@code internal.print} (what OPA compiles {@code print} into),
 * {@code internal.template_string} (template strings) and {@code internal.test_case}
 * (parameterized test cases).
 *
 * <p>This engine's compiler turns {@code =} and {@code :=} into unification and its evaluator
 * runs {@code print} itself, so these functions serve the prefix forms written by hand
 * ({@code eq(x, 1)}) and complete the capabilities OPA tooling checks policies against. Void
 * builtins in OPA ({@code internal.print}, {@code internal.test_case}) are declared here with a
 * boolean result, always true, since every declaration needs one.
 */
final class InternalBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "internal";
  /** OPA's code for a template string that would render more than one string. */
  private static final String CONFLICT_ERROR = "eval_conflict_error";
  /** OPA's code for an argument the compiler could never have produced. */
  private static final String INTERNAL_ERROR = "eval_internal_error";

  @Override
  public void register(Consumer<Builtin> out) {
    // With ground operands unification succeeds exactly when they are equal; otherwise the
    // expression is undefined, not false.
    out.accept(Builtin.function(CATEGORY, "eq", Types.fn(Types.BOOLEAN, Types.ANY, Types.ANY),
        (ctx, args) -> unify(args)));
    out.accept(Builtin.function(CATEGORY, "assign",
        Types.fn(Types.BOOLEAN, Types.ANY, Types.ANY), (ctx, args) -> unify(args)));
    // OPA prints only through a configured print hook and otherwise does nothing; builtins
    // here have no print hook (the evaluator prints print(...) calls itself).
    out.accept(Builtin.function(CATEGORY, "internal.print",
        Types.fn(Types.BOOLEAN, Types.arrayOf(Types.setOf(Types.ANY))),
        (ctx, args) -> BooleanValue.TRUE));
    out.accept(Builtin.function(CATEGORY, "internal.template_string",
        Types.fn(Types.STRING, Types.ARRAY), InternalBuiltins::templateString));
    // OPA reports the case to the query's tracers, which builtins here do not see.
    out.accept(Builtin.function(CATEGORY, "internal.test_case",
        Types.fn(Types.BOOLEAN, Types.ARRAY), (ctx, args) -> BooleanValue.TRUE));
  }

  private static Value unify(List<Value> args) {
    return args.get(0).equals(args.get(1)) ? BooleanValue.TRUE : null;
  }

  /**
   * Joins the parts of a template string. A literal part is a string; an expression part is the
   * set of its values: empty when undefined (rendered {@code <undefined>}), and never more than
   * one value, since a template string renders one string.
   */
  private static Value templateString(BuiltinContext ctx, List<Value> args)
      throws BuiltinException {
    StringBuilder sb = new StringBuilder();
    for (Value part : Operands.array(args, 0).elements()) {
      sb.append(render(part));
    }
    return StringValue.of(sb.toString());
  }

  private static String render(Value part) throws BuiltinException {
    switch (part.kind()) {
      case STRING:
        return ((StringValue) part).value();
      case NUMBER:
      case BOOLEAN:
      case NULL:
        return part.toString();
      case SET:
        SetValue values = (SetValue) part;
        if (values.isEmpty()) {
          return "<undefined>";
        }
        if (values.size() > 1) {
          throw new BuiltinException(CONFLICT_ERROR,
              "template-strings must not produce multiple outputs");
        }
        Value v = values.sorted().get(0);
        return v instanceof StringValue s ? s.value() : v.toString();
      default:
        throw new BuiltinException(INTERNAL_ERROR, "illegal argument type: " + part.typeName());
    }
  }
}
