package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.set;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SprintfBuiltinTest {
  private final Family family = new Family(new SprintfBuiltin());

  /** One call: the format, the values array, and the expected result. */
  private record Row(String format, Value values, String expected) {
    @Override
    public String toString() {
      return "sprintf(" + SprintfStrconv.quote(format) + ", " + values + ")";
    }
  }

  private static Row row(String format, String valuesJson, String expected) {
    return new Row(format, json(valuesJson), expected);
  }

  private static Row row(String format, Value values, String expected) {
    return new Row(format, values, expected);
  }

  private Value sprintf(String format, Value values) throws BuiltinException {
    return family.call("sprintf", str(format), values);
  }

  @Test
  void registersSprintfWithOpaSignature() {
    assertThat(family.builtins().keySet()).containsExactly("sprintf");
    assertThat(family.builtin("sprintf").type())
        .isEqualTo(Types.fn(Types.STRING, Types.STRING, Types.arrayOf(Types.ANY)));
    assertThat(family.builtin("sprintf").category()).isEqualTo("strings");
  }

  /**
   * Expected outputs were produced by Go's fmt.Sprintf with the values converted as OPA converts
   * them (int, *big.Int, float64, string).
   */
  static Stream<Row> goFormatting() {
    return Stream.of(
        row("%d", "[12345]", "12345"),
        row("%v", "[-12345]", "-12345"),
        row("%+d", "[12345]", "+12345"),
        row("% d", "[12345]", " 12345"),
        row("%5d", "[42]", "   42"),
        row("%-5d|", "[42]", "42   |"),
        row("%05d", "[-42]", "-0042"),
        row("%.3d", "[7]", "007"),
        row("%.0d", "[0]", ""),
        row("%6.0d", "[0]", "      "),
        row("%x", "[255]", "ff"),
        row("%X", "[255]", "FF"),
        row("%#x", "[255]", "0xff"),
        row("%#X", "[-255]", "-0XFF"),
        row("%o", "[8]", "10"),
        row("%#o", "[8]", "010"),
        row("%O", "[8]", "0o10"),
        row("%b", "[5]", "101"),
        row("%#b", "[-5]", "-0b101"),
        row("%c", "[65]", "A"),
        row("%c", "[128512]", "😀"),
        row("%c", "[55296]", "\ufffd"),
        row("%c", "[-1]", "\ufffd"),
        row("%q", "[65]", "'A'"),
        row("%+q", "[233]", "'\\u00e9'"),
        row("%q", "[1114112]", "'\ufffd'"),
        row("%U", "[128512]", "U+1F600"),
        row("%#U", "[9731]", "U+2603 '☃'"),
        row("%#14.6U", "[8984]", "  U+002318 '⌘'"),
        row("%U", "[-1]", "U+FFFFFFFFFFFFFFFF"),
        row("%d", "[9223372036854775807]", "9223372036854775807"),
        row("%x", "[-9223372036854775808]", "-8000000000000000"),
        row("%#08x", "[255]", "0x000000ff"),
        row("%+08d", "[42]", "+0000042"),
        row("%-08d|", "[42]", "42      |"),
        row("%t", "[1]", "%!t(int=1)"),
        row("%s", "[1]", "%!s(int=1)"),
        row("%f", "[5]", "%!f(int=5)"),
        row("%.2f", "[5]", "%!f(int=05)"),
        row("%+.2f", "[5]", "%!f(int=+05)"),
        row("%T", "[1]", "int"),
        row("%p", "[1]", "%!p(int=1)"),
        row("%d", "[12345678901234567890]", "12345678901234567890"),
        row("%s", "[123456789123456789123]", "123456789123456789123"),
        row("%v", "[-98765432109876543210123]", "-98765432109876543210123"),
        row("%x", "[12345678901234567890]", "ab54a98ceb1f0ad2"),
        row("%#X", "[12345678901234567890]", "0XAB54A98CEB1F0AD2"),
        row("%#o", "[12345678901234567890]", "01255245230635307605322"),
        row("%O", "[12345678901234567890]", "0o1255245230635307605322"),
        row("%b", "[12345678901234567890]",
            "1010101101010100101010011000110011101011000111110000101011010010"),
        row("%+d", "[12345678901234567890]", "+12345678901234567890"),
        row("% d", "[12345678901234567890]", " 12345678901234567890"),
        row("%25d|", "[12345678901234567890]", "     12345678901234567890|"),
        row("%-25d|", "[12345678901234567890]", "12345678901234567890     |"),
        row("%025d", "[-12345678901234567890]", "-000012345678901234567890"),
        row("%.25d", "[12345678901234567890]", "0000012345678901234567890"),
        row("%f", "[12345678901234567890]", "%!f(big.Int=12345678901234567890)"),
        row("%q", "[12345678901234567890]", "%!q(big.Int=12345678901234567890)"),
        row("%T", "[12345678901234567890]", "*big.Int"),
        row("%v", "[3.14159]", "3.14159"),
        row("%f", "[3.14159]", "3.141590"),
        row("%.2f", "[3.14159]", "3.14"),
        row("%.0f", "[2.5]", "2"),
        row("%.0f", "[3.5]", "4"),
        row("%.2f", "[2.675]", "2.67"),
        row("%.1f", "[0.125]", "0.1"),
        row("%.2f", "[0.125]", "0.12"),
        row("%e", "[123456.789]", "1.234568e+05"),
        row("%E", "[0.000012345]", "1.234500E-05"),
        row("%.3e", "[-2.5]", "-2.500e+00"),
        row("%g", "[0.000012345]", "1.2345e-05"),
        row("%g", "[1234567.25]", "1.23456725e+06"),
        row("%G", "[2.5e-300]", "2.5E-300"),
        row("%v", "[1.5e300]", "1.5e+300"),
        row("%v", "[0.0000001]", "1e-07"),
        row("%v", "[100000.5]", "100000.5"),
        row("%.3g", "[123456.789]", "1.23e+05"),
        row("%.10g", "[0.1]", "0.1"),
        row("%.20f", "[0.1]", "0.10000000000000000555"),
        row("%#g", "[1.5]", "1.50000"),
        row("%#.0f", "[2.5]", "2."),
        row("%#.3g", "[100000.5]", "1.00e+05"),
        row("%8.3f|", "[3.14159]", "   3.142|"),
        row("%-8.3f|", "[3.14159]", "3.142   |"),
        row("%08.3f", "[-3.14159]", "-003.142"),
        row("%+.1e", "[3.14159]", "+3.1e+00"),
        row("% .2f", "[1.5]", " 1.50"),
        row("%x", "[1.5]", "0x1.8p+00"),
        row("%X", "[-0.1]", "-0X1.999999999999AP-04"),
        row("%.2x", "[3.14159]", "0x1.92p+01"),
        row("%b", "[1.5]", "6755399441055744p-52"),
        row("%F", "[1.5]", "1.500000"),
        row("%d", "[1.5]", "%!d(float64=1.5)"),
        row("%s", "[1.5]", "%!s(float64=1.5)"),
        row("%q", "[1.5]", "%!q(float64=1.5)"),
        row("%T", "[1.5]", "float64"),
        row("%5.1v", "[3.14159]", "    3"),
        row("%.30e", "[0.1]", "1.000000000000000055511151231258e-01"),
        row("%s", "[\"hello\"]", "hello"),
        row("%v", "[\"hello\"]", "hello"),
        row("%q", "[\"hello\"]", "\"hello\""),
        row("%#v", "[\"hello\"]", "\"hello\""),
        row("%10s|", "[\"hello\"]", "     hello|"),
        row("%-10s|", "[\"hello\"]", "hello     |"),
        row("%.2s", "[\"hello\"]", "he"),
        row("%.2s", "[\"日本語\"]", "日本"),
        row("%5.1s|", "[\"日本語\"]", "    日|"),
        row("%05s", "[\"abc\"]", "00abc"),
        row("%x", "[\"hello\"]", "68656c6c6f"),
        row("%X", "[\"日\"]", "E697A5"),
        row("% x", "[\"abc\"]", "61 62 63"),
        row("%# x", "[\"abc\"]", "0x61 0x62 0x63"),
        row("%#x", "[\"abc\"]", "0x616263"),
        row("%.1x", "[\"日本\"]", "e6"),
        row("%x", "[\"\"]", ""),
        row("%q", "[\"a\\\"b\\\\c\\n\"]", "\"a\\\"b\\\\c\\n\""),
        row("%+q", "[\"日本語\"]", "\"\\u65e5\\u672c\\u8a9e\""),
        row("%#q", "[\"back`tick\"]", "\"back`tick\""),
        row("%#q", "[\"raw\\\\path\"]", "`raw\\path`"),
        row("%q", "[\"\\u0001\\u00a0\\u00ad\"]", "\"\\x01\\u00a0\\u00ad\""),
        row("%q", "[\"😀\"]", "\"😀\""),
        row("%+q", "[\"😀\"]", "\"\\U0001f600\""),
        row("%d", "[\"hello\"]", "%!d(string=hello)"),
        row("%.2d", "[\"hello\"]", "%!d(string=he)"),
        row("%t", "[\"true\"]", "%!t(string=true)"),
        row("%c", "[\"x\"]", "%!c(string=x)"),
        row("%T", "[\"x\"]", "string"),
        row("%s", "[\"\"]", ""),
        row("%5s|", "[\"\"]", "     |"),
        row("%v", "[\"%d\"]", "%d"),
        row("%d %d", "[1]", "1 %!d(MISSING)"),
        row("%d", "[1, 2]", "1%!(EXTRA int=2)"),
        row("%s", "[\"a\", 2, 1.5, 12345678901234567890]",
            "a%!(EXTRA int=2, float64=1.5, *big.Int=12345678901234567890)"),
        row("hi", "[]", "hi"),
        row("hi", "[\"x\"]", "hi%!(EXTRA string=x)"),
        row("%!", "[1]", "%!!(int=1)"),
        row("%", "[1]", "%!(NOVERB)%!(EXTRA int=1)"),
        row("%z", "[1]", "%!z(int=1)"),
        row("%.", "[1]", "%!.(int=1)"),
        row("%10", "[1]", "%!(NOVERB)%!(EXTRA int=1)"),
        row("%[2]d %[1]d", "[1, 2]", "2 1"),
        row("%[3]d", "[1, 2]", "%!d(BADINDEX)"),
        row("%[0]d", "[1]", "%!d(BADINDEX)"),
        row("%[x]d", "[1]", "%!d(BADINDEX)"),
        row("%[1]d %[1]q", "[65]", "65 'A'"),
        row("%[2]*[1]d|", "[12, 5]", "   12|"),
        row("%*d|", "[5, 42]", "   42|"),
        row("%-*d|", "[5, 42]", "42   |"),
        row("%*d|", "[-5, 42]", "42   |"),
        row("%*d", "[\"x\", 42]", "%!(BADWIDTH)42"),
        row("%*d", "[10000000, 42]", "%!(BADWIDTH)42"),
        row("%.*f", "[2, 3.14159]", "3.14"),
        row("%.*f", "[-1, 3.14159]", "%!(BADPREC)3.141590"),
        row("%*.*f|", "[10, 3, 3.14159]", "     3.142|"),
        row("%ä", "[1]", "%!ä(int=1)"),
        row("%%", "[]", "%"),
        row("%5%", "[]", "%"),
        row("%d%%", "[50]", "50%"),
        row("%99999999d", "[1]", "%!(NOVERB)%!(EXTRA int=1)"),
        row("%[1]2d", "[1]", "%!d(BADINDEX)"),
        row("%[1].2d", "[1]", "%!d(BADINDEX)"),
        row("%v %v %v", "[1, \"x\", 1.5]", "1 x 1.5"),
        row("%v", "[true]", "true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void goFormatting(Row row) throws Exception {
    assertThat(sprintf(row.format(), row.values())).isEqualTo(str(row.expected()));
  }

  /** Values other than numbers and strings print as their Rego literal, as in OPA. */
  static Stream<Row> regoValues() {
    return Stream.of(
        row("hi %v", "[[\"there\", 5, 3.14]]", "hi [\"there\", 5, 3.14]"),
        row("%v", "[{\"b\": [1], \"a\": \"x\"}]", "{\"a\": \"x\", \"b\": [1]}"),
        row("%v", ArrayValue.of(set("3", "1", "\"a\"")), "{1, 3, \"a\"}"),
        row("%v", ArrayValue.of(SetValue.EMPTY), "set()"),
        row("%v %v", "[[], {}]", "[] {}"),
        row("%v", "[null]", "null"),
        row("%s", "[true]", "true"),
        row("%t", "[true]", "%!t(string=true)"),
        row("%d", "[false]", "%!d(string=false)"),
        row("%v", "[[\"\\u00e9\\u0001\", \"\\\\\"]]", "[\"\u00e9\\x01\", \"\\\\\"]"),
        row("%q", "[[\"a\"]]", "\"[\\\"a\\\"]\""),
        row("%7v|", "[[1]]", "    [1]|"),
        row("%.2v", "[[1, 2]]", "[1"),
        row("%v", "[[1.5, 100, 12345678901234567890]]", "[1.5, 100, 12345678901234567890]"),
        row("%v", ArrayValue.of(ObjectValue.of(NumberValue.of(1), BooleanValue.TRUE)), "{1: true}"),
        row("%v", ArrayValue.of(NullValue.INSTANCE, BooleanValue.FALSE),
            "null%!(EXTRA string=false)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void regoValues(Row row) throws Exception {
    assertThat(sprintf(row.format(), row.values())).isEqualTo(str(row.expected()));
  }

  @Test
  void numbersOutsideFloatRangeArePassedAsTheirLiteral() throws Exception {
    Value huge = ArrayValue.of(NumberValue.parse("2e308"));
    assertThat(sprintf("hi %v", huge)).isEqualTo(str("hi 2e308"));
    assertThat(sprintf("%d", huge)).isEqualTo(str("%!d(string=2e308)"));
  }

  @Test
  void integralDecimalsCountAsIntegers() throws Exception {
    // Numbers are normalized, so 1.0 is the integer 1 (OPA would pass a float64 here).
    assertThat(sprintf("%d", ArrayValue.of(NumberValue.parse("1.0")))).isEqualTo(str("1"));
    assertThat(sprintf("%d", ArrayValue.of(NumberValue.parse("1e3")))).isEqualTo(str("1000"));
  }

  @Test
  void emptyFormatAndValues() throws Exception {
    assertThat(sprintf("", json("[]"))).isEqualTo(str(""));
    assertThat(sprintf("", json("[1]"))).isEqualTo(str("%!(EXTRA int=1)"));
  }
}
