package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.Value;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Arbitrary GraphQL-ish text never breaks the builtins, and parsed trees survive decoding. */
class GraphqlBuiltinsPropertyTest {
  private static final String SCHEMA =
      "type Query { a(x: Int, y: [String!]): T b: Int } type T { c: ID d: T } enum E { V }";

  private final Family family = new Family(new GraphqlBuiltins());

  @Property(tries = 400)
  void parsingFailsOnlyWithBuiltinErrors(
      @ForAll @StringLength(max = 40) @Chars({'{', '}', '(', ')', '[', ']', ':', '!', '$', '@',
          '|', '&', '=', '.', '"', '#', ',', ' ', '\n', '\r', '\\', 'a', 'b', 'x', 'e', 'o', 'n',
          '0', '1', '-', 'é', '😀'}) String text) {
    for (String name : new String[] {"graphql.parse_query", "graphql.parse_schema"}) {
      try {
        family.call(name, str(text));
      } catch (BuiltinException e) {
        assertThat(e.getMessage()).contains(" in GraphQL string at location ");
      }
    }
  }

  @Property(tries = 300)
  void queryAstsRoundTripThroughParse(@ForAll("queries") String query)
      throws BuiltinException {
    ArrayValue verified =
        (ArrayValue) family.call("graphql.parse_and_verify", str(query), str(SCHEMA));
    if (!verified.get(0).equals(BooleanValue.TRUE)) {
      return;
    }
    Value queryAst = verified.get(1);
    Value schemaAst = verified.get(2);
    if (queryAst.toString().contains("TypeCondition")) {
      // gqlparser decodes every selection as a field, so inline fragments do not survive.
      assertThat(family.call("graphql.is_valid", queryAst, schemaAst))
          .isEqualTo(BooleanValue.FALSE);
    } else {
      assertThat(family.call("graphql.parse", queryAst, schemaAst))
          .isEqualTo(ArrayValue.of(queryAst, schemaAst));
    }
  }

  /** Queries on {@link #SCHEMA}, mostly valid, some with conflicting fields. */
  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> topLevel = Arbitraries.oneOf(
        Arbitraries.of("b", "b @include(if: true)", "n: b"),
        selectionsOnT(2).map(s -> "a(x: 1, y: [\"s\"]) " + s),
        selectionsOnT(2).map(s -> "a " + s));
    return topLevel.list().ofMinSize(1).ofMaxSize(3)
        .map(l -> "query Q($v: Boolean = false) { b @skip(if: $v) " + String.join(" ", l) + " }");
  }

  private static Arbitrary<String> selectionsOnT(int depth) {
    Arbitrary<String> leaf = Arbitraries.of("c", "__typename", "id: c");
    Arbitrary<String> selection = depth == 0 ? leaf : Arbitraries.oneOf(leaf,
        selectionsOnT(depth - 1).map(s -> "d " + s),
        selectionsOnT(depth - 1).map(s -> "... on T " + s));
    return selection.list().ofMinSize(1).ofMaxSize(3)
        .map(l -> "{ " + String.join(" ", l) + " }");
  }
}
