package dev.ctpat.rego.builtins;

import dev.ctpat.rego.builtins.CryptoPrivateKeys.Private;
import dev.ctpat.rego.builtins.CryptoPem.Block;
import dev.ctpat.rego.builtins.CryptoPem.Decoded;
import dev.ctpat.rego.builtins.CryptoX509.Certificate;
import dev.ctpat.rego.types.Type;
import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.ArrayValue;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.NullValue;
import dev.ctpat.rego.value.NumberValue;
import dev.ctpat.rego.value.ObjectValue;
import dev.ctpat.rego.value.SetValue;
import dev.ctpat.rego.value.StringValue;
import dev.ctpat.rego.value.Value;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The X.509 and key parsing builtins of OPA's crypto category: certificates (optionally
 * verified as a chain), certificate signing requests, key pairs and private keys. Inputs are
 * PEM text, or base64 of PEM or DER, as OPA accepts them; outputs are the JSON Go's
 * {@code encoding/json} writes for Go's certificate and key types. The digests and HMACs of the
 * crypto category are in {@link HashBuiltins}.
 *
 * <p>Chain verification uses the query's clock where Go uses the wall clock.
 */
final class CryptoBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "crypto";
  private static final Type OBJECT = Types.objectOf(Types.STRING, Types.ANY);
  private static final Type VERIFIED = Types.tuple(Types.BOOLEAN, Types.arrayOf(OBJECT));
  private static final ArrayValue UNVERIFIED = ArrayValue.of(BooleanValue.FALSE, ArrayValue.EMPTY);
  private static final String CERTIFICATE = "CERTIFICATE";
  private static final byte[] BEGIN = "-----BEGIN".getBytes(StandardCharsets.US_ASCII);
  private static final String[] KEY_USAGES = {
      "KeyUsageAny", "KeyUsageServerAuth", "KeyUsageClientAuth", "KeyUsageCodeSigning",
      "KeyUsageEmailProtection", "KeyUsageIPSECEndSystem", "KeyUsageIPSECTunnel",
      "KeyUsageIPSECUser", "KeyUsageTimeStamping", "KeyUsageOCSPSigning",
      "KeyUsageMicrosoftServerGatedCrypto", "KeyUsageNetscapeServerGatedCrypto",
      "KeyUsageMicrosoftCommercialCodeSigning", "KeyUsageMicrosoftKernelCodeSigning"};

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(Builtin.function(CATEGORY, "crypto.x509.parse_certificates",
        Types.fn(Types.arrayOf(OBJECT), Types.STRING),
        (ctx, args) -> json(certificates(Operands.string(args, 0)), true)));
    out.accept(Builtin.function(CATEGORY, "crypto.x509.parse_and_verify_certificates",
        Types.fn(VERIFIED, Types.STRING),
        (ctx, args) -> parseAndVerify(Operands.string(args, 0), null, ctx.now())));
    out.accept(Builtin.function(CATEGORY,
        "crypto.x509.parse_and_verify_certificates_with_options",
        Types.fn(VERIFIED, Types.STRING, OBJECT),
        (ctx, args) -> parseAndVerify(Operands.string(args, 0), Operands.object(args, 1),
            ctx.now())));
    out.accept(Builtin.function(CATEGORY, "crypto.x509.parse_certificate_request",
        Types.fn(OBJECT, Types.STRING),
        (ctx, args) -> certificateRequest(Operands.string(args, 0))));
    out.accept(Builtin.function(CATEGORY, "crypto.x509.parse_keypair",
        Types.fn(OBJECT, Types.STRING, Types.STRING),
        (ctx, args) -> keyPair(Operands.string(args, 0), Operands.string(args, 1))));
    out.accept(Builtin.function(CATEGORY, "crypto.x509.parse_rsa_private_key",
        Types.fn(OBJECT, Types.STRING),
        (ctx, args) -> rsaPrivateKeyJwk(Operands.string(args, 0))));
    out.accept(Builtin.function(CATEGORY, "crypto.parse_private_keys",
        Types.fn(Types.arrayOf(OBJECT), Types.STRING),
        (ctx, args) -> privateKeys(Operands.string(args, 0))));
  }

  // ---- certificates ------------------------------------------------------------------------

  /** PEM text, or base64 of PEM or of concatenated DER certificates. */
  private static List<Certificate> certificates(String input) throws BuiltinException {
    byte[] bytes = utf8(input);
    if (!startsWithBegin(bytes)) {
      bytes = EncodingBase64.STD.decode(bytes);
    }
    if (startsWithBegin(bytes)) {
      return CryptoX509.parseCertificates(pemCertificates(bytes));
    }
    return CryptoX509.parseCertificates(bytes);
  }

  /** The DER bytes of consecutive CERTIFICATE blocks, up to the first non-PEM text. */
  private static byte[] pemCertificates(byte[] pem) throws BuiltinException {
    ByteArrayOutputStream der = new ByteArrayOutputStream();
    byte[] rest = pem;
    while (rest.length > 0) {
      Decoded d = CryptoPem.decode(rest);
      if (d.block() == null) {
        break;
      }
      if (!d.block().type().equals(CERTIFICATE)) {
        throw BuiltinException.error(
            "PEM block type is '" + d.block().type() + "', expected " + CERTIFICATE);
      }
      der.writeBytes(d.block().bytes());
      rest = d.rest();
    }
    return der.toByteArray();
  }

  private static ArrayValue json(List<Certificate> certs, boolean uriStrings) {
    List<Value> out = new ArrayList<>(certs.size());
    certs.forEach(c -> out.add(c.json(uriStrings)));
    return ArrayValue.of(out);
  }

  private static Value parseAndVerify(String input, ObjectValue options, Instant now)
      throws BuiltinException {
    List<Certificate> certs;
    try {
      certs = certificates(input);
    } catch (BuiltinException e) {
      return UNVERIFIED;
    }
    CryptoX509Verifier.Options opts = options == null
        ? new CryptoX509Verifier.Options("", now, List.of(), 0) : verifyOptions(options, now);
    List<Certificate> chain = CryptoX509Verifier.verify(certs, opts);
    if (chain == null) {
      return UNVERIFIED;
    }
    // Only the builtin without options adds OPA's URIStrings field.
    return ArrayValue.of(BooleanValue.TRUE, json(chain, options == null));
  }

  /** OPA's {@code extractVerifyOpts}, with its messages. */
  private static CryptoX509Verifier.Options verifyOptions(ObjectValue options, Instant now)
      throws BuiltinException {
    String dnsName = "";
    Instant time = now;
    List<Integer> usages = new ArrayList<>();
    int maxComparisons = 0;
    for (Value key : options.sortedKeys()) {
      if (!(key instanceof StringValue k)) {
        continue;
      }
      Value v = options.get(key);
      switch (k.value()) {
        case "DNSName" -> {
          if (!(v instanceof StringValue s)) {
            throw BuiltinException.error("'DNSName' should be a string");
          }
          dnsName = trimQuotes(s.value());
        }
        case "CurrentTime" -> {
          if (!(v instanceof NumberValue n)) {
            throw BuiltinException.error("'CurrentTime' should be a number");
          }
          if (!n.isLong()) {
            throw BuiltinException.error("'CurrentTime' should be a valid int64 number");
          }
          time = Instant.ofEpochSecond(0, n.longValueExact());
        }
        case "MaxConstraintComparisons" -> {
          if (!(v instanceof NumberValue n)) {
            throw BuiltinException.error("'MaxConstraintComparisons' should be a number");
          }
          if (!n.isInt()) {
            throw BuiltinException.error("'MaxConstraintComparisons' should be a valid number");
          }
          maxComparisons = n.intValueExact();
        }
        case "KeyUsages" -> usages = keyUsages(v);
        default -> throw BuiltinException.error("invalid key option");
      }
    }
    return new CryptoX509Verifier.Options(dnsName, time, usages, maxComparisons);
  }

  private static List<Integer> keyUsages(Value v) throws BuiltinException {
    List<Value> items;
    if (v instanceof ArrayValue a) {
      items = a.elements();
    } else if (v instanceof SetValue s) {
      items = s.sorted();
    } else {
      throw BuiltinException.error("'KeyUsages' should be an Array or Set");
    }
    List<Integer> usages = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (Value item : items) {
      if (item instanceof StringValue s) {
        String name = trimQuotes(s.value());
        int usage = Arrays.asList(KEY_USAGES).indexOf(name);
        if (usage >= 0) {
          usages.add(usage);
        } else {
          invalid.add(name);
        }
      }
    }
    if (!invalid.isEmpty()) {
      throw BuiltinException.error("invalid entries for 'KeyUsages' found: ["
          + String.join(" ", invalid) + "]");
    }
    return usages;
  }

  /** Go's {@code strings.Trim(s, "\"")}. */
  private static String trimQuotes(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == '"') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '"') {
      to--;
    }
    return s.substring(from, to);
  }

  private static Value certificateRequest(String input) throws BuiltinException {
    byte[] bytes = utf8(input);
    if (!input.startsWith("-----BEGIN CERTIFICATE REQUEST-----")) {
      bytes = EncodingBase64.STD.decode(bytes);
    }
    Block block = CryptoPem.decode(bytes).block();
    if (block != null && !block.type().equals("CERTIFICATE REQUEST")) {
      throw BuiltinException.error("invalid PEM-encoded certificate signing request");
    }
    return CryptoX509Requests.parse(block != null ? block.bytes() : bytes);
  }

  // ---- key pairs ---------------------------------------------------------------------------

  /** Go's {@code tls.X509KeyPair} on PEM or base64 input, as a {@code tls.Certificate}. */
  private static Value keyPair(String certInput, String keyInput) throws BuiltinException {
    List<Block> certBlocks = blocks(certInput, CERTIFICATE);
    List<Block> keyBlocks = blocks(keyInput, "PRIVATE KEY");
    List<Value> chain = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    byte[] leafDer = null;
    for (Block b : certBlocks) {
      if (b.type().equals(CERTIFICATE)) {
        leafDer = leafDer == null ? b.bytes() : leafDer;
        chain.add(CryptoKeys.base64(b.bytes()));
      } else {
        skipped.add(b.type());
      }
    }
    if (leafDer == null) {
      throw noCertificate(skipped);
    }
    Block keyBlock = keyBlock(keyBlocks);
    Certificate leaf = CryptoX509.parse(leafDer);
    if (leaf.raw.length != leafDer.length) {
      throw CryptoX509.error("trailing data");
    }
    Private key = tlsPrivateKey(keyBlock.bytes());
    checkMatch(leaf.publicKey, key);
    return ObjectValue.builder()
        .put("Certificate", ArrayValue.of(chain))
        .put("PrivateKey", key.json())
        .put("SupportedSignatureAlgorithms", NullValue.INSTANCE)
        .put("OCSPStaple", NullValue.INSTANCE)
        .put("SignedCertificateTimestamps", NullValue.INSTANCE)
        .put("Leaf", leaf.json(false))
        .build();
  }

  /**
   * The PEM blocks of an input: PEM text is read as such; base64 is decoded first, and decoded
   * bytes that are not PEM are one block of DER of {@code derType}.
   */
  private static List<Block> blocks(String input, String derType) throws BuiltinException {
    byte[] bytes = utf8(input);
    if (!startsWithBegin(bytes)) {
      bytes = EncodingBase64.STD.decode(bytes);
      if (!startsWithBegin(bytes)) {
        return List.of(new Block(derType, bytes));
      }
    }
    List<Block> out = new ArrayList<>();
    for (Decoded d = CryptoPem.decode(bytes); d.block() != null; d = CryptoPem.decode(d.rest())) {
      out.add(d.block());
    }
    return out;
  }

  private static BuiltinException noCertificate(List<String> skipped) {
    if (skipped.isEmpty()) {
      return BuiltinException.error("tls: failed to find any PEM data in certificate input");
    }
    if (skipped.size() == 1 && skipped.get(0).endsWith("PRIVATE KEY")) {
      return BuiltinException.error("tls: failed to find certificate PEM data in certificate "
          + "input, but did find a private key; PEM inputs may have been switched");
    }
    return BuiltinException.error("tls: failed to find \"CERTIFICATE\" PEM block in certificate "
        + "input after skipping PEM blocks of the following types: " + goList(skipped));
  }

  private static Block keyBlock(List<Block> blocks) throws BuiltinException {
    List<String> skipped = new ArrayList<>();
    for (Block b : blocks) {
      if (b.type().equals("PRIVATE KEY") || b.type().endsWith(" PRIVATE KEY")) {
        return b;
      }
      skipped.add(b.type());
    }
    if (skipped.isEmpty()) {
      throw BuiltinException.error("tls: failed to find any PEM data in key input");
    }
    if (skipped.size() == 1 && skipped.get(0).equals(CERTIFICATE)) {
      throw BuiltinException.error(
          "tls: found a certificate rather than a key in the PEM for the private key");
    }
    throw BuiltinException.error("tls: failed to find PEM block with type ending in \"PRIVATE "
        + "KEY\" in key input after skipping PEM blocks of the following types: "
        + goList(skipped));
  }

  private static String goList(List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }

  /** The TLS package's key parsing: PKCS #1, then PKCS #8 (no X25519), then SEC 1. */
  private static Private tlsPrivateKey(byte[] der) throws BuiltinException {
    try {
      return CryptoPrivateKeys.parsePkcs1(der);
    } catch (BuiltinException notPkcs1) {
      // try the next format
    }
    Private pkcs8 = null;
    try {
      pkcs8 = CryptoPrivateKeys.parsePkcs8(der);
    } catch (BuiltinException notPkcs8) {
      // try the next format
    }
    if (pkcs8 != null) {
      if (pkcs8.publicKey() == null) {
        throw BuiltinException.error("tls: found unknown private key type in PKCS#8 wrapping");
      }
      return pkcs8;
    }
    try {
      return CryptoPrivateKeys.parseSec1(der);
    } catch (BuiltinException notSec1) {
      throw BuiltinException.error("tls: failed to parse private key");
    }
  }

  private static void checkMatch(PublicKey pub, Private key) throws BuiltinException {
    boolean sameType;
    boolean same;
    if (pub instanceof RSAPublicKey p) {
      sameType = key.publicKey() instanceof RSAPublicKey;
      same = sameType && p.getModulus().equals(((RSAPublicKey) key.publicKey()).getModulus());
    } else if (pub instanceof ECPublicKey p) {
      sameType = key.publicKey() instanceof ECPublicKey;
      same = sameType && p.getW().equals(((ECPublicKey) key.publicKey()).getW());
    } else if (pub instanceof EdECPublicKey p) {
      sameType = key.publicKey() instanceof EdECPublicKey;
      same = sameType && Arrays.equals(CryptoKeys.ed25519Bytes(p),
          CryptoKeys.ed25519Bytes((EdECPublicKey) key.publicKey()));
    } else {
      throw BuiltinException.error("tls: unknown public key algorithm");
    }
    if (!sameType) {
      throw BuiltinException.error("tls: private key type does not match public key type");
    }
    if (!same) {
      throw BuiltinException.error("tls: private key does not match public key");
    }
  }

  // ---- private keys ------------------------------------------------------------------------

  private static Value rsaPrivateKeyJwk(String input) throws BuiltinException {
    if (input.isEmpty()) {
      throw BuiltinException.error("input PEM data was empty");
    }
    byte[] bytes = utf8(input);
    if (!input.startsWith("-----BEGIN")) {
      bytes = EncodingBase64.STD.decode(bytes);
    }
    List<Private> keys = privateKeysFromPem(bytes);
    return keys.isEmpty() ? NullValue.INSTANCE : CryptoPrivateKeys.jwk(keys.get(0));
  }

  private static Value privateKeys(String input) throws BuiltinException {
    if (input.isEmpty()) {
      return NullValue.INSTANCE;
    }
    List<Value> out = new ArrayList<>();
    for (Private key : privateKeysFromPem(utf8(input))) {
      out.add(key.json());
    }
    return ArrayValue.of(out);
  }

  /**
   * OPA's {@code getPrivateKeysFromPEMData}: the input is base64-decoded when it is base64,
   * then private key blocks are read until the text has no more PEM blocks; blocks of other
   * types are skipped.
   */
  private static List<Private> privateKeysFromPem(byte[] input) throws BuiltinException {
    byte[] bytes = input;
    try {
      bytes = EncodingBase64.STD.decode(input);
    } catch (BuiltinException notBase64) {
      // the input is the PEM text itself
    }
    List<Private> keys = new ArrayList<>();
    for (Decoded d = CryptoPem.decode(bytes); d.block() != null; d = CryptoPem.decode(d.rest())) {
      switch (d.block().type()) {
        case "RSA PRIVATE KEY" -> keys.add(CryptoPrivateKeys.parsePkcs1(d.block().bytes()));
        case "PRIVATE KEY" -> keys.add(CryptoPrivateKeys.parsePkcs8(d.block().bytes()));
        case "EC PRIVATE KEY" -> keys.add(CryptoPrivateKeys.parseSec1(d.block().bytes()));
        default -> {
          // other blocks hold no private key
        }
      }
    }
    return keys;
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** Whether the input is PEM text, by OPA's test of its start. */
  private static boolean startsWithBegin(byte[] bytes) {
    return bytes.length >= BEGIN.length
        && Arrays.equals(bytes, 0, BEGIN.length, BEGIN, 0, BEGIN.length);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
