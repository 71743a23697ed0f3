package dev.ctpat.rego.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.api.PreparedPolicy;
import dev.ctpat.rego.api.Rego;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Differential properties of set, object and string operations against java.util and
 * java.lang.String as oracles.
 */
class CollectionAndStringProperties {
  private static final PreparedPolicy POLICY = Rego.builder().module("coll.rego", """
      package coll
      xs := {x | some x in input.a}
      ys := {y | some y in input.b}
      union := xs | ys
      intersection := xs & ys
      difference := xs - ys
      merged := object.union(input.o1, input.o2)
      keys := object.keys(input.o1)
      upper := upper(input.s)
      lower := lower(input.s)
      joined := concat(input.sep, input.parts)
      split := split(input.joined, input.sep)
      starts := startswith(input.s, input.prefix)
      replaced := replace(input.s, input.prefix, "#")
      """).build();

  @Provide
  Arbitrary<List<Integer>> smallInts() {
    return Arbitraries.integers().between(-20, 20).list().ofMaxSize(15);
  }

  @Provide
  Arbitrary<String> ascii() {
    return Arbitraries.strings().withCharRange('a', 'f').withChars(' ', '-', '_', 'X')
        .ofMaxLength(12);
  }

  private static Value ints(List<Integer> xs) {
    return ArrayValue.of(xs.stream().map(i -> (Value) NumberValue.of(i)).toList());
  }

  private static Value intSet(Set<Integer> xs) {
    return SetValue.of(xs.stream().map(i -> (Value) NumberValue.of(i)).toList());
  }

  private static Value eval(String rule, Value input) {
    return POLICY.evaluate("data.coll." + rule, input).orElseThrow();
  }

  @Property(tries = 500)
  void setOperationsAgreeWithJavaSets(@ForAll("smallInts") List<Integer> a,
      @ForAll("smallInts") List<Integer> b) {
    Value in = ObjectValue.builder().put("a", ints(a)).put("b", ints(b)).build();
    Set<Integer> union = new LinkedHashSet<>(a);
    union.addAll(b);
    Set<Integer> inter = new LinkedHashSet<>(a);
    inter.retainAll(b);
    Set<Integer> diff = new LinkedHashSet<>(a);
    diff.removeAll(b);
    assertThat(eval("union", in)).isEqualTo(intSet(union));
    assertThat(eval("intersection", in)).isEqualTo(intSet(inter));
    assertThat(eval("difference", in)).isEqualTo(intSet(diff));
  }

  @Property(tries = 500)
  void objectUnionLetsTheSecondWin(@ForAll("smallInts") List<Integer> k1,
      @ForAll("smallInts") List<Integer> k2) {
    Map<String, Integer> o1 = new LinkedHashMap<>();
    k1.forEach(k -> o1.put("k" + k, k));
    Map<String, Integer> o2 = new LinkedHashMap<>();
    k2.forEach(k -> o2.put("k" + k, -k));
    Map<String, Integer> expected = new LinkedHashMap<>(o1);
    expected.putAll(o2);
    Value in = ObjectValue.builder().put("o1", obj(o1)).put("o2", obj(o2)).build();
    assertThat(eval("merged", in)).isEqualTo(obj(expected));
    assertThat(eval("keys", in)).isEqualTo(SetValue.of(
        o1.keySet().stream().map(k -> (Value) StringValue.of(k)).toList()));
  }

  private static Value obj(Map<String, Integer> m) {
    ObjectValue.Builder b = ObjectValue.builder();
    m.forEach((k, v) -> b.put(k, NumberValue.of(v)));
    return b.build();
  }

  @Property(tries = 500)
  void stringBuiltinsAgreeWithJavaStrings(@ForAll("ascii") String s,
      @ForAll("ascii") String prefix, @ForAll("ascii") String sep,
      @ForAll("asciiParts") List<String> parts) {
    String nonEmptySep = sep.isEmpty() ? "," : sep;
    String joined = String.join(nonEmptySep, parts);
    Value in = ObjectValue.builder()
        .put("s", StringValue.of(s)).put("prefix", StringValue.of(prefix))
        .put("sep", StringValue.of(nonEmptySep)).put("joined", StringValue.of(joined))
        .put("parts", ArrayValue.of(parts.stream().map(p -> (Value) StringValue.of(p)).toList()))
        .build();
    assertThat(eval("upper", in)).isEqualTo(StringValue.of(s.toUpperCase(Locale.ROOT)));
    assertThat(eval("lower", in)).isEqualTo(StringValue.of(s.toLowerCase(Locale.ROOT)));
    assertThat(eval("joined", in)).isEqualTo(StringValue.of(joined));
    assertThat(eval("starts", in)).isEqualTo(BooleanValue.of(s.startsWith(prefix)));
    if (!prefix.isEmpty()) {
      assertThat(eval("replaced", in)).isEqualTo(StringValue.of(s.replace(prefix, "#")));
    }
    List<String> expectedSplit = List.of(joined.split(java.util.regex.Pattern.quote(nonEmptySep),
        -1));
    assertThat(eval("split", in)).isEqualTo(
        ArrayValue.of(expectedSplit.stream().map(p -> (Value) StringValue.of(p)).toList()));
  }

  @Provide
  Arbitrary<List<String>> asciiParts() {
    return Arbitraries.strings().withCharRange('a', 'e').ofMaxLength(5).list().ofMaxSize(6);
  }
}
