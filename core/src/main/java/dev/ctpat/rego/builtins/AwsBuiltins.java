package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OPA's {@code providers.aws.sign_req}: signs an {@code http.send} request object with AWS
 * Signature Version 4 and returns it with the signed headers. Pure computation: the signing time
 * is an argument, nothing is sent.
 *
 * <p>The checks, their order and their messages are OPA's; so is the canonical request: the
 * path and query as Go's {@code net/url} escapes them ({@link UriGoUrl}), the request headers
 * (lower-cased, minus those a proxy may rewrite) next to {@code host}, {@code x-amz-date},
 * {@code x-amz-security-token} and, for S3 and Glacier, {@code x-amz-content-sha256}.
 */
final class AwsBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "providers.aws";
  private static final Type STRING_KEYED = Types.objectOf(Types.STRING, Types.ANY);

  private static final Set<String> REQUIRED_CONFIG =
      Set.of("aws_access_key", "aws_secret_access_key", "aws_region", "aws_service");
  private static final Set<String> REQUIRED_REQUEST = Set.of("method", "url");
  /** The request parameters {@code http.send} knows; others make the request invalid. */
  private static final Set<String> ALLOWED_REQUEST = Set.of("method", "url", "body",
      "enable_redirect", "force_json_decode", "force_yaml_decode", "headers", "raw_body",
      "tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable",
      "tls_client_cert", "tls_client_cert_file", "tls_client_cert_env_variable",
      "tls_client_key", "tls_client_key_file", "tls_client_key_env_variable",
      "tls_insecure_skip_verify", "tls_server_name", "timeout", "cache", "force_cache",
      "force_cache_duration_seconds", "raise_error", "caching_mode", "max_retry_attempts",
      "cache_ignored_headers");
  /** Headers that may change on the way to AWS (e.g. through a proxy), so are not signed. */
  private static final Set<String> UNSIGNED_HEADERS =
      Set.of("authorization", "user-agent", "x-amzn-trace-id");
  private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  private static final HexFormat HEX = HexFormat.of();

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "providers.aws.sign_req",
        Types.fn(Types.OBJECT, STRING_KEYED, STRING_KEYED, Types.NUMBER), AwsBuiltins::signReq));
  }

  private static Value signReq(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    ObjectValue request = Operands.object(args, 0);
    ObjectValue config = Operands.object(args, 1);
    checkConfig(config);
    Instant time = signingTime(Operands.number(args, 2));
    checkRequest(request);
    Map<String, String> headers = requestHeaders(request);
    UriGoUrl.Url url;
    try {
      url = UriGoUrl.parse(stringOrEmpty(request.get("url")));
    } catch (UriGoUrl.ParseError e) {
      throw BuiltinException.error(e.getMessage());
    }
    Credentials creds = new Credentials(stringOrEmpty(config.get("aws_access_key")),
        stringOrEmpty(config.get("aws_secret_access_key")),
        stringOrEmpty(config.get("aws_region")),
        stringOrEmpty(config.get("aws_session_token")));
    Signature sig = sign(headers, stringOrEmpty(request.get("method")), url, body(request),
        stringOrEmpty(config.get("aws_service")), creds, time, disablePayloadSigning(config));

    ObjectValue.Builder signed = ObjectValue.builder();
    headers.forEach((k, v) -> signed.put(k, StringValue.of(v)));
    signed.put("Authorization", StringValue.of(sig.authorization()));
    sig.awsHeaders().forEach((k, v) -> signed.put(k, StringValue.of(v)));
    ObjectValue.Builder result = ObjectValue.builder();
    request.entries().forEach(result::put);
    return result.put("headers", signed.build()).build();
  }

  private static void checkConfig(ObjectValue config) throws BuiltinException {
    SetValue.Builder missing = SetValue.builder();
    SetValue.Builder invalid = SetValue.builder();
    for (String key : REQUIRED_CONFIG) {
      Value v = config.get(key);
      if (v == null) {
        missing.add(StringValue.of(key));
      } else if (!(v instanceof StringValue)) {
        invalid.add(StringValue.of(key));
      }
    }
    requireEmpty(2, "missing required AWS config parameters(s): ", missing.build());
    requireEmpty(2, "invalid values for required AWS config parameters(s): ", invalid.build());
  }

  /** The time in nanoseconds since the epoch, which must fit Go's int64. */
  private static Instant signingTime(NumberValue ns) throws BuiltinException {
    if (!ns.isLong()) {
      throw operandError(3, "could not convert time_ns value into a unix timestamp");
    }
    return Instant.EPOCH.plusNanos(ns.longValueExact());
  }

  /** The checks {@code http.send} makes of its request, then the signer's own. */
  private static void checkRequest(ObjectValue request) throws BuiltinException {
    SetValue.Builder unknown = SetValue.builder();
    for (Value key : request.keys()) {
      if (!(key instanceof StringValue s && ALLOWED_REQUEST.contains(s.value()))) {
        unknown.add(key);
      }
    }
    requireEmpty(1, "invalid request parameters(s): ", unknown.build());
    SetValue.Builder missing = SetValue.builder();
    SetValue.Builder invalid = SetValue.builder();
    for (String key : REQUIRED_REQUEST) {
      Value v = request.get(key);
      if (v == null) {
        missing.add(StringValue.of(key));
      } else if (!(v instanceof StringValue)) {
        invalid.add(StringValue.of(key));
      }
    }
    requireEmpty(1, "missing required request parameters(s): ", missing.build());
    Value headers = request.get("headers");
    if (headers != null && !(headers instanceof ObjectValue)) {
      // OPA numbers this operand 0.
      throw Operands.typeError(0, headers, "object");
    }
    requireEmpty(1, "invalid values for required request parameters(s): ", invalid.build());
  }

  private static void requireEmpty(int operand, String message, SetValue keys)
      throws BuiltinException {
    if (!keys.isEmpty()) {
      throw operandError(operand, message + keys);
    }
  }

  private static BuiltinException operandError(int operand, String message) {
    return BuiltinException.typeError("operand " + operand + " " + message);
  }

  /**
   * The request's headers as strings, in request order; a key or value that is not a string
   * counts as the empty string, as in OPA.
   */
  private static Map<String, String> requestHeaders(ObjectValue request) {
    Map<String, String> out = new LinkedHashMap<>();
    if (request.get("headers") instanceof ObjectValue headers) {
      headers.entries().forEach((k, v) -> out.put(stringOrEmpty(k), stringOrEmpty(v)));
    }
    return out;
  }

  /** {@code raw_body} as is, else {@code body} as Go's JSON encoder writes it, else empty. */
  private static byte[] body(ObjectValue request) {
    Value raw = request.get("raw_body");
    if (raw != null) {
      return stringOrEmpty(raw).getBytes(StandardCharsets.UTF_8);
    }
    Value body = request.get("body");
    return body == null ? new byte[0]
        : EncodingGoJson.marshal(body).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean disablePayloadSigning(ObjectValue config) throws BuiltinException {
    Value v = config.get("disable_payload_signing");
    if (v == null) {
      return false;
    }
    if (v instanceof BooleanValue b) {
      return b.value();
    }
    throw operandError(2, "invalid value for 'disable_payload_signing' in AWS config");
  }

  private static String stringOrEmpty(Value v) {
    return v instanceof StringValue s ? s.value() : "";
  }

  private record Credentials(String accessKey, String secretKey, String region,
      String sessionToken) {}

  /** The {@code Authorization} header and the headers the signature covers and adds. */
  private record Signature(String authorization, Map<String, String> awsHeaders) {}

  private static Signature sign(Map<String, String> headers, String method, UriGoUrl.Url url,
      byte[] body, String service, Credentials creds, Instant time, boolean unsignedPayload) {
    ZonedDateTime t = time.atZone(ZoneOffset.UTC);
    String date = String.format("%04d%02d%02d", t.getYear(), t.getMonthValue(),
        t.getDayOfMonth());
    String dateTime = date + String.format("T%02d%02d%02dZ", t.getHour(), t.getMinute(),
        t.getSecond());
    String contentHash = unsignedPayload ? UNSIGNED_PAYLOAD : HEX.formatHex(sha256(body));

    Map<String, String> awsHeaders = new LinkedHashMap<>();
    awsHeaders.put("host", url.host());
    awsHeaders.put("x-amz-date", dateTime);
    if (service.equals("s3") || service.equals("glacier")) {
      awsHeaders.put("x-amz-content-sha256", contentHash);
    }
    if (!creds.sessionToken().isEmpty()) {
      awsHeaders.put("x-amz-security-token", creds.sessionToken());
    }
    // Sorted by byte order of the lower-cased names; request headers override AWS ones.
    Map<String, String> signedHeaders = new TreeMap<>(StringValue::compareCodePoints);
    signedHeaders.putAll(awsHeaders);
    headers.forEach((k, v) -> {
      String name = k.toLowerCase(java.util.Locale.ROOT);
      if (!UNSIGNED_HEADERS.contains(name)) {
        signedHeaders.put(name, v);
      }
    });
    String headerList = String.join(";", signedHeaders.keySet());

    StringBuilder canonical = new StringBuilder()
        .append(method).append('\n')
        .append(url.escapedPath()).append('\n')
        .append(url.rawQuery()).append('\n');
    signedHeaders.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
    canonical.append('\n').append(headerList).append('\n').append(contentHash);

    String scope = date + "/" + creds.region() + "/" + service + "/aws4_request";
    String stringToSign = "AWS4-HMAC-SHA256\n" + dateTime + "\n" + scope + "\n"
        + HEX.formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));

    byte[] key = hmac(("AWS4" + creds.secretKey()).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, creds.region());
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    String signature = HEX.formatHex(hmac(key, stringToSign));

    String authorization = "AWS4-HMAC-SHA256 Credential=" + creds.accessKey() + "/" + scope
        + ",SignedHeaders=" + headerList + ",Signature=" + signature;
    return new Signature(authorization, awsHeaders);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }
}
