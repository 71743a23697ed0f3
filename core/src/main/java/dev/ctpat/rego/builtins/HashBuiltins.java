package dev.ctpat.rego.builtins;

import dev.ctpat.rego.types.Types;
import dev.ctpat.rego.value.BooleanValue;
import dev.ctpat.rego.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hashing builtins: message digests ({@code crypto.md5}, {@code crypto.sha1},
 * {@code crypto.sha256}), HMACs ({@code crypto.hmac.*}) and a constant-time comparison of MACs.
 * Inputs are hashed as their UTF-8 bytes; results are lowercase hex, as OPA prints them. OPA has
 * no {@code crypto.sha512}, only the HMAC variant.
 */
final class HashBuiltins implements BuiltinFamily {
  private static final String CATEGORY = "crypto";

  @Override
  public void register(Consumer<Builtin> out) {
    out.accept(digest("crypto.md5", "MD5"));
    out.accept(digest("crypto.sha1", "SHA-1"));
    out.accept(digest("crypto.sha256", "SHA-256"));
    out.accept(hmac("crypto.hmac.md5", "HmacMD5"));
    out.accept(hmac("crypto.hmac.sha1", "HmacSHA1"));
    out.accept(hmac("crypto.hmac.sha256", "HmacSHA256"));
    out.accept(hmac("crypto.hmac.sha512", "HmacSHA512"));
    out.accept(Builtin.function(CATEGORY, "crypto.hmac.equal",
        Types.fn(Types.BOOLEAN, Types.STRING, Types.STRING),
        (ctx, args) -> BooleanValue.of(MessageDigest.isEqual(
            utf8(Operands.string(args, 0)), utf8(Operands.string(args, 1))))));
  }

  private static Builtin digest(String name, String algorithm) {
    return Builtin.function(CATEGORY, name, Types.fn(Types.STRING, Types.STRING),
        (ctx, args) -> {
          try {
            byte[] input = utf8(Operands.string(args, 0));
            byte[] sum = MessageDigest.getInstance(algorithm).digest(input);
            return StringValue.of(HexFormat.of().formatHex(sum));
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
          }
        });
  }

  /** An HMAC of operand 1 (the message) keyed by operand 2. */
  private static Builtin hmac(String name, String algorithm) {
    return Builtin.function(CATEGORY, name, Types.fn(Types.STRING, Types.STRING, Types.STRING),
        (ctx, args) -> {
          byte[] message = utf8(Operands.string(args, 0));
          byte[] key = utf8(Operands.string(args, 1));
          try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(nonEmpty(key), algorithm));
            return StringValue.of(HexFormat.of().formatHex(mac.doFinal(message)));
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
          }
        });
  }

  /**
   * Java refuses an empty HMAC key, which Go accepts. HMAC pads short keys with zero bytes, so a
   * single zero byte is the same key.
   */
  private static byte[] nonEmpty(byte[] key) {
    return key.length == 0 ? new byte[1] : key;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
