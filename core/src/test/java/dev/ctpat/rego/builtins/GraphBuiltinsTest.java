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
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphBuiltinsTest {
  private final Family family = new Family(new GraphBuiltins());

  /** A set of JSON values, written as a JSON array. */
  private static Value setOf(String jsonArray) {
    return SetValue.of(((ArrayValue) json(jsonArray)).elements());
  }

  @Test
  void reachableFollowsEdgesAndStopsAtCycles() throws Exception {
    Value graph = json("{\"a\": [\"b\"], \"b\": [\"c\"], \"c\": [\"a\"], \"x\": [\"y\"]}");
    assertThat(family.call("graph.reachable", graph, json("[\"a\"]")))
        .isEqualTo(setOf("[\"a\", \"b\", \"c\"]"));
  }

  @Test
  void reachableAcceptsSetsForEdgesAndInitialNodes() throws Exception {
    Value graph = ObjectValue.of(str("a"), SetValue.of(str("b")), str("b"), SetValue.of());
    assertThat(family.call("graph.reachable", graph, SetValue.of(str("a"))))
        .isEqualTo(setOf("[\"a\", \"b\"]"));
  }

  @Test
  void reachableCountsOnlyNodesThatAreInTheGraph() throws Exception {
    assertThat(family.call("graph.reachable", json("{}"), json("[\"a\"]")))
        .isEqualTo(SetValue.EMPTY);
    assertThat(family.call("graph.reachable", json("{\"a\": [\"missing\"]}"), json("[\"a\"]")))
        .isEqualTo(setOf("[\"a\"]"));
    assertThat(family.call("graph.reachable", json("{\"a\": null}"), json("[\"a\"]")))
        .isEqualTo(setOf("[\"a\"]"));
  }

  @Test
  void reachableWorksWithNonStringNodes() throws Exception {
    Value graph = ObjectValue.of(NumberValue.of(1), json("[2]"), NumberValue.of(2), json("[[3]]"),
        json("[3]"), json("[]"));
    assertThat(family.call("graph.reachable", graph, json("[1]")))
        .isEqualTo(setOf("[1, 2, [3]]"));
  }

  @Test
  void rejectsInitialNodesThatAreNotACollection() {
    for (String name : List.of("graph.reachable", "graph.reachable_paths")) {
      BuiltinException e = family.uncheckedError(name, json("{\"a\": []}"), str("a"));
      assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
      assertThat(e.getMessage()).isEqualTo("operand 2 must be {array, set} but got string");
    }
  }

  @Test
  void rejectsAGraphThatIsNotAnObject() {
    BuiltinException e = family.uncheckedError("graph.reachable", NumberValue.of(1), json("[1]"));
    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e.getMessage()).isEqualTo("operand 1 must be object but got number");
  }

  @Test
  void reachablePathsListsMaximalPaths() throws Exception {
    Value graph = json("{\"a\": [\"b\", \"c\"], \"b\": [\"d\"], \"c\": [\"d\"], \"d\": [], "
        + "\"e\": [\"f\"], \"f\": [\"e\"], \"x\": [\"x\"]}");
    assertThat(family.call("graph.reachable_paths", graph, json("[\"b\", \"e\"]")))
        .isEqualTo(setOf("[[\"b\", \"d\"], [\"e\", \"f\"]]"));
    assertThat(family.call("graph.reachable_paths", graph, json("[\"a\"]")))
        .isEqualTo(setOf("[[\"a\", \"b\", \"d\"], [\"a\", \"c\", \"d\"]]"));
  }

  @Test
  void reachablePathsFollowsEveryRouteToASharedNode() throws Exception {
    Value graph = json("{\"1\": [], \"2\": [\"1\"], \"3\": [\"2\"], \"4\": [\"3\", \"2\"], "
        + "\"5\": [\"4\"]}");
    assertThat(family.call("graph.reachable_paths", graph, json("[\"5\"]")))
        .isEqualTo(setOf("[[\"5\", \"4\", \"3\", \"2\", \"1\"], [\"5\", \"4\", \"2\", \"1\"]]"));
  }

  @Test
  void reachablePathsEndBeforeRepeatingANodeOrLeavingTheGraph() throws Exception {
    assertThat(family.call("graph.reachable_paths",
        json("{\"a\": [\"b\"], \"b\": [\"c\"], \"c\": [\"a\"]}"), json("[\"a\"]")))
        .isEqualTo(setOf("[[\"a\", \"b\", \"c\"]]"));
    assertThat(family.call("graph.reachable_paths",
        json("{\"a\": [\"b\"], \"b\": [\"nonexistent\"]}"), json("[\"a\", \"b\"]")))
        .isEqualTo(setOf("[[\"a\", \"b\"], [\"b\"]]"));
  }

  @Test
  void reachablePathsOfNodesWithoutEdgesAreTheNodesAlone() throws Exception {
    assertThat(family.call("graph.reachable_paths", json("{\"a\": null}"), json("[\"a\"]")))
        .isEqualTo(setOf("[[\"a\"]]"));
    assertThat(family.call("graph.reachable_paths", json("{}"), json("[\"a\"]")))
        .isEqualTo(SetValue.EMPTY);
  }
}
