package dev.ctpat.rego.builtins;

import static dev.ctpat.rego.builtins.BuiltinTestSupport.at;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.json;
import static dev.ctpat.rego.builtins.BuiltinTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ctpat.rego.builtins.BuiltinTestSupport.Family;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CryptoBuiltinsTest {
  private static final String CHAIN_LEAF_FIRST = CryptoTestFixtures.LEAF
      + CryptoTestFixtures.INTERMEDIATE + CryptoTestFixtures.ROOT_CA;
  private static final String CHAIN_ROOT_FIRST = CryptoTestFixtures.ROOT_CA
      + CryptoTestFixtures.INTERMEDIATE + CryptoTestFixtures.LEAF;
  private static final long JUNE_2027_NS = 1_811_808_000_000_000_000L;

  private final Family family =
      new Family(new CryptoBuiltins(), java.time.Instant.parse("2027-06-01T00:00:00Z"));

  @Test
  void registersOpasX509AndKeyBuiltins() {
    assertThat(family.builtins()).containsOnlyKeys("crypto.x509.parse_certificates",
        "crypto.x509.parse_and_verify_certificates",
        "crypto.x509.parse_and_verify_certificates_with_options",
        "crypto.x509.parse_certificate_request", "crypto.x509.parse_keypair",
        "crypto.x509.parse_rsa_private_key", "crypto.parse_private_keys");
    assertThat(family.builtins().values()).allMatch(b -> b.category().equals("crypto"))
        .noneMatch(Builtin::nondeterministic);
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The DER bytes of the blocks of a PEM text, concatenated, in base64. */
  private static String base64Der(String pem) {
    java.io.ByteArrayOutputStream der = new java.io.ByteArrayOutputStream();
    for (String block : pem.split("-----END [A-Z ]+-----\n?")) {
      StringBuilder body = new StringBuilder();
      for (String line : block.split("\n")) {
        if (!line.startsWith("-----")) {
          body.append(line);
        }
      }
      der.writeBytes(Base64.getDecoder().decode(body.toString()));
    }
    return Base64.getEncoder().encodeToString(der.toByteArray());
  }

  private static List<String> commonNames(Value certs) {
    List<String> out = new ArrayList<>();
    for (Value c : ((ArrayValue) certs).elements()) {
      out.add(((StringValue) at(c, "Subject", "CommonName")).value());
    }
    return out;
  }

  @Nested
  class ParseCertificates {
    private Value leaf() throws BuiltinException {
      return at(family.call("crypto.x509.parse_certificates", str(CHAIN_LEAF_FIRST)), 0);
    }

    @Test
    void readsEveryCertificateOfAPemChainInOrder() throws Exception {
      Value certs = family.call("crypto.x509.parse_certificates", str(CHAIN_LEAF_FIRST));
      assertThat(commonNames(certs)).containsExactly(
          "www.example.com", "Example Intermediate", "Example Root CA");
    }

    @Test
    void readsBase64OfPemAndBase64OfConcatenatedDer() throws Exception {
      Value fromPem = family.call("crypto.x509.parse_certificates", str(CHAIN_LEAF_FIRST));
      assertThat(family.call("crypto.x509.parse_certificates", str(base64(CHAIN_LEAF_FIRST))))
          .isEqualTo(fromPem);
      assertThat(family.call("crypto.x509.parse_certificates",
          str(base64Der(CHAIN_LEAF_FIRST)))).isEqualTo(fromPem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Version | 3",
        "SerialNumber | 5373003642731685151011",
        "SignatureAlgorithm | 10",
        "PublicKeyAlgorithm | 1",
        "NotBefore | \"2026-11-27T22:10:25Z\"",
        "NotAfter | \"2032-05-19T22:10:25Z\"",
        "KeyUsage | 5",
        "ExtKeyUsage | [1, 2]",
        "UnknownExtKeyUsage | [[1, 2, 3, 4, 99]]",
        "BasicConstraintsValid | true",
        "IsCA | false",
        "MaxPathLen | -1",
        "DNSNames | [\"www.example.com\", \"*.api.example.com\"]",
        "EmailAddresses | [\"admin@example.com\"]",
        "IPAddresses | [\"10.1.2.3\", \"10.0.0.1\"]",
        "URIStrings | [\"spiffe://example.com/ns/default/sa/web\"]",
        "OCSPServer | [\"http://ocsp.example.com\"]",
        "IssuingCertificateURL | [\"http://ca.example.com/int.crt\"]",
        "CRLDistributionPoints | [\"http://crl.example.com/int.crl\"]",
        "AuthorityKeyId | \"ojXjsj4SlLwcLkUyInW67sBw6U0=\"",
        "PolicyIdentifiers | null",
        "UnhandledCriticalExtensions | null",
        "ExtraExtensions | null"})
    void writesTheLeafAsGoWritesAnX509Certificate(String field, String expected)
        throws Exception {
      assertThat(at(leaf(), field)).isEqualTo(json(expected));
    }

    @Test
    void writesNamesAsPkixNames() throws Exception {
      assertThat(at(leaf(), "Subject")).isEqualTo(json("""
          {"Country": ["DE"], "Organization": ["Leaf Co"], "OrganizationalUnit": null,
           "Locality": ["Berlin"], "Province": ["Berlin"], "StreetAddress": null,
           "PostalCode": null, "SerialNumber": "", "CommonName": "www.example.com",
           "Names": [{"Type": [2, 5, 4, 6], "Value": "DE"},
                     {"Type": [2, 5, 4, 8], "Value": "Berlin"},
                     {"Type": [2, 5, 4, 7], "Value": "Berlin"},
                     {"Type": [2, 5, 4, 10], "Value": "Leaf Co"},
                     {"Type": [2, 5, 4, 3], "Value": "www.example.com"},
                     {"Type": [1, 2, 840, 113549, 1, 9, 1], "Value": "admin@example.com"}],
           "ExtraNames": null}"""));
      assertThat(at(leaf(), "Issuer", "CommonName")).isEqualTo(str("Example Intermediate"));
    }

    @Test
    void writesUrisAsGoUrlStructs() throws Exception {
      assertThat(at(leaf(), "URIs")).isEqualTo(json("""
          [{"Scheme": "spiffe", "Opaque": "", "User": null, "Host": "example.com",
            "Path": "/ns/default/sa/web", "RawPath": "", "OmitHost": false, "ForceQuery": false,
            "RawQuery": "", "Fragment": "", "RawFragment": ""}]"""));
    }

    @Test
    void writesNameConstraintsAndBasicConstraintsOfCas() throws Exception {
      Value certs = family.call("crypto.x509.parse_certificates", str(CHAIN_LEAF_FIRST));
      Value root = at(certs, 2);
      assertThat(at(root, "PermittedDNSDomainsCritical")).isEqualTo(BooleanValue.TRUE);
      assertThat(at(root, "PermittedDNSDomains")).isEqualTo(json("[\".example.com\"]"));
      assertThat(at(root, "ExcludedDNSDomains")).isEqualTo(json("[\"bad.example.com\"]"));
      assertThat(at(root, "PermittedIPRanges"))
          .isEqualTo(json("[{\"IP\": \"10.0.0.0\", \"Mask\": \"/wAAAA==\"}]"));
      assertThat(at(root, "PermittedEmailAddresses")).isEqualTo(json("[\"example.com\"]"));
      Value intermediate = at(certs, 1);
      assertThat(at(intermediate, "MaxPathLen")).isEqualTo(json("0"));
      assertThat(at(intermediate, "MaxPathLenZero")).isEqualTo(BooleanValue.TRUE);
      assertThat(at(intermediate, "KeyUsage")).isEqualTo(json("96"));
      assertThat(at(intermediate, "PolicyIdentifiers"))
          .isEqualTo(json("[[2, 23, 140, 1, 2, 1], [1, 2, 3, 4, 5]]"));
      assertThat(at(intermediate, "Policies"))
          .isEqualTo(json("[\"2.23.140.1.2.1\", \"1.2.3.4.5\"]"));
    }

    @Test
    void writesPublicKeysByType() throws Exception {
      Value ec = at(family.call("crypto.x509.parse_certificates",
          str(CryptoTestFixtures.EC_CERT)), 0);
      assertThat(((ObjectValue) at(ec, "PublicKey")).keys())
          .containsExactlyInAnyOrder(str("Curve"), str("X"), str("Y"));
      assertThat(at(ec, "PublicKey", "Curve")).isEqualTo(ObjectValue.EMPTY);
      assertThat(at(ec, "Subject", "SerialNumber")).isEqualTo(str("42"));
      Value ed = at(family.call("crypto.x509.parse_certificates",
          str(CryptoTestFixtures.ED25519_CERT)), 0);
      assertThat(at(ed, "PublicKey"))
          .isEqualTo(str("DLWnnBMm56d0tEDYmrkjFuptQ146gZ5zn6RepJBINX4="));
      assertThat(at(ed, "SignatureAlgorithm")).isEqualTo(json("16"));
      assertThat(at(ed, "PublicKeyAlgorithm")).isEqualTo(json("4"));
      Value rsa = at(family.call("crypto.x509.parse_certificates",
          str(CryptoTestFixtures.ROOT_CA)), 0);
      assertThat(at(rsa, "PublicKey", "E")).isEqualTo(json("65537"));
    }

    @Test
    void returnsAnEmptyArrayForEmptyInput() throws Exception {
      assertThat(family.call("crypto.x509.parse_certificates", str("")))
          .isEqualTo(ArrayValue.EMPTY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foobar | illegal base64 data at input byte 4",
        "Zm9vYmFy | x509: malformed certificate",
        "MAA= | x509: malformed tbs certificate"})
    void reportsUnreadableInputAsGoDoes(String input, String message) {
      assertThat(family.builtinError("crypto.x509.parse_certificates", str(input)))
          .isEqualTo(message);
    }

    @Test
    void rejectsPemBlocksOfOtherTypes() {
      assertThat(family.builtinError("crypto.x509.parse_certificates",
          str(CryptoTestFixtures.LEAF + CryptoTestFixtures.EC_KEY)))
          .isEqualTo("PEM block type is 'EC PRIVATE KEY', expected CERTIFICATE");
    }
  }

  @Nested
  class ParseAndVerifyCertificates {
    @Test
    void returnsTheChainFromLeafToRootWhenItVerifies() throws Exception {
      Value result = family.call("crypto.x509.parse_and_verify_certificates",
          str(CHAIN_ROOT_FIRST));
      assertThat(at(result, 0)).isEqualTo(BooleanValue.TRUE);
      assertThat(commonNames(at(result, 1))).containsExactly(
          "www.example.com", "Example Intermediate", "Example Root CA");
      assertThat(at(result, 1, 0, "URIStrings"))
          .isEqualTo(json("[\"spiffe://example.com/ns/default/sa/web\"]"));
    }

    @Test
    void failsWhenTheRootDoesNotComeFirst() throws Exception {
      assertThat(family.call("crypto.x509.parse_and_verify_certificates",
          str(CHAIN_LEAF_FIRST))).isEqualTo(json("[false, []]"));
    }

    @Test
    void checksValidityAtTheQueryTime() throws Exception {
      family.setNow(java.time.Instant.parse("2040-01-01T00:00:00Z"));
      assertThat(family.call("crypto.x509.parse_and_verify_certificates",
          str(CHAIN_ROOT_FIRST))).isEqualTo(json("[false, []]"));
    }

    @Test
    void enforcesTheRootsNameConstraints() throws Exception {
      String chain = CryptoTestFixtures.ROOT_CA + CryptoTestFixtures.INTERMEDIATE
          + CryptoTestFixtures.LEAF_OUTSIDE_CONSTRAINTS;
      assertThat(family.call("crypto.x509.parse_and_verify_certificates", str(chain)))
          .isEqualTo(json("[false, []]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "not base64!", "-----BEGIN CERTIFICATE-----"})
    void treatsUnreadableInputAsUnverified(String input) throws Exception {
      assertThat(family.call("crypto.x509.parse_and_verify_certificates", str(input)))
          .isEqualTo(json("[false, []]"));
    }

    @Test
    void needsAtLeastTwoCertificates() throws Exception {
      assertThat(family.call("crypto.x509.parse_and_verify_certificates",
          str(CryptoTestFixtures.ROOT_CA))).isEqualTo(json("[false, []]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"DNSName\": \"www.example.com\"} | true",
        "{\"DNSName\": \"\\\"foo.api.example.com\\\"\"} | true",
        "{\"DNSName\": \"10.1.2.3\"} | true",
        "{\"DNSName\": \"example.org\"} | false",
        "{\"KeyUsages\": [\"KeyUsageClientAuth\"]} | true",
        "{\"KeyUsages\": [\"KeyUsageCodeSigning\"]} | false",
        "{\"KeyUsages\": [\"KeyUsageAny\"]} | true",
        "{\"CurrentTime\": 1700000000000000000} | false",
        "{\"MaxConstraintComparisons\": 1} | false"})
    void appliesVerifyOptions(String options, boolean verified) throws Exception {
      ObjectValue.Builder withTime = ObjectValue.builder()
          .put("CurrentTime", json(Long.toString(JUNE_2027_NS)));
      ((ObjectValue) json(options)).entries().forEach(withTime::put);
      Value result = family.call("crypto.x509.parse_and_verify_certificates_with_options",
          str(CHAIN_ROOT_FIRST), withTime.build());
      assertThat(at(result, 0)).isEqualTo(BooleanValue.of(verified));
      if (verified) {
        assertThat(((ObjectValue) at(result, 1, 0)).containsKey(str("URIStrings"))).isFalse();
      }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"Foo\": 1} | invalid key option",
        "{\"DNSName\": 1} | 'DNSName' should be a string",
        "{\"CurrentTime\": \"now\"} | 'CurrentTime' should be a number",
        "{\"CurrentTime\": 1.5} | 'CurrentTime' should be a valid int64 number",
        "{\"MaxConstraintComparisons\": \"x\"} | 'MaxConstraintComparisons' should be a number",
        "{\"KeyUsages\": \"KeyUsageAny\"} | 'KeyUsages' should be an Array or Set",
        "{\"KeyUsages\": [\"Bad\", \"KeyUsageAny\", \"Worse\"]} "
            + "| invalid entries for 'KeyUsages' found: [Bad Worse]"})
    void rejectsInvalidOptions(String options, String message) {
      assertThat(family.builtinError("crypto.x509.parse_and_verify_certificates_with_options",
          str(CHAIN_ROOT_FIRST), json(options))).isEqualTo(message);
    }

    @Test
    void ignoresOptionsWhenTheCertificatesCannotBeRead() throws Exception {
      assertThat(family.call("crypto.x509.parse_and_verify_certificates_with_options",
          str("garbage"), json("{\"Foo\": 1}"))).isEqualTo(json("[false, []]"));
    }
  }

  @Nested
  class ParseCertificateRequest {
    @Test
    void readsPemBase64PemAndBase64Der() throws Exception {
      String pem = CryptoTestFixtures.LEAF_CSR;
      Value fromPem = family.call("crypto.x509.parse_certificate_request", str(pem));
      assertThat(at(fromPem, "Subject", "CommonName")).isEqualTo(str("www.example.com"));
      assertThat(family.call("crypto.x509.parse_certificate_request", str(base64(pem))))
          .isEqualTo(fromPem);
      assertThat(family.call("crypto.x509.parse_certificate_request", str(base64Der(pem))))
          .isEqualTo(fromPem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Version | 0",
        "SignatureAlgorithm | 10",
        "PublicKeyAlgorithm | 3",
        "DNSNames | [\"a.example.com\"]",
        "EmailAddresses | [\"x@example.com\"]",
        "IPAddresses | [\"::1\", \"2001:db8::5\"]",
        "Extensions | [{\"Id\": [2, 5, 29, 17], \"Critical\": false, \"Value\": "
            + "\"MGiCDWEuZXhhbXBsZS5jb22BDXhAZXhhbXBsZS5jb22HEAAAAAAAAAAAAAAAAAAAAAGHECABDb"
            + "gAAAAAAAAAAAAAAAWGJGh0dHBzOi8vdS5leGFtcGxlLmNvbTo4NDQzL3AlMjBhP3E9MQ==\"}, "
            + "{\"Id\": [2, 5, 29, 15], \"Critical\": true, \"Value\": \"AwIHgA==\"}, "
            + "{\"Id\": [2, 5, 29, 19], \"Critical\": true, \"Value\": \"MAA=\"}, "
            + "{\"Id\": [1, 2, 3, 4], \"Critical\": false, \"Value\": \"DAVoZWxsbw==\"}]",
        "URIs | [{\"Scheme\": \"https\", \"Opaque\": \"\", \"User\": null, "
            + "\"Host\": \"u.example.com:8443\", \"Path\": \"/p a\", \"RawPath\": \"\", "
            + "\"OmitHost\": false, \"ForceQuery\": false, \"RawQuery\": \"q=1\", "
            + "\"Fragment\": \"\", \"RawFragment\": \"\"}]"})
    void writesTheRequestAsGoWritesIt(String field, String expected) throws Exception {
      Value csr = family.call("crypto.x509.parse_certificate_request",
          str(CryptoTestFixtures.EC_CSR));
      assertThat(at(csr, field)).isEqualTo(json(expected));
    }

    @Test
    void keepsTheDeprecatedAttributesAsEncodingAsn1ReadsThem() throws Exception {
      Value csr = family.call("crypto.x509.parse_certificate_request",
          str(CryptoTestFixtures.EC_CSR));
      Value pairs = at(csr, "Attributes", 0, "Value", 0);
      assertThat(at(csr, "Attributes", 0, "Type")).isEqualTo(json("[1, 2, 840, 113549, 1, 9, 14]"));
      // The second member of each extension is its value, or its critical flag (a boolean,
      // which encoding/asn1 leaves nil).
      assertThat(at(pairs, 1)).isEqualTo(json("{\"Type\": [2, 5, 29, 15], \"Value\": null}"));
      assertThat(at(pairs, 3))
          .isEqualTo(json("{\"Type\": [1, 2, 3, 4], \"Value\": \"DAVoZWxsbw==\"}"));
    }

    @Test
    void reportsDerThatIsNotARequestAsAnAsn1StructureError() {
      assertThat(family.builtinError("crypto.x509.parse_certificate_request", str("YmFkc3RyaW5n")))
          .isEqualTo("asn1: structure error: tags don't match (16 vs {class:1 tag:2 length:97 "
              + "isCompound:true}) {optional:false explicit:false application:false "
              + "private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false "
              + "omitEmpty:false} certificateRequest @2");
    }

    @Test
    void rejectsPemBlocksOfOtherTypes() {
      assertThat(family.builtinError("crypto.x509.parse_certificate_request",
          str(base64(CryptoTestFixtures.LEAF))))
          .isEqualTo("invalid PEM-encoded certificate signing request");
    }
  }

  @Nested
  class ParseKeypair {
    @Test
    void returnsGosTlsCertificate() throws Exception {
      Value pair = family.call("crypto.x509.parse_keypair",
          str(CryptoTestFixtures.LEAF + CryptoTestFixtures.INTERMEDIATE),
          str(CryptoTestFixtures.LEAF_KEY));
      assertThat(at(pair, "Certificate")).isEqualTo(ArrayValue.of(
          str(base64Der(CryptoTestFixtures.LEAF)),
          str(base64Der(CryptoTestFixtures.INTERMEDIATE))));
      assertThat(at(pair, "Leaf", "Subject", "CommonName")).isEqualTo(str("www.example.com"));
      assertThat(at(pair, "PrivateKey", "E")).isEqualTo(json("65537"));
      assertThat(at(pair, "PrivateKey", "Precomputed", "CRTValues")).isEqualTo(ArrayValue.EMPTY);
      assertThat(at(pair, "OCSPStaple")).isEqualTo(NullValue.INSTANCE);
    }

    @Test
    void acceptsBase64OfPemOrOfDer() throws Exception {
      Value expected = family.call("crypto.x509.parse_keypair", str(CryptoTestFixtures.EC_CERT),
          str(CryptoTestFixtures.EC_KEY));
      assertThat(family.call("crypto.x509.parse_keypair",
          str(base64Der(CryptoTestFixtures.EC_CERT)), str(base64(CryptoTestFixtures.EC_KEY))))
          .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LEAF | EC_KEY | tls: private key type does not match public key type",
        "EC_CERT | EC_KEY_PKCS8 | ",
        "ED25519_CERT | ED25519_KEY | ",
        "ROOT_CA | LEAF_KEY | tls: private key does not match public key",
        "LEAF_KEY | LEAF_KEY | tls: failed to find certificate PEM data in certificate input, "
            + "but did find a private key; PEM inputs may have been switched",
        "LEAF | LEAF | tls: found a certificate rather than a key in the PEM for the private key"})
    void checksThatTheKeyMatchesTheCertificate(String cert, String key, String error)
        throws Exception {
      Value c = str(fixture(cert));
      Value k = str(fixture(key));
      if (error == null) {
        assertThat(family.call("crypto.x509.parse_keypair", c, k)).isNotNull();
      } else {
        assertThat(family.builtinError("crypto.x509.parse_keypair", c, k)).isEqualTo(error);
      }
    }

    private String fixture(String name) throws ReflectiveOperationException {
      return (String) CryptoTestFixtures.class.getDeclaredField(name).get(null);
    }

    @Test
    void reportsMissingPemData() {
      assertThat(family.builtinError("crypto.x509.parse_keypair", str("-----BEGIN nothing"),
          str(CryptoTestFixtures.LEAF_KEY)))
          .isEqualTo("tls: failed to find any PEM data in certificate input");
    }
  }

  @Nested
  class PrivateKeys {
    @Test
    void parseRsaPrivateKeyReturnsAJsonWebKey() throws Exception {
      Value jwk = family.call("crypto.x509.parse_rsa_private_key",
          str(CryptoTestFixtures.RSA_1024_KEY));
      assertThat(((ObjectValue) jwk).keys()).containsExactlyInAnyOrder(str("kty"), str("n"),
          str("e"), str("d"), str("p"), str("q"), str("dp"), str("dq"), str("qi"));
      assertThat(at(jwk, "kty")).isEqualTo(str("RSA"));
      assertThat(at(jwk, "e")).isEqualTo(str("AQAB"));
      assertThat(family.call("crypto.x509.parse_rsa_private_key",
          str(base64(CryptoTestFixtures.RSA_1024_KEY)))).isEqualTo(jwk);
    }

    @Test
    void parseRsaPrivateKeyWritesEcKeysAsEcJwks() throws Exception {
      Value jwk = family.call("crypto.x509.parse_rsa_private_key",
          str(CryptoTestFixtures.EC_KEY));
      assertThat(at(jwk, "kty")).isEqualTo(str("EC"));
      assertThat(at(jwk, "crv")).isEqualTo(str("P-256"));
      assertThat(at(jwk, "x").toString()).hasSize(2 + 43);
    }

    @Test
    void parseRsaPrivateKeyIsNullWithoutKeyBlocks() throws Exception {
      assertThat(family.call("crypto.x509.parse_rsa_private_key",
          str(CryptoTestFixtures.EC_CERT))).isEqualTo(NullValue.INSTANCE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | input PEM data was empty",
        "invalid | illegal base64 data at input byte 4"})
    void parseRsaPrivateKeyRejectsInvalidInput(String input, String message) {
      assertThat(family.builtinError("crypto.x509.parse_rsa_private_key", str(input)))
          .isEqualTo(message);
    }

    @Test
    void parsePrivateKeysWritesEachKeyAsGoDoes() throws Exception {
      Value keys = family.call("crypto.parse_private_keys", str(CryptoTestFixtures.RSA_1024_KEY
          + CryptoTestFixtures.EC_KEY + CryptoTestFixtures.ED25519_KEY
          + CryptoTestFixtures.EC_KEY_PKCS8));
      assertThat(((ObjectValue) at(keys, 0)).keys()).containsExactlyInAnyOrder(str("N"),
          str("E"), str("D"), str("Primes"), str("Precomputed"));
      assertThat(((ObjectValue) at(keys, 1)).keys()).containsExactlyInAnyOrder(str("Curve"),
          str("X"), str("Y"), str("D"));
      assertThat(at(keys, 2)).isEqualTo(str("TOtNgboXxxsbCQZiuC/S+HEeOH0FdQPXoWPYOEQ+TUMMtaec"
          + "Eybnp3S0QNiauSMW6m1DXjqBnnOfpF6kkEg1fg=="));
      assertThat(at(keys, 3)).isEqualTo(at(keys, 1));
    }

    @Test
    void parsePrivateKeysComputesAMissingEcPublicKey() throws Exception {
      Value keys = family.call("crypto.parse_private_keys",
          str(CryptoTestFixtures.EC_KEY + CryptoTestFixtures.EC_KEY_WITHOUT_PUBLIC_KEY));
      assertThat(at(keys, 1)).isEqualTo(at(keys, 0));
    }

    @Test
    void parsePrivateKeysSkipsOtherBlocksAndStopsAtText() throws Exception {
      assertThat(family.call("crypto.parse_private_keys", str(CryptoTestFixtures.EC_CERT)))
          .isEqualTo(ArrayValue.EMPTY);
      assertThat(family.call("crypto.parse_private_keys", str("no PEM here")))
          .isEqualTo(ArrayValue.EMPTY);
      assertThat(family.call("crypto.parse_private_keys", str(""))).isEqualTo(NullValue.INSTANCE);
    }

    @Test
    void parsePrivateKeysReportsKeysInTheWrongBlock() {
      String pkcs8AsPkcs1 = CryptoTestFixtures.EC_KEY_PKCS8
          .replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY")
          .replace("END PRIVATE KEY", "END RSA PRIVATE KEY");
      assertThat(family.builtinError("crypto.parse_private_keys", str(pkcs8AsPkcs1)))
          .isEqualTo("x509: failed to parse private key "
              + "(use ParsePKCS8PrivateKey instead for this key format)");
    }
  }
}
