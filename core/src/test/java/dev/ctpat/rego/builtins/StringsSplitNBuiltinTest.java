package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StringsSplitNBuiltinTest {
  private final Family strings = new Family(new StringsSplitNBuiltin());

  private Value splitN(String s, String delimiter, Value n) throws BuiltinException {
    return strings.call("strings.split_n", StringValue.of(s), StringValue.of(delimiter), n);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a;b;c;d | ;  | 2   | [\"a\", \"b\"]",
      "a;b;c;d | ;  | -2  | [\"c\", \"d\"]",
      "a;b;c;d | ;  | 1   | [\"a\"]",
      "a;b;c;d | ;  | 4   | [\"a\", \"b\", \"c\", \"d\"]",
      "a;b;c;d | ;  | 9   | [\"a\", \"b\", \"c\", \"d\"]",
      "a;b;c;d | ;  | -9  | [\"a\", \"b\", \"c\", \"d\"]",
      "a;b;c;d | ;  | 0   | []",
      "abc     | ;  | 1   | [\"abc\"]",
      "abc     | ;  | -1  | [\"abc\"]",
      ";a;     | ;  | 3   | [\"\", \"a\", \"\"]",
      "a::b::c | :: | -1  | [\"c\"]",
      "h\u00e9\u00df | '' | 2 | [\"h\", \"\u00e9\"]",
      "''      | ;  | 5   | [\"\"]",
      "''      | '' | 5   | []",
  })
  void keepsTheFirstOrLastPartsOfSplit(String s, String delimiter, int n, String parts)
      throws Exception {
    assertThat(splitN(s, delimiter, NumberValue.of(n))).isEqualTo(json(parts));
  }

  @Test
  void splitsAroundSupplementaryCharactersAsWholeCharacters() throws Exception {
    assertThat(splitN("a\uD83D\uDE00b", "", NumberValue.of(-2)))
        .isEqualTo(json("[\"\uD83D\uDE00\", \"b\"]"));
  }

  @Test
  void takesAnyInt64Count() throws Exception {
    Value both = json("[\"a\", \"b\"]");

    assertThat(splitN("a;b", ";", NumberValue.of(Long.MIN_VALUE))).isEqualTo(both);
    assertThat(splitN("a;b", ";", NumberValue.of(1L << 40))).isEqualTo(both);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "-0.5", "1e19"})
  void requiresAnInt64Count(String n) {
    BuiltinException e = strings.error("strings.split_n", StringValue.of("a"),
        StringValue.of(";"), NumberValue.of(new BigDecimal(n)));

    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e.getMessage())
        .isEqualTo("operand 3 must be integer number but got floating-point number");
  }
}
