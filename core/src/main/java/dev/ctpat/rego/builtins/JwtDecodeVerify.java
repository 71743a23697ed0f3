package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.JwtKeys.JwtKey;
import dev.ctpat.rego.builtins.JwtToken.Header;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * {@code io.jwt.decode_verify}: verifies a token's signature with the keys of its constraints,
 * follows nested tokens ({@code cty: JWT}), and checks the registered claims against the
 * constraints and the clock. A token that fails a check yields {@code [false, {}, {}]}; a token
 * or constraint that cannot be read is an error.
 *
 * <p>Times are compared as OPA compares them: the time in nanoseconds, as a float64, is divided
 * by 10⁹ and written in Go's shortest form, and that decimal is compared exactly with the
 * {@code exp} and {@code nbf} claims. A token is valid while the time is before {@code exp} and
 * not before {@code nbf}.
 */
final class JwtDecodeVerify {
  private static final ArrayValue UNVERIFIED =
      ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private JwtDecodeVerify() {}

  /** The checks the constraints object asks for. */
  private static final class Constraints {
    String secret = "";
    String alg = "";
    String iss = "";
    String aud = "";
    List<JwtKey> keys;
    double time = -1;
  }

  static Value decodeVerify(String jwt, ObjectValue constraintsObject, Instant now)
      throws BuiltinException {
    Constraints constraints = constraints(constraintsObject, now);
    String token = jwt;
    JwtToken parts;
    ObjectValue header;
    String payloadText;
    while (true) {
      parts = JwtToken.split(token);
      header = parts.decodeHeader();
      Header h = Header.parse(header);
      if (!h.isValid() || !constraints.alg.isEmpty() && !constraints.alg.equals(h.alg())) {
        return UNVERIFIED;
      }
      byte[] signature = parts.decodeSignature();
      if (!verifies(constraints, h, parts.signingInput(), signature)) {
        return UNVERIFIED;
      }
      payloadText = parts.decodePayload();
      if (!h.cty().equalsIgnoreCase("JWT")) {
        break;
      }
      token = payloadText; // a nested token: verify it in turn
    }
    ObjectValue payload = JwtToken.jsonObject(payloadText);
    if (!claimsHold(constraints, payload)) {
      return UNVERIFIED;
    }
    return ArrayValue.of(BooleanValue.TRUE, header, payload);
  }

  /** OPA's {@code parseTokenConstraints} and {@code validate}. */
  private static Constraints constraints(ObjectValue o, Instant now) throws BuiltinException {
    Constraints c = new Constraints();
    for (Value key : o.sortedKeys()) {
      String name = key instanceof StringValue s ? s.value() : key.toString();
      Value v = o.get(key);
      switch (name) {
        case "cert" -> {
          if (!(v instanceof StringValue s)) {
            throw BuiltinException.error("cert constraint: must be a string");
          }
          c.keys = JwtKeys.forVerification(s.value());
        }
        case "secret" -> c.secret = stringConstraint(name, v);
        case "alg" -> c.alg = stringConstraint(name, v);
        case "iss" -> c.iss = stringConstraint(name, v);
        case "aud" -> c.aud = stringConstraint(name, v);
        case "time" -> c.time = time(v);
        default -> throw BuiltinException.error("unknown token validation constraint: " + name);
      }
    }
    if (c.time == -1) {
      c.time = time(BigDecimal.valueOf(now.getEpochSecond()).movePointRight(9)
          .add(BigDecimal.valueOf(now.getNano())));
    }
    int keySources = (c.keys != null ? 1 : 0) + (c.secret.isEmpty() ? 0 : 1);
    if (keySources > 1) {
      throw BuiltinException.error("duplicate key constraints");
    }
    if (keySources < 1) {
      throw BuiltinException.error("no key constraint");
    }
    return c;
  }

  private static String stringConstraint(String name, Value v) throws BuiltinException {
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw BuiltinException.error(name + " constraint: must be a string");
  }

  private static double time(Value v) throws BuiltinException {
    if (!(v instanceof NumberValue n)) {
      throw BuiltinException.error("token time constraint: must be a number");
    }
    return time(n.bigDecimal());
  }

  private static double time(BigDecimal ns) throws BuiltinException {
    double t = ns.doubleValue();
    if (Double.isInfinite(t)) {
      throw BuiltinException.error("token time constraint: unvalid float64");
    }
    if (t < 0) {
      throw BuiltinException.error("token time constraint: must not be negative");
    }
    return t;
  }

  /**
   * Signature verification as OPA's {@code constraints.verify}: with keys, the key whose
   * {@code kid} matches the header's alone, else any key whose algorithm (if set) is the
   * header's; with a secret, an HMAC.
   */
  private static boolean verifies(Constraints c, Header h, byte[] input, byte[] signature) {
    JwtAlgorithm alg = JwtAlgorithm.byName(h.alg());
    if (alg == null) {
      return false;
    }
    if (c.keys != null) {
      if (!h.kid().isEmpty()) {
        for (JwtKey k : c.keys) {
          if (k.kid().equals(h.kid())) {
            return verify(alg, k, input, signature);
          }
        }
      }
      for (JwtKey k : c.keys) {
        if ((k.alg().isEmpty() || k.alg().equals(h.alg())) && verify(alg, k, input, signature)) {
          return true;
        }
      }
      return false;
    }
    JwtKey secret = new JwtKey(
        new JwtKeys.Secret(c.secret.getBytes(StandardCharsets.UTF_8)), null, "", "");
    return verify(alg, secret, input, signature);
  }

  private static boolean verify(JwtAlgorithm alg, JwtKey k, byte[] input, byte[] signature) {
    return alg.verify(k.key(), k.publicKey(), input, signature, JwtAlgorithm.Style.JWX);
  }

  /** The registered claims {@code iss}, {@code aud}, {@code exp} and {@code nbf}. */
  private static boolean claimsHold(Constraints c, ObjectValue payload) throws BuiltinException {
    if (!c.iss.isEmpty() && !(payload.get("iss") instanceof StringValue iss
        && iss.value().equals(c.iss))) {
      return false;
    }
    Value aud = payload.get("aud");
    if (aud != null ? !audienceMatches(aud, c.aud) : !c.aud.isEmpty()) {
      return false;
    }
    NumberValue now = shortest(c.time / NANOS_PER_SECOND);
    Value exp = payload.get("exp");
    if (exp != null) {
      if (!(exp instanceof NumberValue e)) {
        throw BuiltinException.error("exp value must be a number");
      }
      if (now.compareTo(e) >= 0) {
        return false;
      }
    }
    Value nbf = payload.get("nbf");
    if (nbf != null) {
      if (!(nbf instanceof NumberValue n)) {
        throw BuiltinException.error("nbf value must be a number");
      }
      return now.compareTo(n) >= 0;
    }
    return true;
  }

  /** The audience is the constraint, or an array holding it. */
  private static boolean audienceMatches(Value aud, String wanted) {
    if (aud instanceof StringValue s) {
      return s.value().equals(wanted);
    }
    return aud instanceof ArrayValue list
        && list.elements().stream().anyMatch(e -> e instanceof StringValue s
            && s.value().equals(wanted));
  }

  /** {@code d} as the shortest decimal that reads back as {@code d}, as Go formats floats. */
  static NumberValue shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == d) {
        return NumberValue.of(candidate);
      }
    }
    return NumberValue.of(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }
}
