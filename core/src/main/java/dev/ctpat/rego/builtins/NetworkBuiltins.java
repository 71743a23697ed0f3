package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builtins that reach the network ({@code http.send}, {@code net.lookup_ip_addr}) and
 * {@code opa.runtime}. Network access is off unless the embedding application enables the
 * {@code net} capability; a disabled builtin fails with a clear error instead of connecting.
 */
final class NetworkBuiltins implements BuiltinFamily {
  /** The capability that turns on network builtins. */
  static final String NET = "net";
  /** Responses larger than this are cut off with an error. */
  static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function("opa", "opa.runtime",
        Types.fn(Types.objectOf(Types.STRING, Types.ANY)),
        (ctx, args) -> ctx.runtime()).asNondeterministic());
    out.accept(Builtin.function("http", "http.send",
        Types.fn(Types.OBJECT, Types.objectOf(Types.STRING, Types.ANY)),
        NetworkBuiltins::send).asNondeterministic());
    out.accept(Builtin.function("net", "net.lookup_ip_addr",
        Types.fn(Types.setOf(Types.STRING), Types.STRING),
        NetworkBuiltins::lookup).asNondeterministic());
  }

  private static void requireNet(BuiltinContext ctx) throws BuiltinException {
    if (!ctx.capabilityEnabled(NET)) {
      throw BuiltinException.error("network access is disabled; the embedding application "
          + "must enable the \"net\" capability");
    }
  }

  private static Value lookup(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    String host = Operands.string(args, 0);
    if (!isLocal(host)) {
      requireNet(ctx);
    }
    try {
      SetValue.Builder b = SetValue.builder();
      for (InetAddress a : InetAddress.getAllByName(host)) {
        b.add(StringValue.of(NetIp.format(a.getAddress())));
      }
      return b.build();
    } catch (UnknownHostException e) {
      throw BuiltinException.error("lookup " + host + ": no such host");
    }
  }

  /** IP literals and {@code localhost} resolve without asking a name server. */
  private static boolean isLocal(String host) {
    return host.equals("localhost") || IP_LITERAL.matcher(host).matches();
  }

  private static final java.util.regex.Pattern IP_LITERAL =
      java.util.regex.Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  /** The request keys OPA's http.send accepts. */
  private static final java.util.Set<String> REQUEST_KEYS = java.util.Set.of("method", "url",
      "body", "enable_redirect", "force_json_decode", "force_yaml_decode", "headers", "raw_body",
      "tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable",
      "tls_client_cert", "tls_client_cert_file", "tls_client_cert_env_variable",
      "tls_client_key", "tls_client_key_file", "tls_client_key_env_variable",
      "tls_insecure_skip_verify", "tls_server_name", "timeout", "cache", "force_cache",
      "force_cache_duration_seconds", "raise_error", "caching_mode", "max_retry_attempts",
      "cache_ignored_headers");

  /** OPA's request checks, made before any connection: unknown and missing keys. */
  private static void checkRequestKeys(ObjectValue req) throws BuiltinException {
    java.util.Set<String> invalid = new java.util.TreeSet<>();
    for (Value k : req.keys()) {
      if (!(k instanceof StringValue s) || !REQUEST_KEYS.contains(s.value())) {
        invalid.add(k instanceof StringValue s ? s.value() : k.toString());
      }
    }
    if (!invalid.isEmpty()) {
      throw BuiltinException.typeError("invalid request parameters(s): " + quoted(invalid));
    }
    java.util.Set<String> missing = new java.util.TreeSet<>();
    for (String required : List.of("method", "url")) {
      if (req.get(required) == null) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      throw BuiltinException.typeError("missing required request parameters(s): "
          + quoted(missing));
    }
  }

  private static String quoted(java.util.Set<String> names) {
    return names.stream().map(n -> "\"" + n + "\"")
        .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
  }

  private static Value send(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    ObjectValue req = Operands.object(args, 0);
    checkRequestKeys(req);
    requireNet(ctx);
    boolean raiseError = !BooleanValue.FALSE.equals(req.get("raise_error"));
    try {
      return ctx.memo(List.of("http.send", req), () -> {
        try {
          return perform(req);
        } catch (BuiltinException e) {
          throw new SendFailure(e);
        }
      });
    } catch (SendFailure f) {
      if (raiseError) {
        throw f.cause;
      }
      return ObjectValue.builder()
          .put("status_code", NumberValue.ZERO)
          .put("error", ObjectValue.builder()
              .put("code", StringValue.of("eval_http_send_network_error"))
              .put("message", StringValue.of(f.cause.getMessage())).build())
          .build();
    }
  }

  /** Carries a request failure through {@link BuiltinContext#memo}. */
  private static final class SendFailure extends RuntimeException {
    final BuiltinException cause;

    SendFailure(BuiltinException cause) {
      super(cause.getMessage(), null, false, false);
      this.cause = cause;
    }
  }

  private static Value perform(ObjectValue req) throws BuiltinException {
    String method = stringField(req, "method");
    String url = stringField(req, "url");
    if (method == null || url == null) {
      throw BuiltinException.error("missing required request parameters(s): {\"method\", \"url\"}");
    }
    Duration timeout = DEFAULT_TIMEOUT;
    String t = stringField(req, "timeout");
    if (t != null) {
      timeout = Duration.ofNanos(TimeGoDuration.parse(t));
    }
    HttpRequest.Builder rb;
    try {
      rb = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    } catch (IllegalArgumentException e) {
      throw BuiltinException.error("invalid url: " + url);
    }
    if (req.get("headers") instanceof ObjectValue headers) {
      for (Map.Entry<Value, Value> h : headers.entries().entrySet()) {
        if (h.getKey() instanceof StringValue k && h.getValue() instanceof StringValue v) {
          rb.header(k.value(), v.value());
        }
      }
    }
    String body = stringField(req, "raw_body");
    if (body == null && req.get("body") != null) {
      body = Json.write(req.get("body"));
    }
    rb.method(method.toUpperCase(java.util.Locale.ROOT), body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(BooleanValue.TRUE.equals(req.get("enable_redirect"))
            ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
        .build();
    try {
      HttpResponse<InputStream> resp = client.send(rb.build(),
          HttpResponse.BodyHandlers.ofInputStream());
      byte[] raw;
      try (InputStream in = resp.body()) {
        raw = in.readNBytes(MAX_RESPONSE_BYTES + 1);
      }
      if (raw.length > MAX_RESPONSE_BYTES) {
        throw BuiltinException.error("response body exceeds " + MAX_RESPONSE_BYTES + " bytes");
      }
      return response(req, resp, new String(raw, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw BuiltinException.error(method + " " + url + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw BuiltinException.error(method + " " + url + ": interrupted");
    }
  }

  private static Value response(ObjectValue req, HttpResponse<?> resp, String raw) {
    ObjectValue.Builder headers = ObjectValue.builder();
    resp.headers().map().forEach((k, vs) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
        ArrayValue.of(vs.stream().map(v -> (Value) StringValue.of(v)).toList())));
    ObjectValue.Builder out = ObjectValue.builder()
        .put("status", StringValue.of(resp.statusCode() + ""))
        .put("status_code", NumberValue.of(resp.statusCode()))
        .put("headers", headers.build())
        .put("raw_body", StringValue.of(raw));
    String type = resp.headers().firstValue("content-type").orElse("");
    boolean json = type.contains("json") || BooleanValue.TRUE.equals(req.get("force_json_decode"));
    Value body = dev.ctpat.rego.value.NullValue.INSTANCE;
    if (json && !raw.isEmpty()) {
      try {
        body = Json.parse(raw);
      } catch (IllegalArgumentException e) {
        body = dev.ctpat.rego.value.NullValue.INSTANCE;
      }
    }
    return out.put("body", body).build();
  }

  private static String stringField(ObjectValue o, String key) {
    return o.get(key) instanceof StringValue s ? s.value() : null;
  }
}
