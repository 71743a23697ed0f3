package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkBuiltinTest {
  private final Family family = new Family(new WalkBuiltin());

  private static Value pair(String path, Value value) {
    return ArrayValue.of(json(path), value);
  }

  @Test
  void isARelation() {
    assertThat(family.builtin("walk").implementation()).isInstanceOf(BuiltinRelation.class);
    assertThat(family.builtin("walk").arity()).isEqualTo(1);
  }

  @Test
  void walksAScalarAsItself() throws Exception {
    assertThat(family.relation("walk", NumberValue.of(1)))
        .containsExactly(pair("[]", NumberValue.of(1)));
  }

  @Test
  void walksArraysByIndexAfterTheArrayItself() throws Exception {
    Value arr = json("[1, 2]");
    assertThat(family.relation("walk", arr)).containsExactly(pair("[]", arr),
        pair("[0]", NumberValue.of(1)), pair("[1]", NumberValue.of(2)));
  }

  @Test
  void walksObjectsInSortedKeyOrderDepthFirst() throws Exception {
    Value doc = json("{\"b\": {\"y\": 2, \"x\": 1}, \"a\": [3]}");
    assertThat(family.relation("walk", doc)).containsExactly(pair("[]", doc),
        pair("[\"a\"]", json("[3]")), pair("[\"a\", 0]", NumberValue.of(3)),
        pair("[\"b\"]", json("{\"y\": 2, \"x\": 1}")), pair("[\"b\", \"x\"]", NumberValue.of(1)),
        pair("[\"b\", \"y\"]", NumberValue.of(2)));
  }

  @Test
  void walksSetsInSortedOrderWithEachMemberAsItsKey() throws Exception {
    Value inner = SetValue.of(NumberValue.of(2), NumberValue.of(1));
    Value doc = SetValue.of(inner);
    assertThat(family.relation("walk", doc)).containsExactly(pair("[]", doc),
        ArrayValue.of(ArrayValue.of(inner), inner),
        ArrayValue.of(ArrayValue.of(inner, NumberValue.of(1)), NumberValue.of(1)),
        ArrayValue.of(ArrayValue.of(inner, NumberValue.of(2)), NumberValue.of(2)));
  }

  @Test
  void walksNonStringObjectKeys() throws Exception {
    Value doc = ObjectValue.of(NumberValue.of(1), str("one"));
    assertThat(family.relation("walk", doc)).containsExactly(pair("[]", doc),
        pair("[1]", str("one")));
  }

  @Test
  void walksEmptyCollectionsAsLeaves() throws Exception {
    assertThat(family.relation("walk", json("{\"a\": {}, \"b\": []}"))).hasSize(3);
  }

  @Test
  void producesPairsOnDemand() throws Exception {
    List<Value> big = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      big.add(NumberValue.of(i));
    }
    Iterator<Value> it = ((BuiltinRelation) family.builtin("walk").implementation())
        .call(null, List.of(ArrayValue.of(big))).iterator();
    it.next();
    assertThat(it.next()).isEqualTo(pair("[0]", NumberValue.of(0)));
  }
}
