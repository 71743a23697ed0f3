package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UriBuiltinsTest {
  private final Family uri = new Family(new UriBuiltins());

  @Nested
  class Parse {
    private Value parse(String url) throws BuiltinException {
      return uri.call("uri.parse", StringValue.of(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://user:pw@example.com:8443/a%2Fb/c%20d?x=1&y=2#frag%21 | {\"scheme\": \"https\","
            + " \"hostname\": \"example.com\", \"port\": \"8443\", \"path\": \"/a/b/c d\","
            + " \"raw_path\": \"/a%2Fb/c%20d\", \"raw_query\": \"x=1&y=2\","
            + " \"fragment\": \"frag!\"}",
        "http://example.com           | {\"scheme\": \"http\", \"hostname\": \"example.com\"}",
        "HTTP://Example.COM/          | {\"scheme\": \"http\", \"hostname\": \"Example.COM\","
            + " \"path\": \"/\", \"raw_path\": \"/\"}",
        "http://[::1]:80/             | {\"scheme\": \"http\", \"hostname\": \"::1\","
            + " \"port\": \"80\", \"path\": \"/\", \"raw_path\": \"/\"}",
        "mailto:someone@example.com   | {\"scheme\": \"mailto\"}",
        "/relative/p%C3%A9?q          | {\"path\": \"/relative/p\u00e9\","
            + " \"raw_path\": \"/relative/p\u00e9\", \"raw_query\": \"q\"}",
        "http://h/?                   | {\"scheme\": \"http\", \"hostname\": \"h\","
            + " \"path\": \"/\", \"raw_path\": \"/\"}",
        "http://h/#                   | {\"scheme\": \"http\", \"hostname\": \"h\","
            + " \"path\": \"/\", \"raw_path\": \"/\"}",
        "http://h/p#a%20b             | {\"scheme\": \"http\", \"hostname\": \"h\","
            + " \"path\": \"/p\", \"raw_path\": \"/p\", \"fragment\": \"a b\"}",
        "''                           | {}",
    })
    void splitsUrlsAsGoDoes(String url, String components) throws Exception {
      assertThat(parse(url)).isEqualTo(json(components));
    }

    @Test
    void keepsAPathThatNeedsNoEscapingAsItsRawPath() throws Exception {
      assertThat(parse("http://h/a-b_c~d")).isEqualTo(json("{\"scheme\": \"http\","
          + " \"hostname\": \"h\", \"path\": \"/a-b_c~d\", \"raw_path\": \"/a-b_c~d\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ":foo             | parse \":foo\": missing protocol scheme",
        "http://h:port/   | parse \"http://h:port/\": invalid port \":port\" after host",
        "1a:b             | parse \"1a:b\": first path segment in URL cannot contain colon",
        "http://h/%zz     | parse \"http://h/%zz\": invalid URL escape \"%zz\"",
        "http://h/p%4     | parse \"http://h/p%4\": invalid URL escape \"%4\"",
        "http://a b/      | parse \"http://a b/\": invalid character \" \" in host name",
        "http://us^er@h/  | parse \"http://us^er@h/\": net/url: invalid userinfo",
        "http://h/#%zz    | parse \"http://h/#%zz\": invalid URL escape \"%zz\"",
    })
    void failsWithGosMessage(String url, String message) {
      BuiltinException e = uri.error("uri.parse", StringValue.of(url));

      assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
      assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void rejectsAnUnclosedIpv6Literal() {
      BuiltinException e = uri.error("uri.parse", StringValue.of("http://[::1"));

      assertThat(e.getMessage()).isEqualTo("parse \"http://[::1\": missing ']' in host");
    }

    @Test
    void rejectsControlCharacters() {
      BuiltinException e = uri.error("uri.parse", StringValue.of("http://h/\n"));

      assertThat(e.getMessage())
          .isEqualTo("parse \"http://h/\\n\": net/url: invalid control character in URL");
    }
  }

  @Nested
  class IsValid {
    @ParameterizedTest
    @ValueSource(strings = {"http://h", "relative", "/p?q#f", "urn:isbn:0451450523", "*"})
    void acceptsWhatGoParses(String url) throws Exception {
      assertThat(uri.call("uri.is_valid", StringValue.of(url))).isEqualTo(BooleanValue.TRUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":x", "http://[::1", "http://h:x", "%"})
    void rejectsTheEmptyStringAndWhatGoRejects(String url) throws Exception {
      assertThat(uri.call("uri.is_valid", StringValue.of(url))).isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void isFalseForNonStrings() throws Exception {
      assertThat(uri.call("uri.is_valid", NumberValue.of(1))).isEqualTo(BooleanValue.FALSE);
      assertThat(uri.call("uri.is_valid", json("[\"http://h\"]"))).isEqualTo(BooleanValue.FALSE);
    }
  }
}
