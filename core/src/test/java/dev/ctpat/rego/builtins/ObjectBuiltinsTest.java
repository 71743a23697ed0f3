package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.BooleanValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectBuiltinsTest {
  private final Family objects = new Family(new ObjectBuiltins());

  @Test
  void registersOpaNamesAndArities() {
    assertThat(objects.builtins().keySet()).containsExactlyInAnyOrder("object.get",
        "object.keys", "object.remove", "object.filter", "object.union", "object.union_n",
        "object.subset");
    assertThat(objects.builtin("object.get").arity()).isEqualTo(3);
    assertThat(objects.builtin("object.union_n").arity()).isEqualTo(1);
  }

  @ParameterizedTest(name = "object.get({0}, {1}, {2}) = {3}")
  @CsvSource(delimiter = '|', value = {
      "{\"a\": \"b\"}                  | \"a\"                     | \"c\" | \"b\"",
      "{\"a\": \"b\"}                  | \"x\"                     | \"c\" | \"c\"",
      "{1: 2}                          | 1                         | 3     | 2",
      "{1: 2}                          | 2                         | 3     | 3",
      "{\"a\": null}                   | \"a\"                     | 3     | null",
      "{\"a\": false}                  | \"a\"                     | true  | false",
      // An array key is a path.
      "{\"a\": 1}                      | []                        | 2     | {\"a\": 1}",
      "{\"a\": 1}                      | [\"a\"]                   | 2     | 1",
      "{\"a\": {\"b\": {\"c\": 1}}}    | [\"a\", \"b\", \"c\"]     | 2     | 1",
      "{\"a\": {\"b\": {\"c\": 1}}}    | [\"a\", \"b\", \"a\"]     | 2     | 2",
      "{\"a\": {\"b\": 1}}             | [\"b\", \"a\"]            | 2     | 2",
      "{1: {\"b\": {[1, 2, 3]: 1}}}    | [1, \"b\", [1, 2, 3]]     | 2     | 1",
      "{\"a\": {\"b\": [1, 2, 3]}}     | [\"a\", \"b\", \"a\"]     | 2     | 2",
      "{\"a\": {\"b\": [{\"c\": 1}]}}  | [\"a\", \"b\", 0, \"c\"]  | 2     | 1",
      "{\"a\": [1, 2]}                 | [\"a\", 2]                | 0     | 0",
      "{\"a\": [1, 2]}                 | [\"a\", -1]               | 0     | 0",
      "{\"a\": [1, 2]}                 | [\"a\", 1.0]              | 0     | 2",
      "{\"a\": {\"x\", \"y\"}}         | [\"a\", \"x\"]            | 0     | \"x\"",
      "{\"a\": {\"x\", \"y\"}}         | [\"a\", \"z\"]            | 0     | 0",
      "{\"a\": \"str\"}                | [\"a\", 0]                | 0     | 0",
      // The path form wins even where the object has the array itself as a key.
      "{[\"a\"]: 1, \"a\": 2}          | [\"a\"]                   | 0     | 2",
  })
  void getFindsAKeyOrAPath(String object, String key, String fallback, String expected)
      throws Exception {
    assertThat(objects.call("object.get", v(object), v(key), v(fallback))).isEqualTo(v(expected));
  }

  @Test
  void getRequiresAnObject() {
    BuiltinException e = objects.error("object.get", v("\"x\""), v("[\"a\"]"), v("2"));
    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e).hasMessage("operand 1 must be object but got string");
  }

  @Test
  void keysAreASet() throws Exception {
    assertThat(objects.call("object.keys", v("{\"a\": 1, 2: 3, [4]: 5}")))
        .isEqualTo(v("{\"a\", 2, [4]}"));
    assertThat(objects.call("object.keys", v("{}"))).isEqualTo(v("set()"));
  }

  @ParameterizedTest(name = "object.remove({0}, {1}) = {2}")
  @CsvSource(delimiter = '|', value = {
      "{\"a\": 1, \"b\": 2, \"c\": 3} | [\"a\", \"c\"]     | {\"b\": 2}",
      "{\"a\": 1, \"b\": 2, \"c\": 3} | {\"a\", \"x\"}     | {\"b\": 2, \"c\": 3}",
      "{\"a\": 1, \"b\": 2, \"c\": 3} | {\"b\": \"ignored\"} | {\"a\": 1, \"c\": 3}",
      "{\"a\": 1}                     | []                 | {\"a\": 1}",
      "{}                             | [\"a\"]            | {}",
      "{1: \"x\", \"1\": \"y\"}       | [1]                | {\"1\": \"y\"}",
  })
  void removeDropsTheGivenKeys(String object, String keys, String expected) throws Exception {
    assertThat(objects.call("object.remove", v(object), v(keys))).isEqualTo(v(expected));
  }

  @ParameterizedTest(name = "object.filter({0}, {1}) = {2}")
  @CsvSource(delimiter = '|', value = {
      "{\"a\": 1, \"b\": 2, \"c\": 3} | [\"a\", \"c\"]     | {\"a\": 1, \"c\": 3}",
      "{\"a\": 1, \"b\": 2, \"c\": 3} | {\"a\", \"x\"}     | {\"a\": 1}",
      "{\"a\": 1, \"b\": 2, \"c\": 3} | {\"b\": \"ignored\"} | {\"b\": 2}",
      "{\"a\": {\"b\": 1}}            | [\"a\"]            | {\"a\": {\"b\": 1}}",
      "{\"a\": 1}                     | []                 | {}",
      "{1: \"x\", \"1\": \"y\"}       | [1]                | {1: \"x\"}",
  })
  void filterKeepsTheGivenKeys(String object, String keys, String expected) throws Exception {
    assertThat(objects.call("object.filter", v(object), v(keys))).isEqualTo(v(expected));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "object.remove | \"a\"  | string",
      "object.remove | 1      | number",
      "object.filter | null   | null",
      "object.filter | true   | boolean",
  })
  void keysMustBeACollectionListedInOpasOrder(String name, String keys, String typeName) {
    BuiltinException e = objects.error(name, v("{}"), v(keys));
    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e).hasMessage("operand 2 must be one of {object, set, array} but got " + typeName);
  }

  @ParameterizedTest(name = "object.union({0}, {1}) = {2}")
  @CsvSource(delimiter = '|', value = {
      "{\"a\": 1}                | {\"b\": 2}                | {\"a\": 1, \"b\": 2}",
      "{\"a\": 1}                | {\"a\": 2}                | {\"a\": 2}",
      "{\"a\": {\"b\": 1}}       | {\"a\": {\"c\": 2}}       | {\"a\": {\"b\": 1, \"c\": 2}}",
      "{\"a\": {\"b\": {\"x\": 1}}} | {\"a\": {\"b\": {\"y\": 2}}} "
          + "| {\"a\": {\"b\": {\"x\": 1, \"y\": 2}}}",
      "{\"a\": {\"b\": 1}}       | {\"a\": 5}                | {\"a\": 5}",
      "{\"a\": 5}                | {\"a\": {\"b\": 1}}       | {\"a\": {\"b\": 1}}",
      "{\"a\": [1]}              | {\"a\": [2]}              | {\"a\": [2]}",
      "{\"a\": {1}}              | {\"a\": {2}}              | {\"a\": {2}}",
      "{}                        | {}                        | {}",
      "{1: 1}                    | {\"1\": 2}                | {1: 1, \"1\": 2}",
  })
  void unionMergesNestedObjectsWithTheRightWinning(String a, String b, String expected)
      throws Exception {
    assertThat(objects.call("object.union", v(a), v(b))).isEqualTo(v(expected));
  }

  @ParameterizedTest(name = "object.union_n({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "[]                                               | {}",
      "[{}]                                             | {}",
      "[{\"foo\": \"bar\"}]                             | {\"foo\": \"bar\"}",
      "[{\"foo\": \"bar\"}, {\"x\": \"y\"}]             | {\"foo\": \"bar\", \"x\": \"y\"}",
      "[{\"foo\": \"bar\"}, {\"foo\": \"baz\"}]         | {\"foo\": \"baz\"}",
      "[{\"a\": {\"b\": 1}}, {\"a\": {\"c\": 2}}, {\"a\": {\"d\": 3}}] "
          + "| {\"a\": {\"b\": 1, \"c\": 2, \"d\": 3}}",
      // A non-object in between cuts the merging of what came before it.
      "[{\"a\": {\"b\": 2}}, {\"a\": 4}, {\"a\": {\"c\": 3}}] | {\"a\": {\"c\": 3}}",
      "[{\"a\": {\"b\": {\"x\": 1}}}, {\"a\": {\"z\": 0}}, {\"a\": {\"b\": 7}},"
          + " {\"a\": {\"q\": 1}}] "
          + "| {\"a\": {\"b\": 7, \"z\": 0, \"q\": 1}}",
  })
  void unionNMergesLeftToRight(String array, String expected) throws Exception {
    assertThat(objects.call("object.union_n", v(array))).isEqualTo(v(expected));
  }

  @Test
  void unionNReportsTheLastNonObject() {
    BuiltinException e = objects.error("object.union_n", v("[1, {}, \"x\"]"));
    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e).hasMessage("operand 1 must be array of objects but got array containing string");
  }

  @ParameterizedTest(name = "object.subset({0}, {1}) = {2}")
  @CsvSource(delimiter = '|', value = {
      "{\"a\": 1, \"b\": 2}              | {\"a\": 1}                 | true",
      "{\"a\": 1, \"b\": 2}              | {\"a\": 2}                 | false",
      "{\"a\": 1}                        | {\"a\": 1, \"b\": 2}       | false",
      "{\"a\": 1}                        | {}                         | true",
      "{\"a\": {\"b\": 1, \"c\": 2}}     | {\"a\": {\"c\": 2}}        | true",
      "{\"a\": {\"b\": 1}}               | {\"a\": {\"b\": 1, \"c\": 2}} | false",
      "{\"a\": {1, 2, 3}}                | {\"a\": {2}}               | true",
      "{\"a\": [1, 2, 3, 4]}             | {\"a\": [2, 3]}            | true",
      "{\"a\": [1, 2, 3, 4]}             | {\"a\": [3, 2]}            | false",
      "{\"a\": 1}                        | {\"a\": [1]}               | false",
      "{1, 2, 3}                         | {3, 1}                     | true",
      "{1, 2, 3}                         | {3, 4}                     | false",
      "{{1, 2}}                          | {{1}}                      | false",
      "set()                             | set()                      | true",
      "[1, 2, 3, 4, 5, 6]                | [4, 5, 6]                  | true",
      "[1, 2, 3, 4, 5, 6]                | [4, 5, 6, 8]               | false",
      "[1, 2, 3, 4, 5, 6]                | [1, 3]                     | false",
      "[1, 2, 1, 2, 3]                   | [1, 2, 3]                  | true",
      "[1, 2]                            | []                         | true",
      "[[1, 2], 3]                       | [[1]]                      | false",
      "[1, 2, 3, 4, 5, 6]                | {4, 3, 2}                  | true",
      "[1, 2, 3, 4, 5, 6]                | {9, 8, 7}                  | false",
      "[1, 1]                            | {1, 2}                     | false",
  })
  void subsetContainment(String sup, String sub, boolean expected) throws Exception {
    assertThat(objects.call("object.subset", v(sup), v(sub))).isEqualTo(BooleanValue.of(expected));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"{1} | [1]", "{} | [1]", "[1] | {\"a\": 1}"})
  void subsetOfMismatchedKindsIsATypeError(String sup, String sub) {
    BuiltinException e = objects.error("object.subset", v(sup), v(sub));
    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e).hasMessage(
        "both arguments object.subset must be of the same type or array and set");
  }
}
