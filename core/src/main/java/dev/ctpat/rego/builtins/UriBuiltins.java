package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.List;
import java.util.function.Consumer;

/**
 * OPA's {@code uri.parse} and {@code uri.is_valid}: URLs split into RFC 3986 components as Go's
 * {@code net/url} splits them ({@link UriGoUrl}).
 */
final class UriBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "uri";

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "uri.parse",
        Types.fn(Types.objectOf(Types.STRING, Types.STRING), Types.STRING), UriBuiltins::parse));
    // Declared for any operand (OPA declares string) so that a non-string reaches the builtin,
    // which answers false for it, as OPA's does.
    out.accept(Builtin.function(CATEGORY, "uri.is_valid", Types.fn(Types.BOOLEAN, Types.ANY),
        (ctx, args) -> BooleanValue.of(isValid(args.get(0)))));
  }

  /**
   * The components present in the URL: {@code scheme}, {@code hostname}, {@code port},
   * {@code path} with {@code raw_path} (the path as written, or the path when it needed no
   * escaping), {@code raw_query} and {@code fragment}. Empty components are left out.
   */
  private static Value parse(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    UriGoUrl.Url url;
    try {
      url = UriGoUrl.parse(Operands.string(args, 0));
    } catch (UriGoUrl.ParseError e) {
      throw BuiltinException.error(e.getMessage());
    }
    ObjectValue.Builder b = ObjectValue.builder();
    putIfPresent(b, "scheme", url.scheme());
    putIfPresent(b, "hostname", url.hostname());
    putIfPresent(b, "port", url.port());
    if (!url.path().isEmpty()) {
      b.put("path", StringValue.of(url.path()));
      b.put("raw_path", StringValue.of(url.rawPath().isEmpty() ? url.path() : url.rawPath()));
    }
    putIfPresent(b, "raw_query", url.rawQuery());
    putIfPresent(b, "fragment", url.fragment());
    return b.build();
  }

  private static void putIfPresent(ObjectValue.Builder b, String key, String value) {
    if (!value.isEmpty()) {
      b.put(key, StringValue.of(value));
    }
  }

  /** True for a non-empty string Go can parse as a URL (the empty reference is rejected). */
  private static boolean isValid(Value v) {
    if (!(v instanceof StringValue s) || s.value().isEmpty()) {
      return false;
    }
    try {
      UriGoUrl.parse(s.value());
      return true;
    } catch (UriGoUrl.ParseError e) {
      return false;
    }
  }
}
