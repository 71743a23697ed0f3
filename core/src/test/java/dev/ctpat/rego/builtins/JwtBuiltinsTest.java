package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.at;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.Json;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JwtBuiltinsTest {
  /** RFC 7515 appendix A.1: an HS256 token, its exact header and payload text, and its key. */
  private static final String RFC_HEADER = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
  private static final String RFC_PAYLOAD =
      "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
  private static final String RFC_KEY = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKt"
      + "MN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
  private static final String RFC_JWK = "{\"kty\":\"oct\",\"k\":\"" + RFC_KEY + "\"}";
  private static final String RFC_TOKEN = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
      + "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290"
      + "Ijp0cnVlfQ."
      + "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  private static final PrivateKey RSA_KEY = pkcs8("RSA", CryptoTestFixtures.LEAF_KEY);
  private static final PrivateKey EC256_KEY = pkcs8("EC", CryptoTestFixtures.EC_KEY_PKCS8);
  private static final PrivateKey ED25519_KEY = pkcs8("Ed25519", CryptoTestFixtures.ED25519_KEY);
  private static final KeyPair EC384 = generate("secp384r1");
  private static final KeyPair EC521 = generate("secp521r1");

  private final Family family =
      new Family(new JwtBuiltins(), Instant.parse("2027-06-01T00:00:00Z"));

  // ---- token making, independent of the code under test ------------------------------------

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String b64(String s) {
    return b64(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(BigInteger v, int size) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[size];
    int n = Math.min(b.length, size);
    System.arraycopy(b, b.length - n, out, size - n, n);
    return b64(out);
  }

  private static PrivateKey pkcs8(String algorithm, String pem) {
    try {
      return KeyFactory.getInstance(algorithm)
          .generatePrivate(new PKCS8EncodedKeySpec(pemBytes(pem)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] pemBytes(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }

  private static KeyPair generate(String curve) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String publicKeyPem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static String rsaPublicJwk(RSAPrivateCrtKey k, String extra) {
    return "{\"kty\":\"RSA\",\"n\":\"" + b64(CryptoKeys.unsigned(k.getModulus())) + "\",\"e\":\""
        + b64(CryptoKeys.unsigned(k.getPublicExponent())) + "\"" + extra + "}";
  }

  private static String ecPublicJwk(ECPublicKey k, String crv, int size) {
    return "{\"kty\":\"EC\",\"crv\":\"" + crv + "\",\"x\":\"" + b64(k.getW().getAffineX(), size)
        + "\",\"y\":\"" + b64(k.getW().getAffineY(), size) + "\"}";
  }

  /** A token signed with a JCA signature algorithm (configured by {@code setup}). */
  private static String signed(String header, String payload, String jca, PrivateKey key,
      SignatureSetup setup) throws GeneralSecurityException {
    String input = b64(header) + "." + b64(payload);
    Signature s = Signature.getInstance(jca);
    setup.apply(s);
    s.initSign(key);
    s.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64(s.sign());
  }

  private static String signed(String header, String payload, String jca, PrivateKey key)
      throws GeneralSecurityException {
    return signed(header, payload, jca, key, s -> { });
  }

  private interface SignatureSetup {
    void apply(Signature s) throws GeneralSecurityException;
  }

  private static String hmacSigned(String header, String payload, String jca, String secret)
      throws GeneralSecurityException {
    String input = b64(header) + "." + b64(payload);
    Mac mac = Mac.getInstance(jca);
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jca));
    return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void registersOpasTokenBuiltins() {
    Set<String> verifiers = Set.of("rs256", "rs384", "rs512", "ps256", "ps384", "ps512", "es256",
        "es384", "es512", "eddsa", "hs256", "hs384", "hs512").stream()
        .map(a -> "io.jwt.verify_" + a).collect(Collectors.toSet());
    assertThat(family.builtins().keySet()).containsAll(verifiers)
        .contains("io.jwt.decode", "io.jwt.decode_verify", "io.jwt.encode_sign",
            "io.jwt.encode_sign_raw").hasSize(verifiers.size() + 4);
    assertThat(family.builtins().get("io.jwt.decode").category()).isEqualTo("tokens");
    assertThat(family.builtins().get("io.jwt.encode_sign").category()).isEqualTo("tokensign");
    assertThat(family.builtins().values().stream().filter(Builtin::nondeterministic)
        .map(Builtin::name)).containsExactlyInAnyOrder("io.jwt.decode_verify",
            "io.jwt.encode_sign", "io.jwt.encode_sign_raw");
  }

  @Nested
  class Decode {
    @Test
    void returnsHeaderPayloadAndTheSignatureInHex() throws Exception {
      Value decoded = family.call("io.jwt.decode", str(RFC_TOKEN));
      assertThat(decoded).isEqualTo(ArrayValue.of(json(RFC_HEADER), json(RFC_PAYLOAD),
          str(HexFormat.of().formatHex(Base64.getUrlDecoder()
              .decode("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")))));
    }

    @Test
    void keepsTheLastOfDuplicateClaimsAndUnicode() throws Exception {
      String token = b64("{\"alg\":\"none\"}") + "." + b64("{\"a\":1,\"a\":\"ünï\",\"😀\":2}")
          + ".";
      assertThat(at(family.call("io.jwt.decode", str(token)), 1))
          .isEqualTo(json("{\"a\":\"ünï\",\"😀\":2}"));
      assertThat(at(family.call("io.jwt.decode", str(token)), 2)).isEqualTo(str(""));
    }

    @Test
    void decodesTheTokenInsideATokenWithContentTypeJwt() throws Exception {
      String inner = b64("{\"alg\":\"HS256\"}") + "." + b64("{\"sub\":\"inner\"}") + ".AAAA";
      String outer = b64("{\"alg\":\"HS256\",\"cty\":\"JWT\"}") + "." + b64("\"" + inner + "\"")
          + ".BBBB";
      assertThat(family.call("io.jwt.decode", str(outer)))
          .isEqualTo(json("[{\"alg\":\"HS256\"},{\"sub\":\"inner\"},\"000000\"]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc | encoded JWT had no period separators",
        "a.b | encoded JWT must have 3 sections, found 2",
        "e30.e30.e30.e30 | encoded JWT must have 3 sections, found 4",
        "eyJhbGciOiJIU^%zI1NiJ9.e30.AA | JWT header had invalid encoding: "
            + "illegal base64 data at input byte 13",
        "e30.e30xx.AA | JWT payload had invalid encoding: illegal base64url string: e30xx",
        "e30.e30.A(A | JWT signature had invalid encoding: illegal base64 data at input byte 1",
        "WzFd.e30.AA | bad JWT header: decoded JSON type was not an Object",
        "eyJ9.e30.AA | bad JWT header: invalid JSON: unexpected EOF",
        "e30.e30x.AA | invalid JSON: error: invalid character '1' after top-level value",
        "e30.WzFd.AA | decoded JSON type was not an Object",
        "eyJlbmMiOiJBMjU2R0NNIn0.e30.AA | JWT is a JWE object, which is not supported"})
    void reportsMalformedTokensAsOpaDoes(String token, String message) {
      assertThat(family.builtinError("io.jwt.decode", str(token))).isEqualTo(message);
    }
  }

  @Nested
  class VerifyHmac {
    @ParameterizedTest
    @CsvSource({
        "hs256, HmacSHA256, secret, secret, true",
        "hs256, HmacSHA256, secret, Secret, false",
        "hs384, HmacSHA384, s3cr3t, s3cr3t, true",
        "hs512, HmacSHA512, 秘密, 秘密, true",
        "hs512, HmacSHA256, secret, secret, false"})
    void checksTheMacWithTheSecret(String alg, String jca, String signingSecret, String secret,
        boolean valid) throws Exception {
      String token = hmacSigned("{\"alg\":\"" + alg.toUpperCase(Locale.ROOT) + "\"}",
          "{\"sub\":\"x\"}", jca, signingSecret);
      assertThat(family.call("io.jwt.verify_" + alg, str(token), str(secret)))
          .isEqualTo(BooleanValue.of(valid));
    }

    @Test
    void acceptsAnEmptySecretAsGoDoes() throws Exception {
      String input = b64("{\"alg\":\"HS256\"}") + "." + b64("{}");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(new byte[1], "HmacSHA256")); // a zero byte is the empty key
      String token = input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
      assertThat(family.call("io.jwt.verify_hs256", str(token), str("")))
          .isEqualTo(BooleanValue.TRUE);
    }

    @Test
    void reportsMalformedTokens() {
      assertThat(family.builtinError("io.jwt.verify_hs256", str("e30.e30"), str("secret")))
          .isEqualTo("encoded JWT must have 3 sections, found 2");
      assertThat(family.builtinError("io.jwt.verify_hs256", str("e30.e30.!"), str("secret")))
          .isEqualTo("illegal base64url string: !");
    }
  }

  @Nested
  class VerifyWithKeys {
    private static final String PAYLOAD = "{\"sub\":\"alice\"}";

    @ParameterizedTest
    @CsvSource({
        "RS256, SHA256withRSA", "RS384, SHA384withRSA", "RS512, SHA512withRSA"})
    void verifiesRsaWithACertificateAPublicKeyOrAJwk(String alg, String jca) throws Exception {
      String token = signed("{\"alg\":\"" + alg + "\"}", PAYLOAD, jca, RSA_KEY);
      String name = "io.jwt.verify_" + alg.toLowerCase(Locale.ROOT);
      RSAPrivateCrtKey k = (RSAPrivateCrtKey) RSA_KEY;
      PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(
          new java.security.spec.RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
      for (String key : new String[] {CryptoTestFixtures.LEAF, publicKeyPem(pub),
          rsaPublicJwk(k, "")}) {
        assertThat(family.call(name, str(token), str(key))).isEqualTo(BooleanValue.TRUE);
      }
      assertThat(family.call(name, str(token), str(CryptoTestFixtures.ROOT_CA)))
          .isEqualTo(BooleanValue.FALSE);
    }

    @ParameterizedTest
    @CsvSource({"256, SHA-256", "384, SHA-384", "512, SHA-512"})
    void verifiesPssWhateverTheSaltLength(String bits, String hash) throws Exception {
      for (int salt : new int[] {0, 20, Integer.parseInt(bits) / 8}) {
        String token = signed("{\"alg\":\"PS" + bits + "\"}", PAYLOAD, "RSASSA-PSS", RSA_KEY,
            s -> s.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                salt, 1)));
        assertThat(family.call("io.jwt.verify_ps" + bits, str(token),
            str(CryptoTestFixtures.LEAF))).as("salt %d", salt).isEqualTo(BooleanValue.TRUE);
      }
    }

    @Test
    void verifiesEcdsaOnEachCurve() throws Exception {
      String es256 = signed("{\"alg\":\"ES256\"}", PAYLOAD, "SHA256withECDSAinP1363Format",
          EC256_KEY);
      assertThat(family.call("io.jwt.verify_es256", str(es256), str(CryptoTestFixtures.EC_CERT)))
          .isEqualTo(BooleanValue.TRUE);
      String es384 = signed("{\"alg\":\"ES384\"}", PAYLOAD, "SHA384withECDSAinP1363Format",
          EC384.getPrivate());
      assertThat(family.call("io.jwt.verify_es384", str(es384),
          str(ecPublicJwk((ECPublicKey) EC384.getPublic(), "P-384", 48))))
          .isEqualTo(BooleanValue.TRUE);
      String es512 = signed("{\"alg\":\"ES512\"}", PAYLOAD, "SHA512withECDSAinP1363Format",
          EC521.getPrivate());
      assertThat(family.call("io.jwt.verify_es512", str(es512),
          str(publicKeyPem(EC521.getPublic())))).isEqualTo(BooleanValue.TRUE);
      assertThat(family.call("io.jwt.verify_es512", str(es512),
          str(publicKeyPem(EC384.getPublic())))).isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void verifiesEd25519() throws Exception {
      String token = signed("{\"alg\":\"EdDSA\"}", PAYLOAD, "Ed25519", ED25519_KEY);
      assertThat(family.call("io.jwt.verify_eddsa", str(token),
          str(CryptoTestFixtures.ED25519_CERT))).isEqualTo(BooleanValue.TRUE);
      // RFC 8037 appendix A.4.
      String rfc = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLW"
          + "G1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
      assertThat(family.call("io.jwt.verify_eddsa", str(rfc), str("{\"kty\":\"OKP\","
          + "\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}")))
          .isEqualTo(BooleanValue.TRUE);
    }

    @Test
    void failsForKeysOfAnotherType() throws Exception {
      String token = signed("{\"alg\":\"RS256\"}", PAYLOAD, "SHA256withRSA", RSA_KEY);
      assertThat(family.call("io.jwt.verify_rs256", str(token), str(CryptoTestFixtures.EC_CERT)))
          .isEqualTo(BooleanValue.FALSE);
      assertThat(family.call("io.jwt.verify_es256", str(token), str(CryptoTestFixtures.LEAF)))
          .isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void doesNotVerifyWithAPrivateJwkAsGoWantsAPublicKey() throws Exception {
      String token = signed("{\"alg\":\"RS256\"}", PAYLOAD, "SHA256withRSA", RSA_KEY);
      RSAPrivateCrtKey k = (RSAPrivateCrtKey) RSA_KEY;
      String privateJwk = rsaPublicJwk(k, ",\"d\":\"" + b64(k.getPrivateExponent().toByteArray())
          + "\"");
      assertThat(family.call("io.jwt.verify_rs256", str(token), str(privateJwk)))
          .isEqualTo(BooleanValue.FALSE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a | false",
        "b | true",
        " | true"})
    void triesOnlyTheKeyWhoseIdMatchesTheHeader(String kid, boolean valid) throws Exception {
      String header = kid == null ? "{\"alg\":\"RS256\"}"
          : "{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}";
      String token = signed(header, PAYLOAD, "SHA256withRSA", RSA_KEY);
      String wrong = ecPublicJwk((ECPublicKey) EC384.getPublic(), "P-384", 48)
          .replace("}", ",\"kid\":\"a\"}");
      String right = rsaPublicJwk((RSAPrivateCrtKey) RSA_KEY, ",\"kid\":\"b\"");
      assertThat(family.call("io.jwt.verify_rs256", str(token),
          str("{\"keys\":[" + wrong + "," + right + "]}"))).isEqualTo(BooleanValue.of(valid));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"RS256 | true", "RS512 | false", "RSA-OAEP | false"})
    void skipsKeysForOtherAlgorithms(String keyAlg, boolean valid) throws Exception {
      String token = signed("{\"alg\":\"RS256\"}", PAYLOAD, "SHA256withRSA", RSA_KEY);
      String jwk = rsaPublicJwk((RSAPrivateCrtKey) RSA_KEY, ",\"alg\":\"" + keyAlg + "\"");
      assertThat(family.call("io.jwt.verify_rs256", str(token), str("{\"keys\":[" + jwk + "]}")))
          .isEqualTo(BooleanValue.of(valid));
    }

    @Test
    void reportsKeysThatCannotBeRead() {
      String token = "e30.e30.AA";
      assertThat(family.builtinError("io.jwt.verify_rs256", str(token),
          str(CryptoTestFixtures.LEAF + "EXTRA"))).isEqualTo(
              "extra data after a PEM certificate block");
      assertThat(family.builtinError("io.jwt.verify_rs256", str(token),
          str(CryptoTestFixtures.LEAF.replace("CERTIFICATE", "CERT")))).isEqualTo(
              "failed to extract a Key from the PEM certificate");
      assertThat(family.builtinError("io.jwt.verify_rs256", str(token),
          str("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"))).isEqualTo(
              "failed to parse a PEM certificate: x509: malformed tbs certificate");
      assertThat(family.builtinError("io.jwt.verify_rs256", str(token),
          str("{\"kty\":\"bogus\",\"n\":\"AQAB\"}")))
          .startsWith("failed to parse a JWK key (set): ");
      assertThat(family.builtinError("io.jwt.verify_rs256", str("e30.e30"), str("{}")))
          .isEqualTo("encoded JWT must have 3 sections, found 2");
    }
  }

  @Nested
  class DecodeVerify {
    private static final String SECRET = "{\"secret\": \"secret\"";

    private Value decodeVerify(String token, String constraints) throws BuiltinException {
      return family.call("io.jwt.decode_verify", str(token), json(constraints));
    }

    private String hs256(String payload) throws GeneralSecurityException {
      return hmacSigned("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload, "HmacSHA256", "secret");
    }

    @Test
    void returnsHeaderAndClaimsOfAValidToken() throws Exception {
      assertThat(decodeVerify(hs256("{\"sub\":\"x\"}"), SECRET + "}")).isEqualTo(
          json("[true, {\"alg\":\"HS256\",\"typ\":\"JWT\"}, {\"sub\":\"x\"}]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"sub\":\"x\"} | , \"secret\": \"wrong\"} | false",
        "{\"sub\":\"x\"} | , \"alg\": \"HS256\"} | true",
        "{\"sub\":\"x\"} | , \"alg\": \"RS256\"} | false",
        "{\"iss\":\"me\"} | , \"iss\": \"me\"} | true",
        "{\"iss\":\"me\"} | , \"iss\": \"you\"} | false",
        "{\"sub\":\"x\"} | , \"iss\": \"me\"} | false",
        "{\"aud\":\"fred\"} | , \"aud\": \"fred\"} | true",
        "{\"aud\":[\"bob\",\"fred\"]} | , \"aud\": \"fred\"} | true",
        "{\"aud\":[\"bob\"]} | , \"aud\": \"fred\"} | false",
        "{\"aud\":\"fred\"} | } | false",
        "{\"sub\":\"x\"} | , \"aud\": \"fred\"} | false",
        "{\"exp\":3000} | , \"time\": 2999999999999} | true",
        "{\"exp\":3000} | , \"time\": 3000000000000} | false",
        "{\"exp\":3000.2} | , \"time\": 2000000000000.1} | true",
        "{\"nbf\":1000} | , \"time\": 1000000000000} | true",
        "{\"nbf\":1000} | , \"time\": 999999999999} | false",
        "{\"nbf\":1.5893857701234e9} | , \"time\": 1589385770023400000} | false",
        "{\"nbf\":1.5893857701234e9} | , \"time\": 1589385770124400000} | true",
        "{\"exp\":1.5893857711234e9} | , \"time\": 1589385771123400000} | false"})
    void checksTheSignatureAndTheClaims(String payload, String constraints, boolean valid)
        throws Exception {
      assertThat(at(decodeVerify(hs256(payload), SECRET + constraints), 0))
          .isEqualTo(BooleanValue.of(valid));
    }

    @Test
    void usesTheQueryClockWithoutATimeConstraint() throws Exception {
      family.setNow(Instant.ofEpochSecond(1000));
      assertThat(at(decodeVerify(hs256("{\"exp\":1001}"), SECRET + "}"), 0))
          .isEqualTo(BooleanValue.TRUE);
      family.setNow(Instant.ofEpochSecond(1001));
      assertThat(decodeVerify(hs256("{\"exp\":1001}"), SECRET + "}"))
          .isEqualTo(json("[false, {}, {}]"));
    }

    @Test
    void verifiesWithTheKeysOfACertificateOrJwkSet() throws Exception {
      String token = signed("{\"alg\":\"ES256\",\"kid\":\"k1\"}", "{\"sub\":\"x\"}",
          "SHA256withECDSAinP1363Format", EC256_KEY);
      String cert = Json.quote(CryptoTestFixtures.EC_CERT);
      assertThat(at(decodeVerify(token, "{\"cert\": " + cert + "}"), 0))
          .isEqualTo(BooleanValue.TRUE);
      String jwks = Json.quote("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\",\"kid\":\"k1\"}]}");
      assertThat(at(decodeVerify(token, "{\"cert\": " + jwks + "}"), 0))
          .isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void verifiesHmacWithAnOctetJwkAsCertificate() throws Exception {
      String jwk = Json.quote("{\"kty\":\"oct\",\"k\":\"" + b64("secret") + "\"}");
      assertThat(at(decodeVerify(hs256("{}"), "{\"cert\": " + jwk + "}"), 0))
          .isEqualTo(BooleanValue.TRUE);
    }

    @Test
    void verifiesWithAPrivateJwkAndRequiresPssSaltsAsLongAsTheHash() throws Exception {
      RSAPrivateCrtKey k = (RSAPrivateCrtKey) RSA_KEY;
      String privateJwk = Json.quote(rsaPublicJwk(k,
          ",\"d\":\"" + b64(CryptoKeys.unsigned(k.getPrivateExponent())) + "\""));
      String rs256 = signed("{\"alg\":\"RS256\"}", "{}", "SHA256withRSA", RSA_KEY);
      assertThat(at(decodeVerify(rs256, "{\"cert\": " + privateJwk + "}"), 0))
          .isEqualTo(BooleanValue.TRUE);
      for (int salt : new int[] {20, 32}) {
        String ps256 = signed("{\"alg\":\"PS256\"}", "{}", "RSASSA-PSS", RSA_KEY,
            s -> s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                salt, 1)));
        assertThat(at(decodeVerify(ps256, "{\"cert\": " + privateJwk + "}"), 0))
            .as("salt %d", salt).isEqualTo(BooleanValue.of(salt == 32));
      }
    }

    @Test
    void verifiesNestedTokensAndReturnsTheInnermostHeader() throws Exception {
      String inner = hs256("{\"sub\":\"inner\"}");
      String outer = hmacSigned("{\"alg\":\"HS256\",\"cty\":\"jwt\"}", inner, "HmacSHA256",
          "secret");
      assertThat(decodeVerify(outer, SECRET + "}")).isEqualTo(
          json("[true, {\"alg\":\"HS256\",\"typ\":\"JWT\"}, {\"sub\":\"inner\"}]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"typ\":\"JWT\"}",
        "{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}",
        "{\"alg\":\"none\"}"})
    void rejectsHeadersWithoutAUsableAlgorithm(String header) throws Exception {
      String token = hmacSigned(header, "{}", "HmacSHA256", "secret");
      assertThat(decodeVerify(token, SECRET + "}")).isEqualTo(json("[false, {}, {}]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{} | no key constraint",
        "{\"secret\": \"a\", \"cert\": \"{\\\"kty\\\":\\\"oct\\\",\\\"k\\\":\\\"YQ\\\"}\"} "
            + "| duplicate key constraints",
        "{\"secret\": \"a\", \"foo\": 1} | unknown token validation constraint: foo",
        "{\"secret\": 1} | secret constraint: must be a string",
        "{\"cert\": 1} | cert constraint: must be a string",
        "{\"secret\": \"a\", \"time\": \"now\"} | token time constraint: must be a number",
        "{\"secret\": \"a\", \"time\": -1} | token time constraint: must not be negative",
        "{\"secret\": \"a\", \"time\": 1e400} | token time constraint: unvalid float64"})
    void rejectsInvalidConstraints(String constraints, String message) throws Exception {
      assertThat(family.builtinError("io.jwt.decode_verify", str(hs256("{}")), json(constraints)))
          .isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"exp\":null} | exp value must be a number",
        "{\"nbf\":\"soon\"} | nbf value must be a number"})
    void rejectsTimeClaimsThatAreNotNumbers(String payload, String message) throws Exception {
      assertThat(family.builtinError("io.jwt.decode_verify", str(hs256(payload)),
          json(SECRET + "}"))).isEqualTo(message);
    }
  }

  @Nested
  class EncodeSign {
    @Test
    void signsRawTextAsGiven() throws Exception {
      assertThat(family.call("io.jwt.encode_sign_raw", str(RFC_HEADER), str(RFC_PAYLOAD),
          str(RFC_JWK))).isEqualTo(str(RFC_TOKEN));
    }

    @Test
    void encodesObjectsAsCompactJsonWithSortedKeys() throws Exception {
      Value token = family.call("io.jwt.encode_sign", json("{\"typ\":\"JWT\",\"alg\":\"HS256\"}"),
          json("{\"b\":[1,2],\"a\":\"<&>\"}"), json(RFC_JWK));
      String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
          + b64("{\"a\":\"\\u003c\\u0026\\u003e\",\"b\":[1,2]}");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(RFC_KEY), "HmacSHA256"));
      assertThat(token).isEqualTo(
          str(input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)))));
    }

    @Test
    void signsRs256AsTheJdkDoes() throws Exception {
      RSAPrivateCrtKey k = (RSAPrivateCrtKey) RSA_KEY;
      String jwk = rsaPublicJwk(k, ",\"d\":\"" + b64(CryptoKeys.unsigned(k.getPrivateExponent()))
          + "\",\"p\":\"" + b64(CryptoKeys.unsigned(k.getPrimeP())) + "\",\"q\":\""
          + b64(CryptoKeys.unsigned(k.getPrimeQ())) + "\"");
      assertThat(family.call("io.jwt.encode_sign_raw", str("{\"alg\":\"RS256\"}"),
          str("{\"sub\":\"x\"}"), str(jwk)))
          .isEqualTo(str(signed("{\"alg\":\"RS256\"}", "{\"sub\":\"x\"}", "SHA256withRSA",
              RSA_KEY)));
    }

    @ParameterizedTest
    @CsvSource({"ES256, es256", "PS384, ps384", "EdDSA, eddsa"})
    void signsSoThatTheVerifiersAccept(String alg, String verifier) throws Exception {
      String jwk;
      String verificationKey;
      if (alg.equals("ES256")) {
        jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\","
            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
            + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\","
            + "\"d\":\"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI\"}"; // RFC 7515 A.3
        verificationKey = jwk.replaceAll(",\"d\":\"[^\"]+\"", "");
      } else if (alg.equals("PS384")) {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) RSA_KEY;
        jwk = rsaPublicJwk(k, ",\"d\":\"" + b64(CryptoKeys.unsigned(k.getPrivateExponent()))
            + "\"");
        verificationKey = CryptoTestFixtures.LEAF;
      } else {
        jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
            + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\","
            + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\"}"; // RFC 8037 A.1
        verificationKey = jwk.replaceAll(",\"d\":\"[^\"]+\"", "");
      }
      Value token = family.call("io.jwt.encode_sign", json("{\"alg\":\"" + alg + "\"}"),
          json("{\"sub\":\"x\"}"), json(jwk));
      assertThat(family.call("io.jwt.verify_" + verifier, token, str(verificationKey)))
          .isEqualTo(BooleanValue.TRUE);
    }

    @Test
    void allowsNonJsonPayloadsOnlyForOtherTypes() throws Exception {
      assertThat(family.call("io.jwt.encode_sign_raw", str("{\"alg\":\"HS256\",\"typ\":\"text\"}"),
          str("hello"), str(RFC_JWK))).isInstanceOf(StringValue.class);
      assertThat(family.builtinError("io.jwt.encode_sign_raw", str("{\"alg\":\"HS256\"}"),
          str("hello"), str(RFC_JWK))).isEqualTo("type is JWT but payload is not JSON");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | " + RFC_JWK_PLACEHOLDER + " | unexpected end of JSON input",
        "e | " + RFC_JWK_PLACEHOLDER + " | invalid character 'e' looking for beginning of value",
        "{\"typ:\"JWT\"} | " + RFC_JWK_PLACEHOLDER + " | invalid character 'J' after object key",
        "{\"alg\":\"dummy\"} | " + RFC_JWK_PLACEHOLDER + " | unknown signature algorithm",
        "{} | " + RFC_JWK_PLACEHOLDER + " | unknown signature algorithm",
        "[1] | " + RFC_JWK_PLACEHOLDER
            + " | json: cannot unmarshal array into Go value of type jws.StandardHeaders",
        "{\"alg\":\"HS256\"} | {\"keys\":[]} | no keys found in JWK set",
        "{\"alg\":\"HS256\"} | {\"kty\":\"oct\"} | required field k is missing",
        "{\"alg\":\"RS256\"} | " + RFC_JWK_PLACEHOLDER
            + " | failed to sign payload: invalid key type HMAC for algorithm RS256"})
    void reportsUnusableHeadersAndKeys(String header, String jwk, String message) {
      String key = jwk.equals(RFC_JWK_PLACEHOLDER) ? RFC_JWK : jwk;
      assertThat(family.builtinError("io.jwt.encode_sign_raw", str(header), str("{}"), str(key)))
          .isEqualTo(message);
    }
  }

  private static final String RFC_JWK_PLACEHOLDER = "RFC_JWK";
}
