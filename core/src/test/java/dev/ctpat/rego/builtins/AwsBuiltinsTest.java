package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsBuiltinsTest {
  private static final String SIGN_REQ = "providers.aws.sign_req";
  /** 2015-08-30T12:36:00Z, the time of AWS's Signature Version 4 test suite. */
  private static final Value AWS_SUITE_TIME = NumberValue.of(1440938160000000000L);
  /** The credentials and scope of AWS's test suite. */
  private static final String AWS_SUITE_CONFIG = """
      {"aws_access_key": "AKIDEXAMPLE",
       "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
       "aws_region": "us-east-1", "aws_service": "service"}""";
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private final Family aws = new Family(new AwsBuiltins());

  private ObjectValue sign(String request, String config, Value time) throws BuiltinException {
    return (ObjectValue) aws.call(SIGN_REQ, json(request), json(config), time);
  }

  private ObjectValue signedHeaders(String request, String config) throws BuiltinException {
    return (ObjectValue) sign(request, config, AWS_SUITE_TIME).get("headers");
  }

  private static String header(ObjectValue headers, String name) {
    return ((StringValue) headers.get(name)).value();
  }

  private static String config(String service, String extra) {
    return "{\"aws_access_key\": \"AK\", \"aws_secret_access_key\": \"SK\","
        + " \"aws_region\": \"eu-west-1\", \"aws_service\": \"" + service + "\"" + extra + "}";
  }

  @Test
  void signsAwsTestSuiteVanillaGetWithItsPublishedSignature() throws Exception {
    ObjectValue headers = signedHeaders(
        "{\"method\": \"GET\", \"url\": \"https://example.amazonaws.com/\"}", AWS_SUITE_CONFIG);

    assertThat(header(headers, "Authorization")).isEqualTo("AWS4-HMAC-SHA256 "
        + "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
        + "SignedHeaders=host;x-amz-date,"
        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    assertThat(header(headers, "host")).isEqualTo("example.amazonaws.com");
    assertThat(header(headers, "x-amz-date")).isEqualTo("20150830T123600Z");
  }

  @Test
  void returnsTheRequestWithOnlyItsHeadersReplaced() throws Exception {
    ObjectValue signed = sign("{\"method\": \"post\", \"url\": \"https://h/x\", \"body\": [1],"
        + " \"timeout\": \"5s\", \"headers\": {\"X-Custom\": \"v\"}}", config("sqs", ""),
        AWS_SUITE_TIME);

    assertThat(signed.keys()).containsExactlyInAnyOrder(StringValue.of("method"),
        StringValue.of("url"), StringValue.of("body"), StringValue.of("timeout"),
        StringValue.of("headers"));
    assertThat(signed.get("body")).isEqualTo(json("[1]"));
    assertThat(((ObjectValue) signed.get("headers")).keys()).containsExactlyInAnyOrder(
        StringValue.of("X-Custom"), StringValue.of("Authorization"), StringValue.of("host"),
        StringValue.of("x-amz-date"));
  }

  @Test
  void signsRequestHeadersLowerCasedButNotThoseProxiesMayRewrite() throws Exception {
    ObjectValue headers = signedHeaders("{\"method\": \"GET\", \"url\": \"https://h/\","
        + " \"headers\": {\"X-Team\": \"a\", \"User-Agent\": \"b\", \"X-Amzn-Trace-Id\": \"c\"}}",
        config("sqs", ""));

    assertThat(header(headers, "Authorization"))
        .contains(",SignedHeaders=host;x-amz-date;x-team,");
    assertThat(header(headers, "User-Agent")).isEqualTo("b");
  }

  @Test
  void addsThePayloadHashForS3AndGlacierOnly() throws Exception {
    String request = "{\"method\": \"GET\", \"url\": \"https://h/\"}";

    assertThat(header(signedHeaders(request, config("s3", "")), "x-amz-content-sha256"))
        .isEqualTo(EMPTY_SHA256);
    assertThat(header(signedHeaders(request, config("glacier", "")), "x-amz-content-sha256"))
        .isEqualTo(EMPTY_SHA256);
    assertThat(signedHeaders(request, config("sqs", "")).get("x-amz-content-sha256")).isNull();
  }

  @Test
  void hashesTheBodyAsGoEncodesItAndRawBodyAsIs() throws Exception {
    // The body as Go's encoder writes it: keys sorted, "<" escaped.
    String goJson = "{\"a\":[1,2],\"b\":\"\\u003c\"}";
    String viaBody = header(signedHeaders("{\"method\": \"PUT\", \"url\": \"https://h/\","
        + " \"body\": {\"b\": \"<\", \"a\": [1, 2]}}", config("s3", "")), "x-amz-content-sha256");
    ObjectValue viaRawBody = (ObjectValue) aws.call(SIGN_REQ, ObjectValue.builder()
        .put("method", StringValue.of("PUT")).put("url", StringValue.of("https://h/"))
        .put("raw_body", StringValue.of(goJson)).build(), json(config("s3", "")),
        AWS_SUITE_TIME);

    assertThat(viaBody).isEqualTo(header((ObjectValue) viaRawBody.get("headers"),
        "x-amz-content-sha256"));
    assertThat(viaBody).isNotEqualTo(EMPTY_SHA256);
  }

  @Test
  void leavesThePayloadUnsignedWhenAsked() throws Exception {
    ObjectValue headers = signedHeaders("{\"method\": \"GET\", \"url\": \"https://h/\"}",
        config("s3", ", \"disable_payload_signing\": true"));

    assertThat(header(headers, "x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
  }

  @Test
  void signsTheSessionToken() throws Exception {
    ObjectValue headers = signedHeaders("{\"method\": \"GET\", \"url\": \"https://h/\"}",
        config("sqs", ", \"aws_session_token\": \"TOKEN\""));

    assertThat(header(headers, "x-amz-security-token")).isEqualTo("TOKEN");
    assertThat(header(headers, "Authorization"))
        .contains(",SignedHeaders=host;x-amz-date;x-amz-security-token,");
  }

  @Test
  void signsTheHostWithItsPortAndTheTimeInUtc() throws Exception {
    ObjectValue headers = (ObjectValue) sign("{\"method\": \"GET\","
        + " \"url\": \"http://h:8080/a%20b?x=1\"}", config("sqs", ""),
        NumberValue.of(-1_000_000_000L)).get("headers");

    assertThat(header(headers, "host")).isEqualTo("h:8080");
    assertThat(header(headers, "x-amz-date")).isEqualTo("19691231T235959Z");
  }

  @Test
  void signaturesDependOnPathAndQuery() throws Exception {
    String base = header(signedHeaders("{\"method\": \"GET\", \"url\": \"https://h/a\"}",
        config("sqs", "")), "Authorization");
    String otherPath = header(signedHeaders("{\"method\": \"GET\", \"url\": \"https://h/b\"}",
        config("sqs", "")), "Authorization");
    String withQuery = header(signedHeaders("{\"method\": \"GET\", \"url\": \"https://h/a?q\"}",
        config("sqs", "")), "Authorization");

    assertThat(base).isNotEqualTo(otherPath).isNotEqualTo(withQuery);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}                                             | operand 1 missing required request"
          + " parameters(s): {\"method\", \"url\"}",
      "{\"method\": \"GET\", \"url\": \"u\", \"x\": 1} | operand 1 invalid request"
          + " parameters(s): {\"x\"}",
      "{\"method\": 1, \"url\": [\"u\"]}              | operand 1 invalid values for required"
          + " request parameters(s): {\"method\", \"url\"}",
      "{\"method\": 1, \"url\": \"u\", \"headers\": \"h\"} | operand 0 must be object but"
          + " got string",
  })
  void rejectsRequestsHttpSendWouldReject(String request, String message) {
    BuiltinException e = aws.error(SIGN_REQ, json(request), json(config("s3", "")),
        AWS_SUITE_TIME);

    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e.getMessage()).isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}                                         | operand 2 missing required AWS config"
          + " parameters(s): {\"aws_access_key\", \"aws_region\", \"aws_secret_access_key\","
          + " \"aws_service\"}",
      "{\"aws_access_key\": 1, \"aws_secret_access_key\": \"s\", \"aws_region\": null,"
          + " \"aws_service\": \"s3\"}                 | operand 2 invalid values for required"
          + " AWS config parameters(s): {\"aws_access_key\", \"aws_region\"}",
  })
  void rejectsIncompleteConfigsBeforeLookingAtTheRequest(String config, String message) {
    BuiltinException e = aws.error(SIGN_REQ, json("{}"), json(config), AWS_SUITE_TIME);

    assertThat(e.code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThat(e.getMessage()).isEqualTo(message);
  }

  @Test
  void rejectsNonBooleanPayloadSigningSwitch() {
    BuiltinException e = aws.error(SIGN_REQ, json("{\"method\": \"GET\", \"url\": \"u\"}"),
        json(config("s3", ", \"disable_payload_signing\": \"yes\"")), AWS_SUITE_TIME);

    assertThat(e.getMessage())
        .isEqualTo("operand 2 invalid value for 'disable_payload_signing' in AWS config");
  }

  @Test
  void rejectsTimesThatAreNotInt64Nanoseconds() {
    for (Value time : new Value[] {NumberValue.of(new BigDecimal("1.5")),
        NumberValue.of(new BigDecimal("1e19"))}) {
      BuiltinException e = aws.error(SIGN_REQ, json("{\"method\": \"GET\", \"url\": \"u\"}"),
          json(config("s3", "")), time);

      assertThat(e.getMessage())
          .isEqualTo("operand 3 could not convert time_ns value into a unix timestamp");
    }
  }

  @Test
  void failsForUrlsGoCannotParse() {
    BuiltinException e = aws.error(SIGN_REQ,
        json("{\"method\": \"GET\", \"url\": \"http://h:x/\"}"), json(config("s3", "")),
        AWS_SUITE_TIME);

    assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    assertThat(e.getMessage()).isEqualTo("parse \"http://h:x/\": invalid port \":x\" after host");
  }
}
