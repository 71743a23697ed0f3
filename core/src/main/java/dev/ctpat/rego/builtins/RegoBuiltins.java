package dev.ctpat.rego.builtins;

import dev.ctpat.rego.syntax.Location;
import dev.ctpat.rego.syntax.Module;
import dev.ctpat.rego.syntax.ParseException;
import dev.ctpat.rego.syntax.Parser;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * OPA's {@code rego.parse_module(filename, text)}: the module's AST in OPA's JSON form
 * ({@link RegoAstJson}), parsed in the Rego version of the evaluation. Text that does not parse
 * fails with OPA's rendering of the parse errors ({@code 1 error occurred: x.rego:1:
 * rego_parse_error: ...}, followed by the offending line and a caret).
 */
final class RegoBuiltins implements BuiltinFamily {
  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function("rego", "rego.parse_module",
        Types.fn(Types.objectOf(Types.STRING, Types.ANY), Types.STRING, Types.STRING),
        RegoBuiltins::parseModule));
  }

  private static Value parseModule(BuiltinContext ctx, List<Value> args)
      throws BuiltinException {
    String file = Operands.string(args, 0);
    String text = Operands.string(args, 1);
    Module module;
    try {
      module = Parser.parseModule(file, text, new Parser.ParserOptions(ctx.regoVersion()));
    } catch (ParseException e) {
      throw BuiltinException.error(describe(e.errors(), text));
    }
    return RegoAstJson.of(module);
  }

  /** OPA's text for a list of errors: a count, then one error per line. */
  private static String describe(List<ParseException.SyntaxError> errors, String text) {
    if (errors.size() == 1) {
      return "1 error occurred: " + describe(errors.get(0), text);
    }
    List<String> lines = new ArrayList<>();
    for (ParseException.SyntaxError e : errors) {
      lines.add(describe(e, text));
    }
    return errors.size() + " errors occurred:\n" + String.join("\n", lines);
  }

  /**
   * {@code file:line: rego_parse_error: message} ({@code line:column} without a file name), then
   * the source line without its leading tabs, and a caret under the error's column.
   */
  private static String describe(ParseException.SyntaxError e, String text) {
    Location loc = e.location();
    String at = loc.file().isEmpty() ? loc.line() + ":" + loc.column()
        : loc.file() + ":" + loc.line();
    String msg = at + ": " + ParseException.CODE + ": " + e.message();
    String[] sourceLines = text.split("\n", -1);
    if (loc.line() < 1 || loc.line() > sourceLines.length) {
      return msg;
    }
    String line = sourceLines[loc.line() - 1];
    String untabbed = line.replaceFirst("^\t+", "");
    int indent = Math.max(0, loc.column() - 1 - (line.length() - untabbed.length()));
    return msg + "\n\t" + untabbed + "\n\t" + " ".repeat(indent) + "^";
  }
}
