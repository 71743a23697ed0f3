package dev.ctpat.rego.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Compile errors carry OPA's codes and point at the offending line. */
class CompileErrorsTest {

  @Test
  void unsafeVariableIsReportedWithItsName() {
    assertThatThrownBy(() -> RegoTestSupport.policy("package t\np if { x > 1 }\n"))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("rego_unsafe_var_error")
        .hasMessageContaining("var x is unsafe")
        .hasMessageContaining("test.rego:2");
  }

  @Test
  void recursionIsRejected() {
    assertThatThrownBy(() -> RegoTestSupport.policy("package t\np if q\nq if p\n"))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("rego_recursion_error");
  }

  @Test
  void unknownFunctionIsATypeError() {
    assertThatThrownBy(() -> RegoTestSupport.policy("package t\np if nope(1)\n"))
        .hasMessageContaining("rego_type_error")
        .hasMessageContaining("undefined function nope");
  }

  @Test
  void wrongArityIsATypeError() {
    assertThatThrownBy(() -> RegoTestSupport.policy("package t\np if count(1, 2, 3)\n"))
        .hasMessageContaining("rego_type_error");
  }

  @Test
  void parseErrorsNameFileLineAndColumn() {
    assertThatThrownBy(() -> RegoTestSupport.policy("package t\np if {\n"))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("rego_parse_error")
        .hasMessageContaining("test.rego:");
  }
}
